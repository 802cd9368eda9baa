"""A workbook with the mistakes controllers make: each finding names the sheet and cell it is about."""

from __future__ import annotations

import pytest

from mbo_xbrl.catalogue import load_catalogue
from mbo_xbrl.report.model import Severity
from mbo_xbrl.synthetic.workbooks import filled_workbook, with_cells
from mbo_xbrl.workbook.layout import FactKey, layout_for
from mbo_xbrl.workbook.read import cell_ref

SLOTS = layout_for(2024, True, 2024).slots()


def where(key: FactKey) -> tuple[str, str]:
    """(sheet, coordinate) of a key's cell in the 2024 workbook, as the layout places it."""
    sheet, row, column, _ = SLOTS[key]
    return sheet, cell_ref(sheet, row, column).rpartition("!")[2]


def ref(cell: tuple[str, str]) -> str:
    return f"'{cell[0]}'!{cell[1]}"


TEXT_IN_NUMBER = where(FactKey("indicator", year=2024, indicator="I1.2.01", value_kind="realisation",
                               breakdown=(("study_route", "BOL"),)))
NOT_A_CHOICE = where(FactKey("MeasureApplied", year=2024, measure="M1.1.01"))
CLEARED_TARGET = where(FactKey("indicator", year=2027, indicator="I1.3.01", value_kind="target"))
NEGATIVE = where(FactKey("BudgetAmount", year=2024, objective="1.1", measure="own:1.1"))
TOO_PRECISE = where(FactKey("indicator", year=2024, indicator="I1.2.01", value_kind="realisation"))


@pytest.fixture(scope="module")
def report(engine):
    book = with_cells(filled_workbook(load_catalogue()), {
        TEXT_IN_NUMBER: "12,5%",
        NOT_A_CHOICE: "misschien",
        CLEARED_TARGET: None,
        NEGATIVE: -5000,
        TOO_PRECISE: 78.14,
    })
    return engine.check_bytes(book, "99XB-2024-werkmap.xlsx")


def by_cell(report) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in report.findings:
        out.setdefault(f.cell, set()).add(f.code)
    return out


def test_the_layout_places_cells_where_the_sheets_show_them() -> None:
    assert NOT_A_CHOICE == ("04 Doel 1.1 maatregelen", "B5")
    assert CLEARED_TARGET == ("11 Doel 1.3 indicatoren", "D6")


def test_each_mistake_is_a_finding_on_its_cell(report) -> None:
    cells = by_cell(report)
    assert cells[ref(TEXT_IN_NUMBER)] == {"MBO-W002"}
    assert cells[ref(NOT_A_CHOICE)] == {"MBO-W002", "MBO-M003"}  # no choice, because the word was not one
    assert cells[ref(CLEARED_TARGET)] == {"MBO-C001"}
    assert "MBO-B005" in cells[ref(NEGATIVE)]
    assert cells[ref(TOO_PRECISE)] == {"MBO-W002"}
    assert not report.valid


def test_findings_say_the_cell_in_both_languages_and_the_follow_up_is_grouped(report) -> None:
    text = next(f for f in report.findings if f.cell == ref(TEXT_IN_NUMBER))
    assert text.message_nl == f"Cel {ref(TEXT_IN_NUMBER)}: '12,5%' is geen getal."
    assert text.location_en == f"cell {ref(TEXT_IN_NUMBER)} · Realisation 2024, School-based route (BOL), " \
                               "I1.2.01 Students who feel safe at school — percentage (0-100)"
    assert text.objective == "1.2" and text.indicator == "I1.2.01"
    choice = next(f for f in report.findings if f.code == "MBO-M003")
    assert choice.caused_by == "MBO-W002"
    assert choice.location_nl.startswith(f"cel {ref(NOT_A_CHOICE)} · Pas toe of leg uit")
    assert choice.line is None  # a line of the converted instance means nothing to whoever filled in the workbook
    target = next(f for f in report.findings if f.code == "MBO-C001")
    assert target.location_nl == f"cel {ref(CLEARED_TARGET)} · Streefwaarde 2027 van indicator I1.3.01 " \
                                 "Aandeel nieuwe voortijdig schoolverlaters"


def test_a_number_with_more_decimals_than_its_unit_is_rounded_and_said_so(report) -> None:
    rounded = next(f for f in report.findings if f.cell == ref(TOO_PRECISE))
    assert rounded.severity is Severity.WARNING
    assert rounded.args["rounded"] == "78.1" and rounded.args["value"] == "78.14"
    assert "78,14 is afgerond tot 78,1" in rounded.message_nl and "78.14 was rounded to 78.1" in rounded.message_en


