"""The rules that travel with the taxonomy: plain Arelle, running the package's formula linkbase, agrees
with the engine on every sample and on 300 generated variants (each rule broken in several ways, several
at once, valid edge cases), per file: the set of (rule code, severity) of Arelle's assertion messages
equals the engine's findings of those rules (mbo_xbrl/synthetic/formula_sweep.py says where they are
compared and why not elsewhere). The samples are checked with Arelle validating our taxonomy too, as a
vendor runs it; `scripts/formula_sweep.py` runs thousands of variants.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from mbo_xbrl.rules.registry import all_rules, get
from mbo_xbrl.rules.travel import taxonomy_assertions
from mbo_xbrl.synthetic.formula_sweep import RULE, assertion_findings, differing, engine_findings, sweep
from mbo_xbrl.taxonomy.package import taxonomy_package_path
from mbo_xbrl.taxonomy.releases import CURRENT
from tests.conftest import ROOT
from tests.taxonomy.test_plain_arelle import plain_arelle

SAMPLES = sorted((ROOT / "samples").glob("*/*.xbrl"))
VARIANTS = 300
LINKBASE = (ROOT / "taxonomy" / CURRENT.package_name / CURRENT.host / str(CURRENT.year) / "validation"
            / f"mbo-vgr-{CURRENT.year}-for.xml")

@pytest.fixture(scope="module")
def untrusting(tmp_path_factory: pytest.TempPathFactory):
    """Plain Arelle as a vendor runs it: our taxonomy validated with every filing, and its formulas run."""
    from mbo_xbrl.taxonomy.processor import XbrlProcessor

    processor = XbrlProcessor(home=tmp_path_factory.mktemp("plain"), trusted_bases=[])
    yield processor
    processor.close()


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_every_sample_gets_the_engines_findings_from_the_formulas(sample: Path, untrusting, engine) -> None:
    if sample.stat().st_size > 2_000_000:
        pytest.skip("the size-limit sample is refused before any XBRL processing")
    report = engine.check(sample)
    with untrusting.validated(sample) as (_, messages):
        travelled = assertion_findings(messages)
    if report.stopped_at is not None:  # the engine stops at the root cause; Arelle reads on (see the module doc)
        assert report.findings or report.problems
        return
    assert travelled == engine_findings(report)
    code = sample.name[:8]
    if sample.parent.name == "invalid" and code in taxonomy_assertions():
        assert (code, get(code).severity.value) in travelled  # its own rule, from the package alone


def test_three_hundred_variants_get_the_engines_findings_from_the_formulas() -> None:
    from mbo_xbrl.synthetic.rule_variants import variants

    results = sweep(variants(VARIANTS + 10, seed=2024))  # a few end at a filing rule (a change duplicated a fact)
    compared = [r for r in results if r.stopped_at is None]
    assert len(compared) >= VARIANTS, [(r.name, r.stopped_at) for r in results if r.stopped_at is not None]
    assert differing(results) == []
    assert {code for r in compared for code, _ in r.arelle} == set(taxonomy_assertions())  # each broken, caught
    assert sum(1 for r in compared if not r.arelle) >= 10  # and valid edge cases stayed valid


def test_the_package_alone_runs_the_rules_in_plain_arelle(tmp_path: Path) -> None:
    """The command of README and docs/taxonomy.md, on an error, a warning and a valid filing."""
    invalid = ROOT / "samples" / "invalid"
    error = plain_arelle(str(invalid / "MBO-B005-negative-amount.xbrl"), tmp_path / "a.xml", tmp_path)
    warning = plain_arelle(str(invalid / "MBO-V002-target-against-direction.xbrl"), tmp_path / "b.xml", tmp_path)
    valid = plain_arelle(str(ROOT / "samples" / "valid" / "99XB-2024.xbrl"), tmp_path / "c.xml", tmp_path)
    assert ("error", "message:MBO-B005-amounts") in error
    assert ("warning", "message:MBO-V002-targets") in warning
    assert valid == []


def test_each_assertion_carries_its_rules_code_severity_messages_and_reference() -> None:
    root = etree.parse(str(LINKBASE)).getroot()
    xlink = "{http://www.w3.org/1999/xlink}"
    link = root.find("{http://xbrl.org/2008/generic}link")
    resources = {e.get(f"{xlink}label"): e for e in link if e.get(f"{xlink}type") in ("resource", "locator")}
    arcs: dict[tuple[str, str], list[str]] = {}
    for arc in link:
        if arc.get(f"{xlink}type") == "arc":
            arcs.setdefault((arc.get(f"{xlink}from"), arc.get(f"{xlink}arcrole")), []).append(arc.get(f"{xlink}to"))
    assertions = [e for e in link if e.tag == "{http://xbrl.org/2008/assertion/value}valueAssertion"]
    by_code: dict[str, list[str]] = {}
    for a in assertions:
        rule = get(RULE.match(a.get("id")).group(1))
        by_code.setdefault(rule.code, []).append(a.get("id"))
        label = a.get(f"{xlink}label")
        (severity,) = arcs[(label, "http://xbrl.org/arcrole/2022/assertion-unsatisfied-severity")]
        assert resources[severity].get(f"{xlink}href").endswith("#" + rule.severity.value.upper())
        messages = [resources[m] for m in arcs[(label, "http://xbrl.org/arcrole/2010/assertion-unsatisfied-message")]]
        assert sorted(m.get("{http://www.w3.org/XML/1998/namespace}lang") for m in messages) == ["en", "nl"]
        (reference,) = arcs[(label, "http://xbrl.org/arcrole/2008/element-reference")]
        assert rule.code in "".join(resources[reference].itertext())
    assert {code: tuple(ids) for code, ids in by_code.items()} == taxonomy_assertions()
    assert {"MBO-C001", "MBO-C002", "MBO-C003", "MBO-C004", "MBO-C005", "MBO-C006", "MBO-B001", "MBO-B002",
            "MBO-B003", "MBO-B004", "MBO-B005", "MBO-M001", "MBO-M002", "MBO-M003", "MBO-M004", "MBO-V001",
            "MBO-V002"} <= set(by_code)


def test_the_catalogue_says_which_rules_travel_and_why_the_others_do_not() -> None:
    from click.testing import CliRunner

    from mbo_xbrl.cli import cli

    rules = json.loads(CliRunner().invoke(cli, ["rules", "--format", "json"]).stdout)
    assert len(rules) == len(all_rules())
    for rule in rules:
        if rule["in_taxonomy"]:
            assert rule["taxonomy_assertions"] and rule["engine_only_en"] is None
        else:
            assert rule["taxonomy_assertions"] == [] and rule["engine_only_nl"] and rule["engine_only_en"]
    assert next(r for r in rules if r["code"] == "MBO-V003")["engine_only_en"].startswith("needs the register")


def test_a_check_does_not_run_the_formulas_itself(processor) -> None:
    """The engine runs the same rules; with the linkbase loaded, Arelle would report each a second time."""
    with processor.validated(ROOT / "samples" / "invalid" / "MBO-C001-missing-target-value.xbrl") as (_, messages):
        assert assertion_findings(messages) == set()
    assert taxonomy_package_path().is_file()


def test_no_start_value_is_asked_of_an_indicator_still_to_be_developed(untrusting, engine, tmp_path: Path) -> None:
    """Seed 003's *nieuw te ontwikkelen* indicators have no measurement yet: leaving their start value out is
    honest, in the engine and in the taxonomy's assertion alike; a measured indicator's start is still asked."""
    from mbo_xbrl.catalogue import load_catalogue
    from mbo_xbrl.filing.writer import write_instance
    from mbo_xbrl.synthetic.samples import veen

    cat = load_catalogue()
    new = {i.code for i in cat.indicators if not cat.is_measured(i)}
    assert {"I2.2.05", "I2.2.07"} <= new  # experienced internship discrimination, a fitting allowance
    content = veen(cat)
    content.indicator_values = [v for v in content.indicator_values
                                if not (v.kind == "start" and (v.indicator in new or v.indicator == "I1.3.01"))]
    path = tmp_path / "no-start-for-new-indicators.xbrl"
    path.write_bytes(write_instance(content, cat))
    report = engine.check(path)
    assert [(f.code, f.indicator) for f in report.findings if f.code == "MBO-C002"] == [("MBO-C002", "I1.3.01")]
    with untrusting.validated(path) as (_, messages):
        texts = [m.text for m in messages if (match := RULE.match(m.code)) and match.group(1) == "MBO-C002"]
        travelled = assertion_findings(messages)
    assert travelled == engine_findings(report)
    assert texts and all("I1.3.01" in t and not any(code in t for code in new) for t in texts)
