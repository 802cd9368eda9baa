"""The four-year synthetic sector (2024-2027), ingested: its histories, merger and late correction, and every
institution's page and the sector's multi-year view recomputed from the store's rows with SQL of its own."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from statistics import median

import lxml.html
import pytest

from mbo_xbrl import formats
from mbo_xbrl.analysis.institution import write_institution_pages
from mbo_xbrl.analysis.report import build_report, write_report
from mbo_xbrl.catalogue import load_catalogue
from mbo_xbrl.ingestion import ingest
from mbo_xbrl.store import open_store
from mbo_xbrl.synthetic.sector import MERGER_YEAR, RESUBMISSION_YEAR, write_sector

YEARS = (2024, 2025, 2026, 2027)


@pytest.fixture(scope="module")
def sector(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("four-years")
    write_sector(folder / "sector", years=YEARS)
    url = str(folder / "store.duckdb")
    ingest([folder / "sector"], url, workers=2)
    return folder, url


@pytest.fixture(scope="module")
def report(sector):
    with open_store(sector[1]) as store:
        return build_report(store)


def _query(url: str, sql: str) -> list[tuple]:
    with open_store(url) as store:
        return store.backend.query(sql)[1]


def test_four_years_unfold_with_a_merger_and_a_late_correction(sector) -> None:
    folder, url = sector
    per_year = dict(_query(url, "SELECT report_year, COUNT(DISTINCT institution) FROM filings GROUP BY 1"))
    assert per_year == {2024: 52, 2025: 52, 2026: 51, 2027: 51}  # one institution merged into another
    years = {}
    for code, year in _query(url, "SELECT institution, report_year FROM filings"):
        years.setdefault(code, set()).add(year)
    absorbed = [code for code, filed in years.items() if filed == {2024, 2025}]
    assert len(absorbed) == 1
    narratives = _query(url, f"SELECT institution, institution_name, progress_narrative FROM filings "
                             f"WHERE report_year = {MERGER_YEAR} AND progress_narrative LIKE '%({absorbed[0]})%'")
    assert len(narratives) == 1 and "opgegaan in deze instelling" in narratives[0][2]
    corrected = _query(url, f"SELECT institution, file_name, status, is_current, submitted_at FROM filings "
                            f"WHERE report_year = {RESUBMISSION_YEAR} AND institution IN (SELECT institution FROM "
                            f"filings WHERE file_name LIKE '%-correctie.xbrl') ORDER BY submitted_at")
    assert [(r[1].endswith("-correctie.xbrl"), r[2], r[3]) for r in corrected] == \
        [(False, "rejected", False), (True, "accepted", True)]
    assert corrected[0][4] < datetime(RESUBMISSION_YEAR + 1, 7, 1) < corrected[1][4]  # late: after 1 July


def _paths_from_sql(url: str) -> dict[tuple[str, str, int], dict]:
    """Every realisation of a current funded filing with its filing's start and target, the later reporting
    year winning a doubly stated year: the report's `paths`, computed here from SQL and plain Python."""
    rows = _query(url, """
        SELECT v.institution, v.indicator, v.report_year, v.filing_id, v.value_kind, v.period_year, v.value
        FROM current_indicator_values v JOIN filings f ON f.filing_id = v.filing_id
        WHERE f.funded AND v.study_route IS NULL AND v.level IS NULL AND v.domain IS NULL AND v.age IS NULL
          AND v.gender IS NULL AND v.exam_level IS NULL""")
    plans: dict[tuple[str, str], dict] = {}
    for institution, indicator, report_year, filing, kind, year, value in rows:
        plan = plans.setdefault((filing, indicator), {"institution": institution, "report_year": report_year,
                                                      "realised": {}})
        if kind == "start" and ("start_year" not in plan or year < plan["start_year"]):
            plan["start"], plan["start_year"] = value, year
        elif kind == "target":
            plan["target"] = value
        elif kind == "realisation":
            plan["realised"][year] = value
    catalogue = load_catalogue()
    sign = {i.code: 1 if i.direction.value == "higher" else -1 for i in catalogue.indicators}
    out: dict[tuple[str, str, int], dict] = {}
    for (_, indicator), plan in sorted(plans.items(), key=lambda item: item[1]["report_year"]):
        if "start" not in plan or "target" not in plan:
            continue
        for year, value in plan["realised"].items():
            if year <= plan["start_year"]:
                continue
            trajectory = plan["start"] + (plan["target"] - plan["start"]) * (year - plan["start_year"]) / (
                2027 - plan["start_year"])
            out[(plan["institution"], indicator, year)] = {
                "value": value, "trajectory": trajectory,
                "on_track": value * sign[indicator] >= trajectory * sign[indicator] - 1e-9}
    return out


