"""Any valid file, any writer: the same facts written as other software writes them get the same verdict.

Each sample is rewritten in every style of `mbo_xbrl.synthetic.foreign` (other prefixes, schemaRef
arcrole, schema locations, precision, date-time periods, a context per fact, scenario order, ids,
xml:lang, padded identifiers, unit ids) and in all of them at once; its findings must be the ones of
the original. A period that really is wrong is one finding per cause, and literal comparisons that
XBRL does not make (a date against the same moment as a date-time, a padded typed member) are gone.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mbo_xbrl.engine import Engine
from mbo_xbrl.ingestion import ingest
from mbo_xbrl.report.model import Report
from mbo_xbrl.store import open_store
from mbo_xbrl.synthetic.foreign import STYLES, foreign_sector, restyle
from mbo_xbrl.synthetic.sector import build_sector
from tests.conftest import ROOT, VALID_SAMPLES

INVALID = sorted((ROOT / "samples" / "invalid").glob("*.xbrl"))
# The samples whose findings come from the instance's content (not its bytes, form or size).
CONTENT_SAMPLES = VALID_SAMPLES + [p for p in INVALID if not re.match(r"MBO-S00[1-8]", p.name)]
# A style that legitimately changes a sample's findings: a context per fact leaves no unused context.
CHANGES_FINDINGS = {("MBO-S011-unused-context-or-unit.xbrl", "context-per-fact")}


def verdict(report: Report) -> list[tuple]:
    """What a finding says, not where the writer put it: code, severity, subject and concept's local name."""
    return sorted(tuple(str(part) for part in (
        f.code, f.severity.value, f.indicator, f.objective, f.measure, (f.concept or "").rpartition(":")[2],
        f.args.get("expected"), f.args.get("problem"))) for f in report.findings) + [report.valid, report.stopped_at, len(report.problems)]


@pytest.mark.parametrize("sample", CONTENT_SAMPLES, ids=[p.name for p in CONTENT_SAMPLES])
def test_every_style_and_all_at_once_give_the_verdict_of_the_original(sample: Path, engine: Engine) -> None:
    data = sample.read_bytes()
    expected = verdict(engine.check_bytes(data, sample.name))
    for style in [*STYLES, "all"]:
        if (sample.name, style) in CHANGES_FINDINGS:
            continue
        styles = [s for s in STYLES if (sample.name, s) not in CHANGES_FINDINGS] if style == "all" else [style]
        report = engine.check_bytes(restyle(data, styles), f"{style}-{sample.name}")
        assert verdict(report) == expected, style
        if sample in VALID_SAMPLES or not report.stopped_at:
            assert report.xbrl_validation == "compiled-view", style  # and it stays fast


def test_date_time_periods_that_mean_the_year_are_the_year(engine: Engine) -> None:
    data = restyle(VALID_SAMPLES[0].read_bytes(), ["date-times"])
    assert b"<xbrli:endDate>2025-01-01T00:00:00</xbrli:endDate>" in data and b"-12-31<" not in data
    report = engine.check_bytes(data, "date-times.xbrl")
    assert report.valid and report.findings == [] and report.report_year == 2024


def test_a_wrong_period_is_one_finding_per_cause_not_one_per_fact(engine: Engine) -> None:
    text = VALID_SAMPLES[0].read_text("utf-8")
    wrong = text.replace("<xbrli:endDate>2024-12-31</xbrli:endDate>", "<xbrli:endDate>2024-06-30</xbrli:endDate>")
    facts_moved = sum(1 for _ in re.finditer(r'contextRef="Y2024[_"]', text))
    report = engine.check_bytes(wrong.encode(), "half-year.xbrl")
    periods = [f for f in report.findings if f.code == "MBO-S014"]
    assert len(periods) == len({f.args["expected"] for f in periods}) < 5  # one per expectation the period breaks
    assert sum(f.args["facts"] for f in periods) == facts_moved > 100
    assert {f.args["period"] for f in periods} == {"2024-01-01 - 2024-06-30"}
    from mbo_xbrl.report.render import reports_text

    shown = reports_text([report], "nl")
    assert shown.count("2024-01-01 - 2024-06-30") == len(periods) and "andere feiten met deze periode" in shown


def test_the_same_fact_as_a_date_and_as_a_date_time_is_a_duplicate(engine: Engine) -> None:
    text = VALID_SAMPLES[1].read_text("utf-8")
    context = re.search(r'  <xbrli:context id="Y2024">.*?</xbrli:context>\n', text, re.S).group(0)
    twin = (context.replace('id="Y2024"', 'id="Y2024b"')
            .replace("<xbrli:startDate>2024-01-01</xbrli:startDate>", "<xbrli:startDate>2024-01-01T00:00:00</xbrli:startDate>")
            .replace("<xbrli:endDate>2024-12-31</xbrli:endDate>", "<xbrli:endDate>2025-01-01T00:00:00</xbrli:endDate>"))
    name = re.search(r'  <mbo-i:InstitutionName contextRef="Y2024"[^>]*>[^<]*</mbo-i:InstitutionName>\n', text).group(0)
    copy = re.sub(r' id="[^"]*"', "", name.replace('"Y2024"', '"Y2024b"'))  # a second fact, not a second id
    doubled = text.replace(context, context + twin).replace(name, name + copy)
    report = engine.check_bytes(doubled.encode(), "twin.xbrl")
    assert [(f.code, f.severity.value) for f in report.findings] == [("MBO-S012", "warning")]


