"""The sector report reads as a publication, in the reader's language: read back from what is rendered.

The page is parsed as HTML and every number is read back with Babel in the page's language and compared
with the tables `build_report` computed; the workbook is opened with openpyxl. Nothing here compares with
strings copied from the code.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import lxml.html
import pytest
from babel.numbers import NumberFormatError, parse_decimal
from openpyxl import load_workbook

from mbo_xbrl.analysis.labels import LABELS
from mbo_xbrl.analysis.report import PAGE_TABLES, build_report, write_report
from mbo_xbrl.store import open_store
from tests.analysis.test_report import small_store  # noqa: F401  (the hand-computed store)

LOCALE = {"nl": "nl_NL", "en": "en_GB"}


@pytest.fixture(params=["nl", "en"])
def page(request, small_store: str, tmp_path: Path):  # noqa: F811
    with open_store(small_store) as store:
        report = build_report(store, 2024)
    path = write_report(report, tmp_path / request.param, lang=request.param)
    return request.param, report, lxml.html.fromstring(path.read_text("utf-8")), path.parent


def _tables(doc) -> list[tuple[list[str], list[list]]]:
    out = []
    for table in doc.iter("table"):
        heads = [th.text_content() for th in table.iter("th")]
        rows = [[td for td in tr.iter("td")] for tr in table.iter("tr") if tr.find("td") is not None]
        out.append((heads, rows))
    return out


def _number(text: str, lang: str) -> Decimal:
    text = text.strip().rstrip("%").replace("\xa0", "").strip()
    return parse_decimal(text, locale=LOCALE[lang], strict=True)


def assert_page_reads_in(lang: str, folder: Path) -> None:
    """A written report read back: headers are words, every number parses in `lang`, and the budget and
    ambition tables' figures equal the CSVs beside the page (which keep the unformatted values)."""
    import pandas as pd

    doc = lxml.html.fromstring((folder / "index.html").read_text("utf-8"))
    words = {v for v in LABELS[lang].values() if isinstance(v, str)}
    tables = _tables(doc)
    for heads, rows in tables:
        assert all(h in words and "_" not in h for h in heads), heads
        for row in rows:
            for td in row:
                if td.get("class") == "n" and td.text_content() != "–":
                    _number(td.text_content(), lang)
    heads, rows = next(t for t in tables if LABELS[lang]["institutions_budgeting"] in t[0])
    sector = pd.read_csv(folder / "budget_sector.csv", dtype={"objective": str}).set_index("objective")
    amount, share = heads.index(LABELS[lang]["amount"]), heads.index(LABELS[lang]["share"])
    for row in rows:
        objective = row[0].text_content()
        assert _number(row[amount].text_content(), lang) == round(Decimal(str(sector.loc[objective, "amount"])))
        assert float(_number(row[share].text_content(), lang)) == \
            pytest.approx(float(sector.loc[objective, "share"]) * 100, abs=0.05)
    heads, rows = next(t for t in tables if LABELS[lang]["mean_start"] in t[0])
    ambition = pd.read_csv(folder / "ambition.csv").set_index("indicator")
    start = heads.index(LABELS[lang]["mean_start"])
    for row in rows:
        expected = float(ambition.loc[row[0].text_content(), "mean_start"])
        assert float(_number(row[start].text_content(), lang)) == pytest.approx(expected, abs=0.006)


def test_headers_and_statuses_are_words_of_the_language(page) -> None:
    lang, report, doc, _ = page
    words = {v for v in LABELS[lang].values() if isinstance(v, str)}
    raw_columns = {c for frame in report.tables.values() for c in frame.columns} - words
    for heads, rows in _tables(doc):
        for head in heads:
            assert head in words and head not in raw_columns and "_" not in head, head
    statuses = {td.text_content() for _, rows in _tables(doc) for row in rows for td in row}
    assert {LABELS[lang]["status_accepted"], LABELS[lang]["status_rejected"]} <= statuses
    assert not {"accepted", "rejected"} & statuses if lang == "nl" else True
    assert "percentage" not in statuses  # units in words