def test_an_unknown_sheet_is_a_warning_and_a_missing_one_stops_the_conversion(engine) -> None:
    from io import BytesIO

    from openpyxl import load_workbook

    from mbo_xbrl.workbook.write import with_fixed_timestamps

    def edited(change) -> bytes:
        book = load_workbook(BytesIO(filled_workbook(load_catalogue())))
        change(book)
        buffer = BytesIO()
        book.save(buffer)
        return with_fixed_timestamps(buffer.getvalue())

    extra = engine.check_bytes(edited(lambda b: b.create_sheet("Blad1")), "extra.xlsx")
    assert extra.valid
    assert [(f.code, f.severity, f.args["sheet"]) for f in extra.findings] == [
        ("MBO-W004", Severity.WARNING, "Blad1")]
    missing = engine.check_bytes(edited(lambda b: b.remove(b["50 Alternatieve bronnen"])), "missing.xlsx")
    assert [(f.code, f.args["problem"]) for f in missing.findings] == [("MBO-W004", "missing_sheet")]
    assert missing.stopped_at == "workbook" and not missing.valid
    renamed = engine.check_bytes(edited(lambda b: setattr(b["51 Voortgangsparagraaf"], "title", "Toelichting")),
                                 "renamed.xlsx")
    assert sorted(f.args["problem"] for f in renamed.findings) == ["missing_sheet", "unknown_sheet"]


def test_an_own_indicator_row_without_code_and_a_start_value_without_year(engine) -> None:
    own_name = where(FactKey("OwnIndicatorName", year=2024, objective="1.2", own="#1"))
    start_year = where(FactKey("indicator", indicator="I1.2.01", value_kind="start", part="year"))
    report = engine.check_bytes(with_cells(filled_workbook(load_catalogue()), {
        own_name: "Meldingen bij de vertrouwenspersoon", start_year: None}), "own.xlsx")
    problems = {f.args["problem"]: f.cell for f in report.findings if f.code == "MBO-W002"}
    assert problems["no_code"] == f"'{own_name[0]}'!B{own_name[1][1:]}"
    assert problems["no_year"] == ref(where(FactKey("indicator", indicator="I1.2.01", value_kind="start")))


def test_a_percentage_typed_with_a_percent_sign_is_the_percentage_the_user_sees(engine) -> None:
    from io import BytesIO

    from openpyxl import load_workbook

    from mbo_xbrl.workbook.read import read_workbook
    from mbo_xbrl.workbook.write import with_fixed_timestamps

    book = load_workbook(BytesIO(filled_workbook(load_catalogue())))
    cell = book[TOO_PRECISE[0]][TOO_PRECISE[1]]
    cell.value, cell.number_format = 0.781, "0.0%"  # what Excel stores when "78,1%" is typed in the cell
    buffer = BytesIO()
    book.save(buffer)
    conversion = read_workbook(with_fixed_timestamps(buffer.getvalue()), 50 << 20)
    assert conversion.findings == []
    key = FactKey("indicator", year=2024, indicator="I1.2.01", value_kind="realisation")
    assert str(conversion.values[key]) == "78.1"


def test_an_own_indicators_value_is_rounded_to_the_decimals_of_its_own_unit(engine) -> None:
    """EI-01 is a percentage: one decimal, as the writer reports it; the row's unit cell says so."""
    cell = where(FactKey("OwnIndicatorValue", year=2024, value_kind="realisation", objective="1.1", own="#1"))
    report = engine.check_bytes(with_cells(filled_workbook(load_catalogue()), {cell: 73.55}), "own.xlsx")
    rounded = [f for f in report.findings if f.cell == ref(cell)]
    assert [(f.code, f.severity, f.args["rounded"]) for f in rounded] == [("MBO-W002", Severity.WARNING, "73.6")]


def test_a_spreadsheet_not_made_by_mbo_xbrl_and_a_workbook_of_an_unknown_release_are_not_converted(engine) -> None:
    from io import BytesIO

    from openpyxl import Workbook, load_workbook

    from mbo_xbrl.workbook.write import with_fixed_timestamps

    own = Workbook()  # an institution's own spreadsheet, with the same numbers in it
    own.active["A1"], own.active["B1"] = "I1.2.01 realisatie", 78.1
    buffer = BytesIO()
    own.save(buffer)
    report = engine.check_bytes(buffer.getvalue(), "eigen.xlsx")
    assert [(f.code, f.args["problem"]) for f in report.findings] == [("MBO-W004", "no_identity")]
    assert report.stopped_at == "workbook" and not report.valid

    book = load_workbook(BytesIO(filled_workbook(load_catalogue())))
    meta = book["mbo-xbrl"]
    row = next(r for r in meta.iter_rows() if r[0].value == "release")
    row[1].value = "2031"  # made by a later version of the program
    buffer = BytesIO()
    book.save(buffer)
    later = engine.check_bytes(with_fixed_timestamps(buffer.getvalue()), "later.xlsx")
    assert [(f.code, f.args["problem"], f.args["release"]) for f in later.findings] == [
        ("MBO-W004", "unknown_release", 2031)]
