"""Start values may describe a school year (1 August - 31 July; seed 002: "often 2022-2023"), not only a
calendar year: the filing is valid, the store keeps the year and that it is a school year, and a finding
names the school year. Anything else that is not a whole year is still MBO-S014."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from mbo_xbrl.engine import Engine
from mbo_xbrl.ingestion import ingest
from mbo_xbrl.store import open_store
from tests.conftest import VALID_SAMPLES

XBRLI = "http://www.xbrl.org/2003/instance"
XBRLDI = "http://xbrl.org/2006/xbrldi"


def with_periods(source: Path, target: Path, kind: str, start: str, end: str) -> Path:
    """The filing with every context of one value kind (by its ValueKindAxis member) given another period."""
    tree = etree.parse(str(source))
    changed = 0
    for context in tree.getroot().iter(f"{{{XBRLI}}}context"):
        members = [m.text.strip().rpartition(":")[2] for m in context.iter(f"{{{XBRLDI}}}explicitMember")
                   if m.get("dimension", "").endswith(":ValueKindAxis")]
        if members == [f"{kind}Member"]:
            period = context.find(f"{{{XBRLI}}}period")
            period.find(f"{{{XBRLI}}}startDate").text = start
            period.find(f"{{{XBRLI}}}endDate").text = end
            changed += 1
    assert changed
    tree.write(str(target), xml_declaration=True, encoding="utf-8")
    return target


@pytest.mark.parametrize(("start", "end"), [("2022-08-01", "2023-07-31"),
                                            ("2022-08-01T00:00:00", "2023-08-01T00:00:00")])  # end-exclusive
def test_a_start_value_of_a_school_year_is_valid_and_kept_as_one(engine: Engine, tmp_path: Path, start: str,
                                                                 end: str) -> None:
    path = with_periods(VALID_SAMPLES[1], tmp_path / "school-year.xbrl", "Start", start, end)
    report = engine.check(path)
    assert report.valid and not [f for f in report.findings if f.code == "MBO-S014"], report.findings
    store = str(tmp_path / "s.duckdb")
    assert ingest([path], store).counts["accepted"] == 1
    with open_store(store) as opened:
        values = opened.table("indicator_values")
    starts = values[values["value_kind"] == "start"]
    assert len(starts) > 10 and starts["school_year"].all() and set(starts["period_year"]) == {2022}
    assert not values.loc[values["value_kind"] != "start", "school_year"].any()


def test_a_school_year_within_the_plan_or_for_a_realisation_is_out_of_plan(engine: Engine, tmp_path: Path) -> None:
    late = with_periods(VALID_SAMPLES[1], tmp_path / "late.xbrl", "Start", "2024-08-01", "2025-07-31")
    findings = [f for f in engine.check(late).findings if f.code == "MBO-S014"]
    assert [f.args["expected"] for f in findings] == ["before_plan"]
    assert "Startwaarde (2024-2025) van indicator" in findings[0].location_nl  # the school year, in words
    realised = with_periods(VALID_SAMPLES[1], tmp_path / "realised.xbrl", "Realisation", "2023-08-01", "2024-07-31")
    findings = [f for f in engine.check(realised).findings if f.code == "MBO-S014"]
    assert [f.args["expected"] for f in findings] == ["whole_year"]
