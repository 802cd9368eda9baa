"""The sector report on a small store whose every number is computed by hand below.

Four institutions report for 2024: A, B and C accepted, D accepted without a budget, and E
rejected. Two indicators: I1.2.01 (feel safe at school, %, higher is better) and I1.3.02 (new
early leavers, a count, lower is better). Quartiles are linear interpolation (pandas' default):
for sorted x0..x(n-1), Qp sits at position p·(n−1).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from mbo_xbrl.analysis.report import ReportError, build_report, write_report
from mbo_xbrl.analysis.tables import assign_type
from mbo_xbrl.cli import cli
from mbo_xbrl.store import Store, open_store
from mbo_xbrl.store.schema import TABLE_BY_NAME

SAFE, LEAVERS = "I1.2.01", "I1.3.02"
# (institution, indicator): (start, target)
PAIRS = {
    ("A", SAFE): (80, 84), ("B", SAFE): (70, 80), ("C", SAFE): (90, 91), ("D", SAFE): (60, 62),
    ("A", LEAVERS): (500, 400), ("B", LEAVERS): (300, 100), ("C", LEAVERS): (200, 190),
}
OBJECTIVE = {SAFE: "1.2", LEAVERS: "1.3"}
SECTION_IDS = ["ambition", "budget", "typology", "convergence", "completeness", "early_leavers", "practorates",
               "realisation"]


def row(table: str, **values) -> tuple:
    return tuple(values.get(c) for c in TABLE_BY_NAME[table].column_names)


def filing(institution: str, year: int, status: str, n: int) -> dict:
    return {"filing_id": f"{institution}{year}-{n}", "sha256": f"{institution}{year}-{n}", "institution": institution,
            "report_year": year, "status": status, "errors": 0 if status == "accepted" else 1, "warnings": 0,
            "file_name": f"{institution}-{year}.xbrl", "institution_name": f"College {institution}"}


def value(f: dict, indicator: str, kind: str, year: int, amount: float, **breakdown) -> tuple:
    return row("indicator_values", filing_id=f["filing_id"], institution=f["institution"], report_year=f["report_year"],
               objective=OBJECTIVE[indicator], indicator=indicator, value_kind=kind, period_year=year, value=amount,
               **breakdown)


def budget(f: dict, objective: str, year: int, amount: float, level: str = "objective", measure=None) -> tuple:
    return row("budgets", filing_id=f["filing_id"], institution=f["institution"], report_year=f["report_year"],
               budget_year=year, level=level, objective=objective, measure=measure, amount=amount)


def finding(f: dict, code: str, severity: str = "error") -> tuple:
    return row("findings", filing_id=f["filing_id"], institution=f["institution"], report_year=f["report_year"],
               code=code, severity=severity)


@pytest.fixture()
def small_store(tmp_path: Path) -> str:
    url = str(tmp_path / "small.duckdb")
    filings = {name: filing(name, 2024, "rejected" if name == "E" else "accepted", 1) for name in "ABCDE"}
    rows: dict[str, dict[str, list]] = {name: {"indicator_values": [], "budgets": [], "findings": []}
                                        for name in filings}
    for (name, indicator), (start, target) in PAIRS.items():
        f = filings[name]
        rows[name]["indicator_values"] += [value(f, indicator, "start", 2022, start),
                                           value(f, indicator, "target", 2027, target)]
    # breakdown rows and measure budgets must not count: the report reads totals and objective levels
    rows["A"]["indicator_values"].append(value(filings["A"], SAFE, "start", 2022, 10, study_route="bol"))
    rows["A"]["budgets"] += [budget(filings["A"], "1.1", 2024, 100), budget(filings["A"], "1.1", 2025, 100),
                             budget(filings["A"], "1.3", 2024, 300),
                             budget(filings["A"], "1.3", 2024, 300, level="measure", measure="M1.3.01")]
    rows["A"]["findings"].append(finding(filings["A"], "MBO-V002", "warning"))
    rows["B"]["budgets"].append(budget(filings["B"], "1.3", 2026, 1000))
    rows["C"]["budgets"].append(budget(filings["C"], "1.1", 2024, 50))
    rows["C"]["findings"].append(finding(filings["C"], "MBO-B002", "warning"))  # flagged, as if still accepted
    rows["E"]["findings"] += [finding(filings["E"], "MBO-C001"), finding(filings["E"], "MBO-C001"),
                              finding(filings["E"], "MBO-B001")]
    # realisations in a later reporting year: A's 2025 filing (supersedes nothing for 2024)
    later = filing("A", 2025, "accepted", 2)
    rows_later = {"indicator_values": [value(later, SAFE, "start", 2022, 80), value(later, SAFE, "target", 2027, 84),
                                       value(later, SAFE, "realisation", 2024, 81)]}
    with Store.open(url, lock=True) as store:
        store.add_filings([(filings[name], rows[name]) for name in "ABCDE"] + [(later, rows_later)], "run")
    return url


@pytest.fixture()
def tables(small_store: str) -> dict[str, pd.DataFrame]:
    with open_store(small_store) as store:
        return build_report(store, 2024).tables


def records(frame: pd.DataFrame, key: str) -> dict:
    return {r[key]: r for r in frame.to_dict("records")}


def test_ambition_per_indicator(tables) -> None:
    t = records(tables["ambition"], "indicator")
    assert set(t) == {SAFE, LEAVERS}
    safe, leavers = t[SAFE], t[LEAVERS]
    assert safe["institutions"] == 4
    assert safe["mean_start"] == pytest.approx((80 + 70 + 90 + 60) / 4)  # 75, the bol breakdown left out
    assert safe["mean_target"] == pytest.approx((84 + 80 + 91 + 62) / 4)  # 79.25
    assert safe["mean_ambition"] == pytest.approx((4 + 10 + 1 + 2) / 4)  # 4.25
    assert safe["ambition_q1"] == pytest.approx(1.75)  # sorted 1, 2, 4, 10: 1 + 0.75·(2−1)
    assert safe["ambition_q3"] == pytest.approx(5.5)  # 4 + 0.25·(10−4)
    # lower is better: ambition = start − target
    assert leavers["institutions"] == 3
    assert leavers["mean_start"] == pytest.approx(1000 / 3)
    assert leavers["mean_target"] == pytest.approx(230)
    assert leavers["mean_ambition"] == pytest.approx((100 + 200 + 10) / 3)
    assert (leavers["ambition_q1"], leavers["ambition_q3"]) == (pytest.approx(55), pytest.approx(150))
    assert (leavers["unit"], leavers["direction"]) == ("count", "lower")


def test_budget_per_institution_and_sector(tables) -> None:
    by = tables["budget_institutions"]
    a = by[by["institution"] == "A"].set_index("objective")
    assert a.loc["1.1", "amount"] == 200 and a.loc["1.3", "amount"] == 300  # the measure row not counted
    assert a.loc["1.1", "share"] == pytest.approx(0.4) and a.loc["1.3", "share"] == pytest.approx(0.6)
    assert a.loc["3.3", "amount"] == 0 and a.loc["3.3", "share"] == 0
    complete = by.groupby("institution")["complete"].first().to_dict()
    # C has MBO-B002, D budgets nothing, E was rejected: the white bars
    assert complete == {"A": True, "B": True, "C": False, "D": False, "E": False}
    assert len(by) == 5 * 12
    sector = records(tables["budget_sector"], "objective")
    assert sector["1.1"]["amount"] == 200 and sector["1.3"]["amount"] == 1300  # A and B only
    assert sector["1.1"]["share"] == pytest.approx(200 / 1500)
    assert sector["1.3"]["share"] == pytest.approx(1300 / 1500)
    assert sector["1.1"]["institutions_budgeting"] == 1 and sector["1.3"]["institutions_budgeting"] == 2
    assert sector["2.1"]["amount"] == 0 and sector["2.1"]["share"] == 0
    assert {r["institutions"] for r in sector.values()} == {2}


def test_typology_per_indicator(tables) -> None:
    t = records(tables["typology_indicators"], "indicator")
    safe, leavers = t[SAFE], t[LEAVERS]
    assert safe["institutions"] == 4
    assert (safe["start_q1"], safe["start_q3"]) == (pytest.approx(67.5), pytest.approx(82.5))
    assert (safe["target_q1"], safe["target_q3"]) == (pytest.approx(75.5), pytest.approx(85.75))
    assert (safe["ambition_q1"], safe["ambition_q3"]) == (pytest.approx(1.75), pytest.approx(5.5))
    # lower is better: start and target are negated before ranking
    assert (leavers["start_q1"], leavers["start_q3"]) == (pytest.approx(-400), pytest.approx(-250))
    assert (leavers["target_q1"], leavers["target_q3"]) == (pytest.approx(-295), pytest.approx(-145))
    assert (leavers["ambition_q1"], leavers["ambition_q3"]) == (pytest.approx(55), pytest.approx(150))
    for row_ in (safe, leavers):
        assert [row_[f"{m}_{q}"] for m in ("start", "target", "ambition") for q in ("lowest", "highest")] == [1] * 6


def test_typology_per_institution(tables) -> None:
    t = tables["typology_institutions"]
    assert list(t["institution"]) == ["A", "D", "B", "C"]  # most often lowest start first
    got = {r["institution"]: [r["indicators"], r["low_start"], r["high_start"], r["low_target"], r["high_target"],
                              r["low_ambition"], r["high_ambition"], r["type"]] for r in t.to_dict("records")}
    assert got == {
        "A": [2, 1, 0, 1, 0, 0, 0, 3],  # lowest start on early leavers; small steps
        "B": [2, 0, 0, 0, 1, 0, 2, 4],  # average start, highest ambition twice: big steps
        "C": [2, 0, 2, 0, 1, 2, 0, 1],  # highest start twice: front-runner
        "D": [1, 1, 0, 1, 0, 0, 0, 3],
    }
    assert t.set_index("institution").loc["C", "type_nl"].startswith("Hoge startwaarden")


@pytest.mark.parametrize(("counts", "expected"), [
    ((10, 0, 2, 0, 0), 1), ((10, 0, 2, 0, 5), 1), ((10, 2, 0, 0, 3), 2), ((10, 2, 0, 3, 0), 3),
    ((10, 1, 1, 0, 1), 4), ((10, 1, 1, 1, 1), 5), ((20, 0, 3, 0, 0), 1), ((20, 0, 2, 0, 0), 5), ((0, 0, 0, 0, 0), 5),
])
def test_the_type_rule_at_its_edges(counts, expected) -> None:
    """Margin 0.15: 3 of 20 (0.15) is high, 2 of 20 (0.10) is average; a tie in ambition is small steps."""
    assert assign_type(*counts) == expected


def test_convergence(tables) -> None:
    t = records(tables["convergence"], "indicator")
    assert t[SAFE]["iqr_start"] == pytest.approx(15) and t[SAFE]["iqr_target"] == pytest.approx(10.25)
    assert t[SAFE]["converges"]
    assert t[LEAVERS]["iqr_start"] == pytest.approx(150) and t[LEAVERS]["iqr_target"] == pytest.approx(150)
    assert not t[LEAVERS]["converges"]  # the same spread is not convergence


def test_completeness_reads_each_institutions_latest_filing(tables) -> None:
    t = records(tables["completeness"], "institution")
    assert list(tables["completeness"]["institution"]) == ["E", "A", "C", "B", "D"]  # most findings first
    assert [t["E"][k] for k in ("status", "completeness", "budget", "total")] == ["rejected", 2, 1, 3]
    assert [t["A"][k] for k in ("status", "values", "total")] == ["accepted", 1, 1]
    assert t["C"]["budget"] == 1 and t["B"]["total"] == 0 and t["D"]["total"] == 0


def test_early_leavers_against_the_national_aim(tables) -> None:
    t = tables["early_leavers"].iloc[0].to_dict()
    assert t == {"institutions": 3, "sum_start": 1000.0, "sum_target": 690.0, "national_aim": 18000,
                 "target_above_aim": 690.0 - 18000}


def test_practorates_the_share_of_institutions_with_at_least_one() -> None:
    """I3.4.02 (a sector indicator: no institution reports it) from each institution's count I3.4.01: A none at the
    start and two planned, B one and three, C none and none planned; a breakdown row does not count."""
    from mbo_xbrl.analysis.tables import BREAKDOWN_COLUMNS, practorates
    from mbo_xbrl.catalogue import load_catalogue

    counts = {("A", "start"): 0, ("A", "target"): 2, ("B", "start"): 1, ("B", "target"): 3, ("C", "start"): 0,
              ("C", "target"): 0, ("B", "realisation"): 2}
    years = {"start": 2022, "realisation": 2024, "target": 2027}
    rows = [{"institution": i, "indicator": "I3.4.01", "value_kind": k, "period_year": years[k], "value": float(v),
             **{c: None for c in BREAKDOWN_COLUMNS}} for (i, k), v in counts.items()]
    rows.append(rows[0] | {"value": 7.0, "level": "2"})
    table = practorates(pd.DataFrame(rows), load_catalogue())
    assert table.to_dict("records") == [
        {"indicator": "I3.4.02", "value_kind": "start", "year": 2022, "institutions": 3, "with_practorate": 1,
         "share": pytest.approx(1 / 3), "practorates": 1.0},
        {"indicator": "I3.4.02", "value_kind": "realisation", "year": 2024, "institutions": 1, "with_practorate": 1,
         "share": 1.0, "practorates": 2.0},
        {"indicator": "I3.4.02", "value_kind": "target", "year": 2027, "institutions": 3, "with_practorate": 2,
         "share": pytest.approx(2 / 3), "practorates": 5.0}]


def test_the_report_is_of_funded_institutions_only(small_store: str) -> None:
    """Seed 002 leaves non-funded institutions out of view: a non-funded filing in the store changes nothing."""
    with open_store(small_store) as store:
        before = build_report(store, 2024)
    with Store.open(small_store) as store:
        f = filing("N", 2024, "accepted", 1) | {"funded": False, "is_current": True}
        store.backend.execute(f"INSERT INTO filings ({', '.join(f)}) VALUES ({', '.join('?' * len(f))})", list(f.values()))
        store.backend.execute("INSERT INTO indicator_values (filing_id, institution, report_year, objective, indicator, "
                              "value_kind, period_year, value) VALUES (?, 'N', 2024, '1.2', ?, 'start', 2022, 10)",
                              [f["filing_id"], SAFE])
    with open_store(small_store) as store:
        after = build_report(store, 2024)
    assert after.institutions == before.institutions
    assert after.tables["ambition"].equals(before.tables["ambition"])


def test_realisation_against_the_trajectory(small_store: str) -> None:
    """A, start 80 (2022), target 84 (2027): the 2024 trajectory is 80 + 4·2/5 = 81.6; 81 is behind."""
    with open_store(small_store) as store:
        assert build_report(store, 2024).tables["realisation"].empty  # 2024's filings hold no realisation
        t = build_report(store, 2025).tables["realisation"]
    assert t.to_dict("records") == [{"indicator": SAFE, "year": 2024, "institutions": 1, "on_track": 0,
                                     "share_on_track": 0.0, "median": 81.0, "q1": 81.0, "q3": 81.0, "aggregate": "mean",
                                     "sector_start": 80.0, "sector_trajectory": pytest.approx(81.6),
                                     "sector_realisation": 81.0, "sector_target": 84.0, "mean_realisation": 81.0,
                                     "mean_trajectory": pytest.approx(81.6)}]


def test_the_page_is_one_offline_file_with_a_chart_per_section_that_has_data(small_store: str,
                                                                              tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["report", "--store", small_store, "--out", str(tmp_path / "r"),
                                      "--year", "2024"])
    assert result.exit_code == 0, result.output
    page = Path(result.stdout.strip())
    assert page == tmp_path / "r" / "index.html"
    text = page.read_text("utf-8")
    outside = re.sub(r'xmlns(:\w+)?="[^"]*"', "", text)  # namespace names are names, not resources
    assert "://" not in outside and "<script" not in text and " src=" not in text
    links = re.findall(r'href="([^"]*)"', outside)  # the menu, glyphs within the page, the files beside it
    assert links[:9] == [f"#{s}" for s in SECTION_IDS] + ["#method"]
    assert all(x.startswith(("#", "data:")) or re.fullmatch(r"\w+\.csv|sectorbeeld-2024\.xlsx", x) for x in links)
    assert "docs/" not in text  # the method is on the page, not behind a link
    sections = [part for part in text.split("<section ")[1:] if part.startswith(tuple(f'id="{s}"' for s in SECTION_IDS))]
    assert len(sections) == 8
    assert all("<svg" in s for s in sections[:6])  # every section with data has its chart
    assert "Geen gegevens" in sections[6]  # no institution reported practorates
    assert "Geen gegevens" in sections[7]  # 2024 holds no realisations: said, not drawn
    assert 'lang="nl"' in text and "Ambitie per indicator" in text
    assert (tmp_path / "r" / "sectorbeeld-2024.xlsx").is_file()
    names = {p.name for p in (tmp_path / "r").glob("*.csv")}
    assert names == {"ambition.csv", "budget_sector.csv", "budget_institutions.csv", "typology_indicators.csv",
                     "typology_institutions.csv", "convergence.csv", "completeness.csv", "early_leavers.csv",
                     "practorates.csv", "realisation.csv", "progress_years.csv", "behind.csv", "paths.csv",
                     "institution_years.csv", "peers.csv", "measure_uptake.csv", "measure_choices.csv",
                     "filing_history.csv"}
    assert pd.read_csv(tmp_path / "r" / "early_leavers.csv")["sum_target"].tolist() == [690.0]


def test_english_labels_on_request(small_store: str, tmp_path: Path) -> None:
    with open_store(small_store) as store:
        page = write_report(build_report(store, 2025), tmp_path, lang="en")
    text = page.read_text("utf-8")
    assert 'lang="en"' in text and "Ambition per indicator" in text and "Ambitie per indicator" not in text


def test_an_empty_store_or_an_absent_year_is_a_clear_error(small_store: str, tmp_path: Path) -> None:
    with open_store(small_store) as store, pytest.raises(ReportError, match="no filings for 2030"):
        build_report(store, 2030)
    empty = str(tmp_path / "empty.duckdb")
    Store.open(empty).close()
    result = CliRunner().invoke(cli, ["report", "--store", empty, "--out", str(tmp_path / "r")])
    assert result.exit_code != 0 and "no filings yet" in str(result.exception)


def test_latest_filings_takes_the_whole_latest_row() -> None:
    """The latest filing by ingest sequence, every column from that filing (not the last non-empty one)."""
    from mbo_xbrl.analysis.tables import latest_filings, report_years

    filings = pd.DataFrame([
        {"filing_id": "a1", "institution": "A", "report_year": 2024, "sequence": 1, "status": "accepted",
         "institution_name": "Oud"},
        {"filing_id": "a2", "institution": "A", "report_year": 2024, "sequence": 3, "status": "rejected",
         "institution_name": None},
        {"filing_id": "b1", "institution": "B", "report_year": 2024, "sequence": 2, "status": "accepted",
         "institution_name": "B"},
        {"filing_id": "x", "institution": None, "report_year": 2023, "sequence": 4, "status": "rejected",
         "institution_name": None},
    ])
    latest = latest_filings(filings, 2024)
    assert latest[["filing_id", "status"]].values.tolist() == [["a2", "rejected"], ["b1", "accepted"]]
    assert latest["institution_name"].isna().tolist() == [True, False]
    assert report_years(filings) == [2024]  # a file that named no institution makes no reporting year
