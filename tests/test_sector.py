"""Pre-filled filings and the synthetic sector: built through the public path, calibrated to seed 002."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mbo_xbrl.analysis.report import PAGE_TABLES
from mbo_xbrl.cli import cli
from mbo_xbrl.ingestion import ingest
from mbo_xbrl.store import open_store
from mbo_xbrl.synthetic.sector import build_sector
from tests.analysis.test_publication import assert_page_reads_in, assert_workbook_reads_in
from tests.conftest import ROOT

REGISTER = ROOT / "samples" / "prefill-register.csv"
# Seed 002's published sector means (start, target) that the sector must reproduce within one point.
PUBLISHED = {"I3.3.03": (41, 35), "I3.3.01": (47, 56), "I3.1.07": (42, 68), "I3.1.05": (77, 87),
             "I2.2.01": (36, 47), "I2.2.02": (67, 69)}


def test_prefill_writes_valid_filings_holding_exactly_the_known_values(tmp_path: Path, engine) -> None:
    result = CliRunner().invoke(cli, ["prefill", "--values", str(REGISTER), "--out", str(tmp_path), "--year", "2024"])
    assert result.exit_code == 0, result.output
    files = sorted(tmp_path.glob("*.xbrl"))
    assert [f.name for f in files] == ["99XA-2024-prefilled.xbrl", "99XB-2024-prefilled.xbrl"]
    from mbo_xbrl.prefill import PrefillRegister

    register = PrefillRegister.read(REGISTER)
    for path in files:
        report = engine.__class__(engine.processor, prefill=register).check(path)
        codes = {f.code for f in report.findings}
        assert "MBO-S004" not in codes and "MBO-V003" not in codes  # valid XBRL, pre-filled values intact
        assert {"MBO-C001", "MBO-B001", "MBO-M003"} <= codes  # and it says what is left to complete
    facts = json.loads(CliRunner().invoke(cli, ["facts", "--format", "json", str(files[1])]).stdout)
    starts = [f for f in facts if f["value_kind"] == "start"]
    assert len(starts) == len(register.for_filing("99XB", 2024)) - 1 - sum(
        v.item == "earmark" for v in register.for_filing("99XB", 2024))


def test_each_years_filings_are_made_against_that_years_release() -> None:
    """2025 asks what the 2025 release adds: the new measure (apply or explain) and the first Stagepact
    measurements; a 2024 filing knows neither."""
    from mbo_xbrl.taxonomy.releases import RELEASES

    files = build_sector(institution_count=6, years=(2024, 2025), seed=3)
    new_measure = {2024: 0, 2025: 0}
    for name, data in files.items():
        if name.endswith(".xbrl"):
            year = int(name[:4])
            text = data.decode("utf-8")
            assert RELEASES[year].entry_point_url in text
            assert ("<mbo-i:ReportingYear" in text) == (year == 2025)
            new_measure[year] += "FittingInternshipAllowanceAgreements" in text
    assert new_measure[2024] == 0 and new_measure[2025] > 0


def test_the_same_seed_gives_byte_identical_files_and_another_seed_does_not() -> None:
    first = build_sector(institution_count=12, years=(2024,), seed=7)
    assert first == build_sector(institution_count=12, years=(2024,), seed=7)
    assert first != build_sector(institution_count=12, years=(2024,), seed=8)


@pytest.fixture(scope="module")
def sector_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The default sector (52 institutions, 2024 and 2025), written by the command, ingested fresh."""
    folder = tmp_path_factory.mktemp("sector")
    result = CliRunner().invoke(cli, ["sample-sector", "--out", str(folder)])
    assert result.exit_code == 0, result.output
    url = str(folder / "store.duckdb")
    summary = ingest([folder], url, workers=2)
    assert summary.counts["files"] == 104
    assert 0 < summary.counts["rejected"] < 30  # validation has real work, most filings pass
    return url


def test_sector_means_match_the_published_figures_within_one_point(sector_store: str) -> None:
    with open_store(sector_store) as store:
        values = store.table("indicator_values")
    totals = values[values[["study_route", "level", "domain", "age", "gender", "exam_level"]].isna().all(axis=1)
                    & (values["report_year"] == 2024)]
    for code, (start, target) in PUBLISHED.items():
        mine = totals[totals["indicator"] == code]
        assert abs(mine[mine["value_kind"] == "start"]["value"].mean() - start) <= 1, code
        assert abs(mine[mine["value_kind"] == "target"]["value"].mean() - target) <= 1, code
    early_leavers = totals[(totals["indicator"] == "I1.3.02") & (totals["value_kind"] == "target")]["value"].sum()
    assert abs(early_leavers - 19_300) <= 0.02 * 19_300