def test_every_number_reads_back_in_the_pages_language(page) -> None:
    lang, report, doc, folder = page
    assert_page_reads_in(lang, folder)
    cells = [td.text_content() for _, rows in _tables(doc) for row in rows for td in row if td.get("class") == "n"]
    assert cells
    for text in cells:
        if text == "–":
            continue
        try:
            _number(text, lang)
        except NumberFormatError as err:
            raise AssertionError(f"{text!r} is not a {lang} number") from err
    # the sector budget: amounts with the language's group separator, shares as percentages of the table's fractions
    heads, rows = next(t for t in _tables(doc) if LABELS[lang]["institutions_budgeting"] in t[0])
    amount, share = heads.index(LABELS[lang]["amount"]), heads.index(LABELS[lang]["share"])
    sector = report.tables["budget_sector"].set_index("objective")
    for row in rows:
        objective = row[0].text_content()
        assert _number(row[amount].text_content(), lang) == Decimal(int(sector.loc[objective, "amount"]))
        shown = row[share].text_content()
        assert shown.endswith("%")
        assert float(_number(shown, lang)) == pytest.approx(float(sector.loc[objective, "share"]) * 100, abs=0.05)
    big = next(row[amount].text_content() for row in rows if row[0].text_content() == "1.3")  # 1300 euro
    assert big == ("1.300" if lang == "nl" else "1,300")


def test_years_are_plain_numbers_and_names_stand_beside_codes(page) -> None:
    lang, report, doc, _ = page
    text = doc.text_content()
    assert "2.024" not in text and "2,024" not in text and "2024" in text
    heads, rows = next(t for t in _tables(doc) if LABELS[lang]["status"] in t[0])  # completeness
    name = heads.index(LABELS[lang]["institution_name"])
    assert {r[0].text_content(): r[name].text_content() for r in rows}["E"] == report.names["E"] == "College E"


def test_the_page_opens_with_a_summary_and_explains_its_method(page) -> None:
    lang, report, doc, _ = page
    summary = doc.get_element_by_id("summary").text_content()
    assert str(report.institutions) in summary and str(report.year) in summary
    total = int(report.tables["budget_sector"]["amount"].sum())
    amounts = [_number(a, lang) for a in re.findall(r"€\s?(\d[\d.,]*\d)", summary)]
    assert amounts == [total]  # the sector's total budget, the euro amount the summary names
    method = doc.get_element_by_id("method")
    assert len(method.findall(".//p")) >= 5 and "docs/" not in method.text_content()
    for figure in doc.iter("figure"):  # every chart is described for who cannot see it
        assert figure.get("role") == "img" and len(figure.get("aria-label")) > 20
        assert figure.find("figcaption").text_content() == figure.get("aria-label")


def assert_workbook_reads_in(lang: str, folder: Path, tables: int) -> None:
    """The report's workbook read back with openpyxl: a sheet per table, each an Excel table with the page's
    headers in `lang`, and the sector budget as real numbers equal to the CSV, shares formatted as percentages."""
    import pandas as pd

    book = load_workbook(next(folder.glob("*.xlsx")))
    assert len(book.sheetnames) == tables
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        heads = [c.value for c in sheet[1]]
        assert all(h in LABELS[lang].values() for h in heads), heads
        if sheet.max_row > 1:
            assert len(sheet.tables) == 1  # Excel opens it as a table, whatever its locale
    sector = book[LABELS[lang]["sheet_budget_sector"]]
    heads = [c.value for c in sector[1]]
    rows = {r[0]: r for r in sector.iter_rows(min_row=2, values_only=True)}
    amount, share = heads.index(LABELS[lang]["amount"]), heads.index(LABELS[lang]["share"])
    expected = pd.read_csv(folder / "budget_sector.csv", dtype={"objective": str}).set_index("objective")
    assert set(rows) == set(expected.index)
    for objective, row in rows.items():
        assert isinstance(row[amount], (int, float)) and row[amount] == pytest.approx(expected.loc[objective, "amount"])
        if pd.notna(expected.loc[objective, "share"]):
            assert row[share] == pytest.approx(float(expected.loc[objective, "share"]))
    assert sector.cell(row=2, column=share + 1).number_format.endswith("%")


def test_the_workbook_holds_the_tables_as_excel_tables_with_real_numbers(page) -> None:
    lang, report, _, folder = page
    assert_workbook_reads_in(lang, folder, len(PAGE_TABLES))  # the page's tables; institutions' rows are CSV only
    assert set(report.tables) > set(PAGE_TABLES)
    book = load_workbook(next(folder.glob("*.xlsx")))
    completeness = book[LABELS[lang]["sheet_completeness"]]
    heads = [c.value for c in completeness[1]]
    rows = {r[0]: r for r in completeness.iter_rows(min_row=2, values_only=True)}
    assert rows["E"][heads.index(LABELS[lang]["institution_name"])] == "College E"  # the name beside the code
    assert rows["E"][heads.index(LABELS[lang]["status"])] == LABELS[lang]["status_rejected"]  # the status in words
