"""Progress over the years and the institutions' pages on a small store whose every number is computed by hand.

Five institutions, two indicators: I1.2.01 (feel safe, %, higher is better, one decimal) and I1.3.02 (new early
leavers, a count, lower is better). Starts are of 2022, targets of 2027, so the straight path in 2024 has gone
2/5 of the way and in 2025 3/5.

    2024  P  safe 80 → 85, leavers 500 → 400 (realised 430)     budget 1.2: 300, 1.3: 100   M1.2.01 applied
          Q  safe 70 → 80 (72), leavers 300 → 100 (250)          budget 1.2: 100, 1.3: 100   M1.2.01 not: "Bestaand beleid"
          R  safe 90 → 91 (91)                                   no budget                   applied
          S  safe 60 → 70 (64)                                   no budget                   applied
          T  safe 62 → 66, no realisation                         no budget                   applied
    2025  P  safe 80 → 85 (82), and 2024 restated as 84; leavers 500 → 400 (490)
          Q  rejected in May (two MBO-C001), corrected in October: safe 70 → 80 (76)
          R, S, T file nothing more (R merged away)

The paths (trajectory = start + (target − start) × (year − 2022) / 5):
    safe 2024: P 84 vs 82 on, Q 72 vs 74 behind, R 91 vs 90.4 on, S 64 vs 64 on (equal is on track)
    safe 2025: P 82 vs 83 behind, Q 76 vs 76 on
    leavers 2024: P 430 vs 460 on, Q 250 vs 220 behind; 2025: P 490 vs 440 behind
Quartiles interpolate linearly (Qp at position p·(n−1) of the sorted values).
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import lxml.html
import pandas as pd
import pytest
from click.testing import CliRunner

from mbo_xbrl.analysis import progress
from mbo_xbrl.analysis.institution import render_institution_page, write_institution_pages
from mbo_xbrl.analysis.report import ReportError, build_report
from mbo_xbrl.catalogue import load_catalogue
from mbo_xbrl.cli import cli
from mbo_xbrl.store import Store, open_store

from tests.analysis.test_report import LEAVERS, SAFE, budget, filing, finding, row, value


def choice(f: dict, measure: str, applied: bool, explanation: str | None = None) -> tuple:
    return row("measures", filing_id=f["filing_id"], institution=f["institution"], report_year=f["report_year"],
               objective="1.2", measure=measure, applied=applied, explanation=explanation)


def delivered(name: str, year: int, status: str, n: int, month: int) -> dict:
    return filing(name, year, status, n) | {"submitted_at": datetime(year + 1, month, 1)}


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = str(tmp_path_factory.mktemp("progress") / "progress.duckdb")
    f = {name: delivered(name, 2024, "accepted", 1, 5) for name in "PQRST"}
    rows = {name: {"indicator_values": [], "budgets": [], "measures": [], "findings": []} for name in f}
    plans = {"P": {SAFE: (80, 85, 83), LEAVERS: (500, 400, 430)}, "Q": {SAFE: (70, 80, 72), LEAVERS: (300, 100, 250)},
             "R": {SAFE: (90, 91, 91)}, "S": {SAFE: (60, 70, 64)}, "T": {SAFE: (62, 66, None)}}
    for name, plan in plans.items():
        for indicator, (start, target, realised) in plan.items():
            rows[name]["indicator_values"] += [value(f[name], indicator, "start", 2022, start),
                                               value(f[name], indicator, "target", 2027, target)]
            if realised is not None:
                rows[name]["indicator_values"].append(value(f[name], indicator, "realisation", 2024, realised))
        rows[name]["measures"].append(choice(f[name], "M1.2.01", name != "Q", "Bestaand beleid" if name == "Q" else None))
    rows["P"]["budgets"] += [budget(f["P"], "1.2", 2024, 300), budget(f["P"], "1.3", 2024, 100)]
    rows["Q"]["budgets"] += [budget(f["Q"], "1.2", 2024, 100), budget(f["Q"], "1.3", 2025, 100)]
    rows["Q"]["findings"].append(finding(f["Q"], "MBO-V002", "warning"))
    p25 = delivered("P", 2025, "accepted", 2, 6)
    q25_rejected = delivered("Q", 2025, "rejected", 2, 5) | {"errors": 2}
    q25 = delivered("Q", 2025, "accepted", 3, 10)
    later = {
        p25["filing_id"]: {"indicator_values": [
            value(p25, SAFE, "start", 2022, 80), value(p25, SAFE, "target", 2027, 85),
            value(p25, SAFE, "realisation", 2024, 84), value(p25, SAFE, "realisation", 2025, 82),
            value(p25, LEAVERS, "start", 2022, 500), value(p25, LEAVERS, "target", 2027, 400),
            value(p25, LEAVERS, "realisation", 2025, 490)]},
        q25["filing_id"]: {"indicator_values": [
            value(q25, SAFE, "start", 2022, 70), value(q25, SAFE, "target", 2027, 80),
            value(q25, SAFE, "realisation", 2025, 76)]},
        q25_rejected["filing_id"]: {"findings": [finding(q25_rejected, "MBO-C001"), finding(q25_rejected, "MBO-C001")]},
    }
    with Store.open(url, lock=True) as store:
        # the October correction is ingested before the May original: the page goes by submission, not ingest order
        store.add_filings([(f[name], rows[name]) for name in f]
                          + [(p25, later[p25["filing_id"]]), (q25, later[q25["filing_id"]]),
                             (q25_rejected, later[q25_rejected["filing_id"]])], "run")
    return url


@pytest.fixture(scope="module")
def report(store_url: str):
    with open_store(store_url) as store:
        return build_report(store, 2025)


def records(frame: pd.DataFrame, *keys: str) -> dict:
    return {tuple(r[k] for k in keys): r for r in frame.to_dict("records")}


def test_every_realisation_against_the_path_of_the_filing_that_states_it(report) -> None:
    paths = records(report.tables["paths"], "institution", "indicator", "year")
    expected = {  # (realisation, trajectory, on track, institutions, Q1, median, Q3, better than)
        ("P", SAFE, 2024): (84, 82, True, 4, 70, 78, 85.75, 2 / 3),  # restated in 2025: the later year counts
        ("Q", SAFE, 2024): (72, 74, False, 4, 70, 78, 85.75, 1 / 3),
        ("R", SAFE, 2024): (91, 90.4, True, 4, 70, 78, 85.75, 1.0),
        ("S", SAFE, 2024): (64, 64, True, 4, 70, 78, 85.75, 0.0),
        ("P", SAFE, 2025): (82, 83, False, 2, 77.5, 79, 80.5, 1.0),
        ("Q", SAFE, 2025): (76, 76, True, 2, 77.5, 79, 80.5, 0.0),
        ("P", LEAVERS, 2024): (430, 460, True, 2, 295, 340, 385, 0.0),  # lower is better: 430 is the worse
        ("Q", LEAVERS, 2024): (250, 220, False, 2, 295, 340, 385, 1.0),
        ("P", LEAVERS, 2025): (490, 440, False, 1, 490, 490, 490, None),  # alone: no position
    }
    assert set(paths) == set(expected)  # T realised nothing; a rejected filing holds no rows
    for key, (real, trajectory, on_track, n, q1, median, q3, better) in expected.items():
        got = paths[key]
        assert (got["realisation"], got["on_track"], got["institutions"]) == (real, on_track, n), key
        assert (got["trajectory"], got["q1"], got["median"], got["q3"]) == \
            pytest.approx((trajectory, q1, median, q3)), key
        assert got["better_than"] == (None if better is None else pytest.approx(better)), key


def test_the_sector_per_indicator_and_year_sums_counts_and_averages_the_rest(report) -> None:
    sector = records(report.tables["realisation"], "indicator", "year")
    safe = sector[(SAFE, 2024)]
    assert (safe["institutions"], safe["on_track"], safe["share_on_track"], safe["aggregate"]) == (4, 3, 0.75, "mean")
    assert (safe["sector_start"], safe["sector_trajectory"], safe["sector_realisation"], safe["sector_target"]) == \
        pytest.approx((75, 77.6, 77.75, 81.5))
    leavers = sector[(LEAVERS, 2024)]
    assert (leavers["aggregate"], leavers["on_track"], leavers["share_on_track"]) == ("sum", 1, 0.5)
    assert (leavers["sector_start"], leavers["sector_trajectory"], leavers["sector_realisation"],
            leavers["sector_target"]) == pytest.approx((800, 680, 680, 500))
    assert sector[(LEAVERS, 2025)]["sector_realisation"] == 490 and sector[(SAFE, 2025)]["share_on_track"] == 0.5


def test_institutions_on_track_per_year_and_the_indicators_behind(report) -> None:
    per_institution = records(report.tables["institution_years"], "institution", "year")
    assert {k: (r["indicators"], r["on_track"], r["on_track_overall"]) for k, r in per_institution.items()} == {
        ("P", 2024): (2, 2, True), ("Q", 2024): (2, 0, False), ("R", 2024): (1, 1, True), ("S", 2024): (1, 1, True),
        ("P", 2025): (2, 0, False), ("Q", 2025): (1, 1, True)}
    assert report.tables["progress_years"].to_dict("records") == [
        {"year": 2024, "institutions": 4, "on_track": 3, "share_on_track": 0.75, "indicators": 2, "indicators_behind": 0},
        {"year": 2025, "institutions": 2, "on_track": 1, "share_on_track": 0.5, "indicators": 2, "indicators_behind": 1}]
    behind = report.tables["behind"].to_dict("records")
    assert [(b["indicator"], b["year"], b["share_on_track"], b["share_year_before"]) for b in behind] == \
        [(LEAVERS, 2025, 0.0, 0.5)]  # safe is at exactly half in 2025: not behind


def test_ambition_beside_institutions_with_a_similar_start(store_url: str) -> None:
    """2024's safe starts 60, 62, 70, 80, 90: Q1 62, median 70, Q3 80. S (60) and T (62) share the least favourable
    quarter, ambitions 10 and 4: their median is 7."""
    with open_store(store_url) as store:
        peers = records(build_report(store, 2024).tables["peers"], "institution", "indicator")
    got = {k[0]: (r["start_quarter"], r["peers"], r["peer_ambition"], r["ambition_vs_peers"])
           for k, r in peers.items() if k[1] == SAFE}
    assert got == {"S": (1, 2, 7.0, 3.0), "T": (1, 2, 7.0, -3.0), "Q": (2, 1, 10.0, 0.0), "P": (3, 1, 5.0, 0.0),
                   "R": (4, 1, 1.0, 0.0)}


def test_measure_uptake_and_the_filing_history(store_url: str, report) -> None:
    with open_store(store_url) as store:
        uptake = build_report(store, 2024).tables["measure_uptake"].to_dict("records")
    assert [(u["measure"], u["institutions"], u["applied"], u["share_applied"]) for u in uptake] == \
        [("M1.2.01", 5, 4, 0.8)]
    history = report.tables["filing_history"]
    q = history[history["institution"] == "Q"]
    assert q[["report_year", "status", "is_current", "resubmission", "errors", "completeness", "values"]] \
        .values.tolist() == [[2024, "accepted", True, False, 0, 0, 1], [2025, "rejected", False, False, 2, 2, 0],
                             [2025, "accepted", True, True, 0, 0, 0]]
    completeness = records(report.tables["completeness"], "institution")
    assert completeness[("Q",)]["status"] == "accepted"  # the latest submitted, though ingested first


def _card(doc, indicator: str) -> list[list[str]]:
    card = doc.get_element_by_id(f"i-{indicator}")
    return [[td.text_content().strip() for td in tr.findall("td")] for tr in card.findall(".//tbody/tr")]


def test_the_institutions_page_shows_exactly_these_numbers(report) -> None:
    doc = lxml.html.fromstring(render_institution_page(report, "Q", "nl"))
    assert _card(doc, SAFE) == [["2024", "72,0", "74,0", "achter", "78,0", "70,0 – 85,8", "4", "33%"],
                                ["2025", "76,0", "76,0", "ja", "79,0", "77,5 – 80,5", "2", "0%"]]
    assert _card(doc, LEAVERS) == [["2024", "250", "220", "achter", "340", "295 – 385", "2", "100%"]]
    text = doc.text_content()
    assert "Voortgangsrapportages over 2024, 2025; goedgekeurd over 2024, 2025." in text
    assert "1 aanlevering(en) waren een nieuwe versie" in text
    assert "In 2025 op traject voor 1 van de 1 indicatoren met een realisatie." in text
    filings = [[td.text_content().strip() for td in tr.findall("td")]
               for tr in doc.get_element_by_id("filings").findall(".//tbody/tr")]
    assert [(r[0], r[2], r[3], r[4], r[5], r[6]) for r in filings] == [
        ("2024", "1 mei 2025", "goedgekeurd", "geldend", "nee", "0"),
        ("2025", "1 mei 2026", "afgekeurd", "niet opgenomen", "nee", "2"),
        ("2025", "1 oktober 2026", "goedgekeurd", "geldend", "ja", "0")]
    assert filings[1][8] == "volledigheid 2"


def test_budget_shares_and_choices_against_the_sector(store_url: str) -> None:
    """2024: complete budgets P (1.2: 300, 1.3: 100) and Q (100, 100): the sector 400/600 and 200/600."""
    with open_store(store_url) as store:
        report = build_report(store, 2024)
    doc = lxml.html.fromstring(render_institution_page(report, "P", "en"))
    rows = {tr[0].text_content(): [td.text_content() for td in tr]
            for tr in doc.get_element_by_id("budget").findall(".//tbody/tr")}
    assert rows["1.2"][3:] == ["75.0%", "66.7%", "+8.3"] and rows["1.3"][3:] == ["25.0%", "33.3%", "-8.3"]
    assert rows["1.2"][2] == "€300"
    doc = lxml.html.fromstring(render_institution_page(report, "Q", "en"))
    measure = doc.get_element_by_id("measures").find(".//tbody/tr")
    cells = [td.text_content() for td in measure]
    assert cells[0] == "M1.2.01" and cells[2] == "no" and cells[3] == "80%" and "Bestaand beleid" in cells[4]
    assert measure.get("class") == "uncommon"  # 4 of 5 apply it: not applying is rare
    t_page = render_institution_page(report, "T", "en")
    assert "No realisations yet" in t_page and "ambition of 7.0" in t_page.replace("+", "")


def test_an_institution_that_stopped_filing_says_so(report) -> None:
    text = lxml.html.fromstring(render_institution_page(report, "R", "nl")).text_content()
    assert "Geen voortgangsrapportage over 2025." in text
    assert "Voortgangsrapportages over 2024;" in text


def test_the_commands_write_one_page_or_all_with_an_index(store_url: str, tmp_path: Path) -> None:
    runner = CliRunner()
    one = runner.invoke(cli, ["report", "--store", store_url, "--institution", "Q", "--out", str(tmp_path / "one")])
    assert one.exit_code == 0, one.output
    assert one.stdout.strip() == str(tmp_path / "one" / "Q.html")
    every = runner.invoke(cli, ["report", "--store", store_url, "--all-institutions", "--lang", "en",
                                "--out", str(tmp_path / "all")])
    assert every.exit_code == 0, every.output
    index = (tmp_path / "all" / "index.html").read_text("utf-8")
    assert sorted(re.findall(r'href="(\w+)\.html"', index)) == ["P", "Q", "R", "S", "T"]
    assert all((tmp_path / "all" / f"{code}.html").is_file() for code in "PQRST")
    page = (tmp_path / "all" / "P.html").read_text("utf-8")
    assert 'lang="en"' in page and '<a href="index.html">' in page
    outside = re.sub(r'xmlns(:\w+)?="[^"]*"', "", page)
    assert "://" not in outside and "<script" not in page and " src=" not in page  # offline, self-contained
    unknown = subprocess.run([str(Path(sys.executable).with_name("mbo-xbrl")), "report", "--store", store_url, "--institution", "ZZ",
                              "--out", str(tmp_path / "x")], capture_output=True, text=True, timeout=120)
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert unknown.stderr.strip() == f"mbo-xbrl: store {store_url} holds no filing of institution ZZ up to 2025"
    both = runner.invoke(cli, ["report", "--store", store_url, "--institution", "P", "--all-institutions",
                               "--out", str(tmp_path / "y")])
    assert both.exit_code == 2 and "not both" in both.output


def test_one_computation_two_views(report, tmp_path: Path) -> None:
    """The sector's figures are the institutions' rows aggregated: each sector cell recomputed from `paths`."""
    paths, sector = report.tables["paths"], report.tables["realisation"]
    for r in sector.to_dict("records"):
        mine = paths[(paths["indicator"] == r["indicator"]) & (paths["year"] == r["year"])]
        assert r["institutions"] == len(mine) and r["on_track"] == int(mine["on_track"].sum())
        assert r["median"] == pytest.approx(mine["realisation"].median())
    index = write_institution_pages(report, tmp_path)
    assert index.name == "index.html"
    with pytest.raises(ReportError):
        render_institution_page(report, "nobody")


def test_peers_with_too_few_institutions_are_a_group_of_one() -> None:
    pairs = pd.DataFrame([{"institution": "A", "indicator": SAFE, "objective": "1.2", "start": 50.0, "target": 55.0,
                           "ambition": 5.0}])
    table = progress.peers(pairs, load_catalogue())
    assert table[["start_quarter", "peers", "peer_ambition", "ambition_vs_peers"]].values.tolist() == [[1, 1, 5.0, 0.0]]


def test_a_code_that_is_no_file_name_gets_one_of_its_own() -> None:
    from mbo_xbrl.analysis.institution import _file_stem

    assert _file_stem("90AB") == "90AB"
    odd = [_file_stem(code) for code in ("../etc/x", "..-etc-x", "a b", "a_b", "")]
    assert all(re.fullmatch(r"[\w-]+", stem) for stem in odd) and len(set(odd)) == len(odd)
    assert odd[3] == "a_b" and odd[2] != "a_b"


def test_a_chart_with_only_a_plan_draws_the_path_alone() -> None:
    """An indicator with a start and a target but no realisation yet, anywhere in the sector."""
    from mbo_xbrl.analysis.sparkline import Series, svg

    drawn = svg(Series(2022, 80.0, 2027, 85.0), "I1.2.01 <veilig>", str)
    doc = lxml.html.fromstring(drawn)
    assert doc.get("aria-label") == "I1.2.01 <veilig>" and "<veilig>" not in drawn  # escaped
    assert len(doc.findall(".//line")) == 2 and not doc.findall(".//polygon") and len(doc.findall(".//circle")) == 1
    assert [t.text for t in doc.findall(".//text")][:6] == ["2022", "2023", "2024", "2025", "2026", "2027"]


def test_a_run_stopped_half_way_leaves_whole_pages_and_no_index(report, tmp_path: Path, monkeypatch) -> None:
    """Pages are written whole or not at all, the index last: a failure at the third institution leaves the
    first two whole, no part-file and no index pointing at pages that are not there."""
    from mbo_xbrl.analysis import institution

    real = institution.render_institution_page

    def failing(report, code, *args, **kwargs):
        if code == "R":
            raise KeyboardInterrupt
        return real(report, code, *args, **kwargs)

    monkeypatch.setattr(institution, "render_institution_page", failing)
    with pytest.raises(KeyboardInterrupt):
        write_institution_pages(report, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["P.html", "Q.html"]
    assert all((tmp_path / name).read_text("utf-8").rstrip().endswith("</html>") for name in ("P.html", "Q.html"))
