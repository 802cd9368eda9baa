"""The institution's path on the command line and the web: get the workbook, fill it in, convert or check it,
and the nightly ingest and the web page take a workbook as they take a filing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from mbo_xbrl.cli import cli
from mbo_xbrl.ingestion import ingest
from mbo_xbrl.limits import Limits
from mbo_xbrl.store.store import Store
from mbo_xbrl.synthetic.foreign import STYLES, restyle
from mbo_xbrl.workbook.content import keyed_values
from mbo_xbrl.workbook.make import read_instance
from tests.conftest import ROOT, VALID_SAMPLES
from tests.workbook.helpers import facts

REGISTER = ROOT / "samples" / "prefill-register.csv"
SAMPLE = ROOT / "samples" / "valid" / "99XB-2024.xbrl"
W002 = ROOT / "samples" / "invalid" / "MBO-W002-cell-not-convertible.xlsx"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_workbooks_from_the_register_lock_and_mark_what_ocw_prefilled(tmp_path: Path) -> None:
    result = run("workbook", "--values", str(REGISTER), "--out", str(tmp_path), "--year", "2024")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["99XA-2024-werkmap.xlsx", "99XB-2024-werkmap.xlsx"]
    book = load_workbook(tmp_path / "99XB-2024-werkmap.xlsx")
    cover = book["Voorblad"]
    assert [cover["B3"].value, cover["B5"].value] == ["99XB", 2024]
    assert book.sheetnames[1:4] == ["01 Algemeen", "02 Begroting totaal", "03 Doel 1.1"]
    sheet = book["11 Doel 1.3 indicatoren"]
    start, target = sheet["B6"], sheet["D6"]  # I1.3.01: start value pre-filled by OCW, target to fill in
    assert start.value == pytest.approx(4.7) and start.protection.locked and start.fill.fgColor.rgb.endswith("D9D9D9")
    assert target.value is None and not target.protection.locked and target.fill.fgColor.rgb.endswith("FFF2CC")
    assert sheet.protection.sheet
    ranges = {str(v.sqref): (v.type, v.formula1, v.formula2) for v in sheet.data_validations.dataValidation}
    assert ("decimal", "0", "100") in ranges.values()  # a percentage: 0-100
    choices = book["04 Doel 1.1 maatregelen"].data_validations.dataValidation
    assert any(v.type == "list" and v.formula1 == '"ja,nee"' for v in choices)
    assert book["mbo-xbrl"].sheet_state == "veryHidden"


def test_the_english_workbook_speaks_english(tmp_path: Path) -> None:
    out = tmp_path / "99XB.xlsx"
    assert run("workbook", "--filing", str(SAMPLE), "--out", str(out), "--lang", "en").exit_code == 0
    book = load_workbook(out)
    assert book.sheetnames[:3] == ["Cover", "01 General", "02 Budget total"]
    assert book["04 Objective 1.1 measures"]["B5"].value in ("yes", "no")


@pytest.mark.parametrize("path", VALID_SAMPLES, ids=lambda p: p.name)
def test_filing_to_workbook_to_filing_on_the_command_line(path: Path, tmp_path: Path) -> None:
    book, back = tmp_path / "werkmap.xlsx", tmp_path / "terug.xbrl"
    assert run("workbook", "--filing", str(path), "--out", str(book)).exit_code == 0
    result = run("convert", str(book), "--out", str(back))
    assert result.exit_code == 0, result.output
    assert "GOEDGEKEURD" in result.stdout
    assert facts(back.read_bytes()) == facts(path.read_bytes())


@pytest.mark.parametrize("style", STYLES)
def test_a_filing_written_by_other_software_becomes_the_same_workbook(style: str, tmp_path: Path) -> None:
    foreign = restyle(SAMPLE.read_bytes(), [style])
    (tmp_path / "foreign.xbrl").write_bytes(foreign)
    book, back = tmp_path / "werkmap.xlsx", tmp_path / "terug.xbrl"
    assert run("workbook", "--filing", str(tmp_path / "foreign.xbrl"), "--out", str(book)).exit_code == 0
    assert run("convert", str(book), "--out", str(back)).exit_code == 0
    limits = Limits()
    assert keyed_values(read_instance(back.read_bytes(), limits))[0] == \
        keyed_values(read_instance(foreign, limits))[0]


def test_convert_names_the_cell_and_writes_nothing_when_a_cell_cannot_be_converted(tmp_path: Path) -> None:
    out = tmp_path / "filing.xbrl"
    result = run("convert", str(W002), "--out", str(out), "--format", "json")
    assert result.exit_code == 1
    finding = json.loads(result.stdout)["reports"][0]["findings"][0]
    assert finding["code"] == "MBO-W002" and finding["cell"] == "'07 Doel 1.2 indicatoren'!E7"
    assert not out.exists()


def test_an_empty_workbook_for_an_institution_the_register_does_not_have(tmp_path: Path) -> None:
    out = tmp_path / "99XN.xlsx"
    result = run("workbook", "--institution", "99XN", "--year", "2025", "--non-funded", "--name", "Noorderlicht",
                 "--out", str(out))
    assert result.exit_code == 0, result.output
    book = load_workbook(out)
    assert [s for s in book.sheetnames if s[:2].isdigit()] == [
        "01 Algemeen", "07 Doel 1.2 indicatoren", "34 Doel 3.1 indicatoren", "38 Doel 3.2 indicatoren",
        "50 Alternatieve bronnen", "51 Voortgangsparagraaf"]
    assert book["01 Algemeen"]["B6"].value == 2025  # the 2025 release's reporting year, fixed
    check = run("check", "--format", "json", str(out))
    report = json.loads(check.stdout)["reports"][0]
    assert report["funded"] is False and report["taxonomy_release"] == 2025 and report["institution"] == "99XN"
    assert {f["code"] for f in report["findings"]} == {"MBO-C002", "MBO-C003"}  # what is still to be filled in
    assert all(f["cell"].startswith("'") for f in report["findings"])


def test_usage_errors_exit_2_and_say_what_is_missing(tmp_path: Path) -> None:
    nothing = run("workbook", "--out", str(tmp_path))
    assert nothing.exit_code == 2 and "give --values, --filing or --institution" in nothing.output
    no_year = run("workbook", "--institution", "99XN", "--out", str(tmp_path / "x.xlsx"))
    assert no_year.exit_code == 2 and "--institution needs --year" in no_year.output
    both = run("workbook", "--filing", str(SAMPLE), "--institution", "99XN", "--out", str(tmp_path / "x.xlsx"))
    assert both.exit_code == 2 and not (tmp_path / "x.xlsx").exists()


def test_check_and_facts_take_a_workbook(tmp_path: Path) -> None:
    book = tmp_path / "werkmap.xlsx"
    assert run("workbook", "--filing", str(SAMPLE), "--out", str(book)).exit_code == 0
    result = run("check", str(book))
    assert result.exit_code == 0 and "GOEDGEKEURD" in result.stdout
    listed = run("facts", str(book))
    assert listed.exit_code == 0
    assert len(listed.stdout.splitlines()) == len(run("facts", str(SAMPLE)).stdout.splitlines())
    assert run("facts", str(W002)).exit_code == 1


def test_the_nightly_ingest_loads_a_workbook_from_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    assert run("workbook", "--filing", str(SAMPLE), "--out", str(folder / "99XB-2024-werkmap.xlsx")).exit_code == 0
    (folder / "kapot.xlsx").write_bytes(W002.read_bytes())
    url = f"duckdb:///{tmp_path / 'store.duckdb'}"
    summary = ingest([folder], url)
    outcomes = {Path(f.path).name: f.outcome for f in summary.files}
    assert outcomes == {"99XB-2024-werkmap.xlsx": "accepted", "kapot.xlsx": "rejected"}, outcomes
    with Store.open(url) as store:
        _, rows = store.rows("filings", current=False, columns=["institution", "report_year", "status"])
        values_stored = store.count("indicator_values")
    assert sorted(rows) == [("99XB", 2024, "accepted"), ("99XB", 2024, "rejected")]
    assert values_stored == len(read_instance(SAMPLE.read_bytes(), Limits()).indicator_values) > 0


def test_a_fact_no_cell_holds_is_named_when_the_workbook_is_made(tmp_path: Path) -> None:
    from decimal import Decimal

    from mbo_xbrl.catalogue import load_catalogue
    from mbo_xbrl.filing.model import IndicatorValue
    from mbo_xbrl.filing.writer import write_instance
    from mbo_xbrl.synthetic.samples import veen

    cat = load_catalogue()
    content = veen(cat)
    content.indicator_values.append(IndicatorValue(indicator="I1.3.01", kind="realisation", year=2023,
                                                   value=Decimal("3.9")))  # an earlier year's realisation
    filing = tmp_path / "99XB.xbrl"
    filing.write_bytes(write_instance(content, cat))
    result = run("workbook", "--filing", str(filing), "--out", str(tmp_path / "w.xlsx"))
    assert result.exit_code == 0
    assert "1 feiten van de aanlevering hebben geen cel in de werkmap" in result.stderr
    assert "mbo-i:NewEarlyLeaversShare" in result.stderr