def test_a_typed_member_written_with_white_space_is_the_same_member(engine: Engine) -> None:
    """The own indicator's code is a token: a padded twin context names the same member, so its fact is a duplicate."""
    text = VALID_SAMPLES[1].read_text("utf-8")
    name = "Y2024_EqualTreatment_OwnIndicator-EI-01"
    context = re.search(rf'  <xbrli:context id="{name}">.*?</xbrli:context>\n', text, re.S).group(0)
    twin = context.replace(f'id="{name}"', 'id="padded"').replace(">EI-01<", ">\n   EI-01 <")
    fact = re.search(rf'  <mbo-i:OwnIndicatorName contextRef="{name}"[^>]*>[^<]*</mbo-i:OwnIndicatorName>\n', text).group(0)
    copy = re.sub(r' id="[^"]*"', "", fact.replace(name, "padded"))  # a second fact, not a second id
    doubled = text.replace(context, context + twin).replace(fact, fact + copy)
    report = engine.check_bytes(doubled.encode(), "padded.xbrl")
    assert [(f.code, f.severity.value, f.context) for f in report.findings] == [("MBO-S012", "warning", name)]


def test_precision_gives_the_budget_tolerance_that_decimals_would(engine: Engine) -> None:
    """A total 40 off its parts: within precision 2 of 97,000 (decimals -3), not within 5 digits (decimals 0)."""
    text = VALID_SAMPLES[1].read_text("utf-8")
    total = re.search(r'(<mbo-i:BudgetAmount contextRef="Y2024_EqualTreatment" unitRef="EUR" decimals="0"[^>]*>)(\d+)<', text)
    assert total, "the sample has an objective total for 2024"
    value = int(total.group(2))
    for precision, valid in ((str(len(str(value + 40)) - 3), True), (str(len(str(value + 40))), False)):
        changed = text.replace(total.group(0), total.group(1).replace('decimals="0"', f'precision="{precision}"')
                               + f"{value + 40}<", 1)
        report = engine.check_bytes(changed.encode(), "precision.xbrl")
        assert ("MBO-B002" in {f.code for f in report.findings}) is not valid, precision


@pytest.fixture(scope="module")
def small_sector() -> dict[str, bytes]:
    """Twelve institutions' filings, some of them with the sector's usual defects."""
    files = build_sector(institution_count=12, years=(2024,), seed=3)
    return {name: data for name, data in files.items() if name.endswith(".xbrl")}


def test_a_sector_in_date_times_and_one_from_many_vendors_get_the_verdicts_of_ours(
        small_sector: dict[str, bytes], engine: Engine) -> None:
    ours = {name: verdict(engine.check_bytes(data, name)) for name, data in small_sector.items()}
    assert any(not v[-3] for v in ours.values()) and any(v[-3] for v in ours.values())  # both verdicts occur
    date_times = {name: restyle(data, ["date-times"]) for name, data in small_sector.items()}
    vendors = foreign_sector(small_sector, seed=5)
    for written in (date_times, vendors):
        assert {name: verdict(engine.check_bytes(data, name)) for name, data in written.items()} == ours


def test_the_store_holds_the_same_rows_whoever_wrote_the_filings(small_sector: dict[str, bytes], tmp_path: Path) -> None:
    tables = {}
    for label, files in (("ours", small_sector), ("vendors", foreign_sector(small_sector, seed=11))):
        folder = tmp_path / label
        folder.mkdir()
        for name, data in files.items():
            (folder / Path(name).name).write_bytes(data)
        store = str(tmp_path / f"{label}.duckdb")
        summary = ingest([folder], store, workers=1)
        assert summary.counts["files"] == len(files)
        with open_store(store) as opened:
            tables[label] = {name: _content(opened.table(name, current=False)) for name in
                             ("filings", "indicator_values", "budgets", "measures", "objectives", "findings")}
    for name in tables["ours"]:
        assert len(tables["ours"][name]) > 0, name
        assert tables["ours"][name].equals(tables["vendors"][name]), name


# Where a writer put a fact (and the file it came in) is not what it says: left out of the comparison.
WHERE = {"filing_id", "sha256", "concept", "context", "line", "file_name", "file_path", "size_bytes", "submitted_at",
         "ingested_at", "run_id", "sequence", "superseded_by", "message_nl", "message_en", "args"}


def _content(frame):
    columns = [c for c in frame.columns if c not in WHERE]
    return frame[columns].sort_values(by=columns, na_position="first").reset_index(drop=True)
