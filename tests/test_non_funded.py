"""Non-funded institutions file against their own entry point: the indicators seed 003 names for them.

"Voor het niet-bekostigd onderwijs zijn de indicatoren over de tevredenheid van studenten en de
indicatoren die betrekking hebben op de resultaten c.q. de kwaliteit van de basisvaardigheden [...] van
toepassing maar de indicatoren voor docenten en practoraten niet" (seed 003); they get no quality funds,
so no budgets and no measures.
"""

from __future__ import annotations

import re

from lxml import etree

from mbo_xbrl.catalogue import load_catalogue
from mbo_xbrl.engine import Engine
from mbo_xbrl.rules.registry import all_rules
from mbo_xbrl.taxonomy.releases import CURRENT, RELEASES
from tests.conftest import ROOT

SAMPLE = ROOT / "samples" / "valid" / "99XN-2024.xbrl"
FORMULA = "{http://xbrl.org/2008/assertion/value}valueAssertion"


def codes(report) -> list[str]:
    return sorted({f.code for f in report.findings})


def test_the_non_funded_indicators_are_the_ones_seed_003_names() -> None:
    cat = load_catalogue()
    asked = {i.code for i in cat.indicators if i.non_funded}
    assert "I1.2.01" in asked  # "Ook gegevens voor niet-bekostigd voltijdsonderwijs"
    assert {i.code for i in cat.indicators_of("3.1")} | {i.code for i in cat.indicators_of("3.2")} <= asked
    assert not asked & ({i.code for i in cat.indicators_of("3.3")} | {i.code for i in cat.indicators_of("3.4")})
    view = cat.for_non_funded()
    assert {i.code for i in view.indicators} == asked and view.measures == []


def test_the_non_funded_sample_is_valid_on_the_fast_path_and_to_arelle(engine, processor) -> None:
    for report in (engine.check(SAMPLE), Engine(processor, fast_path=False).check(SAMPLE)):
        assert report.valid and report.findings == [], codes(report)
        assert report.funded is False and report.taxonomy_release == 2024
    assert engine.check(SAMPLE).xbrl_validation == "compiled-view"
    text = SAMPLE.read_text("utf-8")
    assert CURRENT.non_funded.url in text
    assert "WorksOnObjective" not in text and "BudgetAmount" not in text and "MeasureApplied" not in text


def test_what_is_not_asked_of_a_non_funded_institution_is_invalid_in_its_form(engine, processor, tmp_path) -> None:
    """A budget, or an indicator of teachers, is in no hypercube of the non-funded entry point but one `notAll`:
    Arelle and the fast path agree that it is dimensionally invalid."""
    text = SAMPLE.read_text("utf-8")
    budget = text.replace("</xbrli:xbrl>", '  <xbrli:unit id="EUR"><xbrli:measure>iso4217:EUR</xbrli:measure>'
                                           '</xbrli:unit>\n  <mbo-i:BudgetAmount contextRef="Y2024" unitRef="EUR" '
                                           'decimals="0">1000</mbo-i:BudgetAmount>\n</xbrli:xbrl>')
    budget = budget.replace("<xbrli:xbrl ", '<xbrli:xbrl xmlns:iso4217="http://www.xbrl.org/2003/iso4217" ', 1)
    start = re.search(r'(<mbo-i:SatisfactionWithSchool contextRef="([^"]+)" unitRef="([^"]+)" decimals="1"'
                      r'[^>]*>[^<]*</mbo-i:SatisfactionWithSchool>)', text)
    teachers = text.replace("</xbrli:xbrl>", f'  <mbo-i:TeachersInLcLdScales contextRef="{start.group(2)}" '
                                             f'unitRef="{start.group(3)}" decimals="1">50.0'
                                             "</mbo-i:TeachersInLcLdScales>\n</xbrli:xbrl>")
    for name, content in (("budget.xbrl", budget), ("teachers.xbrl", teachers)):
        path = tmp_path / name
        path.write_text(content, "utf-8")
        for report in (engine.check(path), Engine(processor, fast_path=False).check(path)):
            assert codes(report) == ["MBO-S004"], (name, codes(report))
            assert "PrimaryItemDimensionallyInvalid" in report.findings[0].message_en
            assert "niet-bekostigde instelling rapporteert geen begroting" in report.findings[0].message_nl


def test_the_rules_know_which_entry_point_they_check(engine, tmp_path) -> None:
    """A missing start value is asked of a non-funded institution; objective declarations, targets, budgets and
    measures are not (those rules are funded_only)."""
    text = SAMPLE.read_text("utf-8")
    without, n = re.subn(r'\s*<mbo-i:PassedArithmetic contextRef="[^"]*Start[^"]*"[^>]*>[^<]*</mbo-i:PassedArithmetic>',
                         "", text)
    assert n == 1
    path = tmp_path / "no-start.xbrl"
    path.write_text(without, "utf-8")
    report = engine.check(path)
    assert codes(report) == ["MBO-C002"] and [f.indicator for f in report.findings] == ["I3.1.07"]
    funded_only = {r.code for r in all_rules() if r.funded_only}
    assert {"MBO-C001", "MBO-C006", "MBO-B001", "MBO-M003"} <= funded_only
    assert not funded_only & {"MBO-C002", "MBO-C003", "MBO-C005", "MBO-V001", "MBO-S014"}


def test_each_non_funded_entry_point_carries_only_the_rules_that_apply() -> None:
    for release in RELEASES.values():
        folder = ROOT / "taxonomy" / release.package_name / release.host / str(release.year) / "validation"
        funded = etree.parse(str(folder / f"{release.funded.name}-for.xml")).getroot()
        non_funded = etree.parse(str(folder / f"{release.non_funded.name}-for.xml")).getroot()

        def rule_codes(root) -> set[str]:
            return {re.match(r"MBO-[A-Z][0-9]+", e.get("id")).group(0) for e in root.iter(FORMULA)}

        assert {"MBO-B001", "MBO-M003", "MBO-C006"} <= rule_codes(funded)
        assert "MBO-C002" in rule_codes(non_funded)
        assert not rule_codes(non_funded) & {r.code for r in all_rules() if r.funded_only}


def test_the_verdict_says_the_filing_is_a_non_funded_institutions() -> None:
    from click.testing import CliRunner

    from mbo_xbrl.cli import cli

    for lang, words in (("nl", "niet-bekostigde instelling"), ("en", "non-funded institution")):
        result = CliRunner().invoke(cli, ["check", "--lang", lang, str(SAMPLE)])
        assert result.exit_code == 0 and words in result.stdout.splitlines()[0], result.output
    funded = CliRunner().invoke(cli, ["check", str(ROOT / "samples" / "valid" / "99XB-2024.xbrl")])
    assert "bekostigd" not in funded.stdout