def test_sector_budgets_follow_the_published_distribution(sector_store: str) -> None:
    with open_store(sector_store) as store:
        budgets = store.table("budgets")
        filings = store.table("filings", current=False)
    year = budgets[(budgets["report_year"] == 2024) & (budgets["budget_year"] == 2024)]
    shares = year[year["level"] == "objective"].groupby("objective")["amount"].sum()
    shares = shares / shares.sum() * 100
    assert abs(shares["1.3"] - 18) <= 1.5 and abs(shares["3.3"] - 21) <= 1.5 and abs(shares["3.4"] - 7) <= 1.5
    assert shares.drop(["1.3", "3.3"]).max() < shares["1.3"]
    assert set(shares.nsmallest(3).index) <= {"1.5", "1.1", "3.2", "2.3"}
    every = year[year["level"] == "objective"].groupby("institution")["objective"].nunique()
    assert 0.45 <= (every == 12).mean() <= 0.75  # "about 60%" budget on every objective
    assert filings["institution_name"].str.endswith("(fictief)").all()


def test_named_measures_are_applied_by_the_published_share_of_institutions() -> None:
    import random

    from mbo_xbrl.catalogue import load_catalogue
    from mbo_xbrl.synthetic.sector import institutions

    sector = institutions(load_catalogue(), 52, [2024], random.Random(2024))
    for measure, published in {"M1.1.01": 0.70, "M1.1.02": 0.83, "M2.2.03": 0.75}.items():
        assert abs(sum(i.applied[measure] for i in sector) / 52 - published) < 0.02, measure
    every = sum(not i.left_out for i in sector) / 52
    assert 0.45 <= every <= 0.75


def test_sector_filings_keep_every_value_ocw_prefilled(tmp_path: Path, engine) -> None:
    from mbo_xbrl.prefill import PrefillRegister

    files = build_sector(institution_count=4, years=(2024,), seed=11)
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    register = PrefillRegister.read(tmp_path / "known-values.csv")
    checker = engine.__class__(engine.processor, prefill=register)
    for path in sorted((tmp_path / "2024").glob("*.xbrl")):
        assert "MBO-V003" not in {f.code for f in checker.check(path).findings}, path.name


def test_the_sector_report_has_a_chart_in_every_section(sector_store: str, tmp_path: Path) -> None:
    """On the synthetic sector (2024 and 2025) every section draws; the 2024 figures are seed 002's."""
    import pandas as pd

    for year in (2024, 2025):
        out = tmp_path / str(year)
        result = CliRunner().invoke(cli, ["report", "--store", sector_store, "--out", str(out), "--year", str(year)])
        assert result.exit_code == 0, result.output
        sections = [s for s in (out / "index.html").read_text("utf-8").split("<section ")[1:]
                    if "<figure" in s or "Geen gegevens" in s]
        assert len(sections) == 8 and all("<svg" in s for s in sections)
    # read as a publication, in Dutch and in English: every figure parsed back and equal to the CSVs
    assert_page_reads_in("nl", tmp_path / "2025")
    english = tmp_path / "2025-en"
    assert CliRunner().invoke(cli, ["report", "--store", sector_store, "--out", str(english), "--year", "2025",
                                    "--lang", "en"]).exit_code == 0
    assert_page_reads_in("en", english)
    assert (tmp_path / "2025" / "sectorbeeld-2025.xlsx").is_file() and (english / "sector-report-2025.xlsx").is_file()
    for lang, folder in (("nl", tmp_path / "2025"), ("en", english)):
        assert_workbook_reads_in(lang, folder, len(PAGE_TABLES))
    planned = pd.read_csv(tmp_path / "2024" / "practorates.csv").set_index("value_kind")
    assert planned.loc["target", "practorates"] == 141 and planned.loc["target", "share"] > 0.9  # seed 002
    early = pd.read_csv(tmp_path / "2024" / "early_leavers.csv").iloc[0]
    assert early["sum_target"] == 19_300 and early["national_aim"] == 18_000
    shares = pd.read_csv(tmp_path / "2024" / "budget_sector.csv", dtype={"objective": str}).set_index("objective")
    assert abs(shares.loc["1.3", "share"] - 0.18) < 0.02 and abs(shares.loc["3.3", "share"] - 0.21) < 0.02
    types = pd.read_csv(tmp_path / "2024" / "typology_institutions.csv")
    assert types["type"].between(1, 5).all() and types["type"].nunique() >= 3


def test_every_institution_of_the_two_year_sector_gets_its_page(sector_store: str, tmp_path: Path) -> None:
    """The main job's pages: the default sector (2024 and 2025) has indicators planned but not yet realised."""
    result = CliRunner().invoke(cli, ["report", "--store", sector_store, "--all-institutions",
                                      "--out", str(tmp_path / "pages")])
    assert result.exit_code == 0, result.output
    pages = sorted(p.name for p in (tmp_path / "pages").glob("90*.html"))
    assert len(pages) == 52
    text = (tmp_path / "pages" / pages[0]).read_text("utf-8")
    assert text.count('<div class="card"') > 20 and text.count("<svg") == text.count('<div class="card"')