def test_every_institutions_page_agrees_with_the_store(sector, report) -> None:
    folder, url = sector
    expected = _paths_from_sql(url)
    by_year: dict[tuple[str, int], list[float]] = {}
    for (_, indicator, year), p in expected.items():
        by_year.setdefault((indicator, year), []).append(p["value"])
    catalogue = load_catalogue()
    digits = {i.code: catalogue.unit_by_code[i.unit].decimals for i in catalogue.indicators}
    index = write_institution_pages(report, folder / "pages")
    codes = [a.text for a in lxml.html.parse(str(index)).getroot().iterfind(".//tbody//a")]
    assert len(codes) == 52 and len(set(codes)) == 52
    shown = 0
    for code in codes:
        doc = lxml.html.parse(str(folder / "pages" / f"{code}.html")).getroot()
        for card in doc.find_class("card"):
            indicator = card.get("id").removeprefix("i-")
            for tr in card.iterfind(".//tbody/tr"):
                cells = [td.text_content().strip() for td in tr.findall("td")]
                year = int(cells[0])
                p = expected.pop((code, indicator, year))
                number = lambda v: formats.number(round(v, digits[indicator]), "nl", digits[indicator])  # noqa: E731
                assert cells[1:4] == [number(p["value"]), number(p["trajectory"]), "ja" if p["on_track"] else "achter"]
                assert cells[4] == number(median(by_year[(indicator, year)])), (code, indicator, year)
                assert cells[6] == str(len(by_year[(indicator, year)]))
                shown += 1
    assert not expected and shown > 3000  # every realisation in the store is on its institution's page, once


def test_the_multi_year_sector_view_agrees_with_the_store(sector, report) -> None:
    folder, url = sector
    expected = _paths_from_sql(url)
    per_institution: dict[tuple[str, int], list[bool]] = {}
    per_indicator: dict[tuple[str, int], list[bool]] = {}
    for (institution, indicator, year), p in expected.items():
        per_institution.setdefault((institution, year), []).append(p["on_track"])
        per_indicator.setdefault((indicator, year), []).append(p["on_track"])
    table = report.tables["progress_years"].set_index("year")
    assert list(table.index) == list(YEARS)
    for year in YEARS:
        verdicts = [sum(v) / len(v) >= 0.5 for (i, y), v in per_institution.items() if y == year]
        behind = [sum(v) / len(v) < 0.5 for (i, y), v in per_indicator.items() if y == year]
        assert (table.loc[year, "institutions"], table.loc[year, "on_track"]) == (len(verdicts), sum(verdicts))
        assert (table.loc[year, "indicators"], table.loc[year, "indicators_behind"]) == (len(behind), sum(behind))
    page = write_report(report, folder / "sector-report")
    doc = lxml.html.parse(str(page)).getroot()
    rows = [[td.text_content() for td in tr.findall("td")]
            for tr in doc.get_element_by_id("realisation").find(".//table").iterfind(".//tbody/tr")]
    assert [(int(r[0]), int(r[1]), int(r[2])) for r in rows] == \
        [(y, int(table.loc[y, "institutions"]), int(table.loc[y, "on_track"])) for y in YEARS]


def test_realisations_scatter_around_their_paths_with_some_institutions_behind(report) -> None:
    """Believable histories: neither everyone on the path nor no one; some institutions behind year after year."""
    years = report.tables["institution_years"]
    shares = years.groupby("institution")["share_on_track"].mean()
    assert 0.3 < float(report.tables["progress_years"]["share_on_track"].mean()) < 0.9
    assert (shares < 0.35).sum() >= 3 and (shares > 0.6).sum() >= 10
    paths = report.tables["paths"]
    assert (paths["realisation"] - paths["trajectory"]).abs().median() > 0


def test_a_rejected_report_of_the_year_is_said_and_leaves_no_empty_budget(sector, report) -> None:
    from mbo_xbrl.analysis.institution import render_institution_page

    rejected = _query(sector[1], "SELECT institution FROM filings WHERE report_year = 2027 GROUP BY institution "
                                 "HAVING bool_and(status = 'rejected') ORDER BY institution LIMIT 1")
    assert rejected, "the synthetic sector rejects some 2027 filings"
    doc = lxml.html.fromstring(render_institution_page(report, rejected[0][0]))
    assert "De rapportage over 2027 is afgekeurd" in doc.get_element_by_id("summary").text_content()
    budget = doc.get_element_by_id("budget")
    assert budget.find(".//table") is None and "Geen begroting in een rapportage over 2027." in budget.text_content()
