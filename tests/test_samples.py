"""The valid samples: valid, different in their choices, and together using the whole taxonomy."""

from __future__ import annotations

from mbo_xbrl.catalogue import load_catalogue
from mbo_xbrl.filing.writer import write_instance
from mbo_xbrl.synthetic.samples import delta, veen
from mbo_xbrl.taxonomy import names
from mbo_xbrl.taxonomy.concepts import qname
from mbo_xbrl.taxonomy.releases import CURRENT
from tests.conftest import VALID_SAMPLES


def test_there_are_at_least_two_valid_samples_without_processor_messages(sample_usage) -> None:
    assert len(VALID_SAMPLES) >= 2
    for name, usage in sample_usage.items():
        assert usage["messages"] == [], name


def test_samples_together_use_every_reportable_concept_axis_and_member(dts, sample_usage) -> None:
    used_concepts = set().union(*(u["concepts"] for u in sample_usage.values()))
    used_axes = set().union(*(u["axes"] for u in sample_usage.values()))
    used_members = set().union(*(u["members"] for u in sample_usage.values()))
    concepts = dts["concepts"]
    data_ns = CURRENT.namespace("data")
    reportable = {k for k, c in concepts.items() if c["namespace"] == data_ns and not c["abstract"]}
    axes = {k for k, c in concepts.items() if c["is_dimension"]}
    # Totals are dimension defaults and domain heads are not usable: XDT forbids them in contexts.
    never_explicit = {qname("domains", n).clark for n in (names.OBJECTIVE_TOTAL, names.MEASURE_TOTAL,
                                                           names.VALUE_KIND_DOMAIN, names.INDICATOR_DOMAIN)}
    never_explicit |= {qname("domains", names.breakdown_total(b)).clark for b in load_catalogue().breakdowns}
    # The indicator axis mirrors the indicators (for alternative sources): a filing names only a few.
    cat = load_catalogue()
    indicator_members = {qname("domains", names.indicator_member(i)).clark for i in cat.indicators}
    members = {k for k, c in concepts.items() if c["namespace"] == CURRENT.namespace("domains")}
    members -= never_explicit | indicator_members
    assert reportable - used_concepts == set()
    assert axes - used_axes == set()
    assert members - used_members == set()
    assert indicator_members & used_members


def test_the_two_institutions_differ_in_their_choices() -> None:
    cat = load_catalogue()
    a, b = delta(cat), veen(cat)
    assert all(choice.works_on for choice in a.objectives)
    assert len(a.objectives) == len(cat.objectives)
    left_out = [c.objective for c in b.objectives if not c.works_on]
    assert left_out and all(c.narrative for c in b.objectives if not c.works_on)
    explained = [m for m in b.measures if not m.applied]
    assert explained and all(m.explanation for m in explained)
    assert not any(m.mandatory for m in cat.measures if m.code in {e.measure for e in explained})
    assert b.own_indicators and b.alternative_sources and not a.own_indicators


def test_sample_budgets_add_up_per_objective_and_per_year() -> None:
    cat = load_catalogue()
    for content in (delta(cat), veen(cat)):
        for year in cat.plan_years:
            lines = [b for b in content.budgets if b.year == year]
            total = next(b.amount for b in lines if b.objective is None)
            objective_totals = {b.objective: b.amount for b in lines if b.objective and not b.measure}
            assert sum(objective_totals.values()) == total
            for objective, amount in objective_totals.items():
                assert sum(b.amount for b in lines if b.objective == objective and b.measure) == amount


def test_instance_writer_is_deterministic_and_writes_only_used_contexts() -> None:
    cat = load_catalogue()
    first, second = write_instance(veen(cat), cat), write_instance(veen(cat), cat)
    assert first == second
    text = first.decode("utf-8")
    import re

    declared = set(re.findall(r'<xbrli:context id="([^"]+)"', text))
    used = set(re.findall(r'contextRef="([^"]+)"', text))
    assert declared == used
    assert "xsi:nil" not in text and "<!DOCTYPE" not in text
    assert 'xml:lang="nl"' in text


def test_the_public_api_checks_a_filing() -> None:
    import mbo_xbrl

    report = mbo_xbrl.check(VALID_SAMPLES[0])
    assert isinstance(report, mbo_xbrl.Report) and report.valid and report.institution == "99XA"
    assert callable(mbo_xbrl.ingest) and callable(mbo_xbrl.open_store)
