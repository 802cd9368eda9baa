"""MBO-C004: an own indicator is incompletely defined."""

from __future__ import annotations

from mbo_xbrl.parsing.filing import Filing
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, RuleContext, rule
from mbo_xbrl.rules.describe import data_concepts
from mbo_xbrl.taxonomy import names

PARTS = {
    names.OWN_INDICATOR_NAME: ("naam", "name"),
    names.OWN_INDICATOR_DEFINITION: ("definitie", "definition"),
    names.OWN_INDICATOR_UNIT: ("eenheid", "unit"),
    names.OWN_INDICATOR_DIRECTION: ("richting", "direction"),
    names.OWN_INDICATOR_SOURCE: ("bron", "source"),
}


@rule(
    code="MBO-C004", name="incomplete-own-indicator", layer=Layer.SEMANTIC, severity=Severity.ERROR, funded_only=True,
    concepts=data_concepts(*PARTS),
    message_nl="Eigen indicator '{own_indicator}' (doelstelling {objective}) mist: {missing_nl}.",
    message_en="Own indicator '{own_indicator}' (objective {objective}) lacks: {missing_en}.",
    fix_nl="Vul bij de eigen indicator alle vijf onderdelen in: naam, definitie, eenheid, richting (is hoger of "
           "lager beter) en bron.",
    fix_en="Fill in all five parts of the own indicator: name, definition, unit, direction (is higher or lower "
           "better) and source.",
    why_nl="Een eigen indicator telt in de monitoring alleen mee als hij aan de kwaliteitseisen voldoet: naam, "
           "definitie, eenheid, richting en bron.",
)
def incomplete_own_indicator(filing: Filing, ctx: RuleContext) -> list[Finding]:
    """An own indicator enters the monitoring only when it meets the quality criteria (seed 003).

    That needs at least what it is called, what it measures, in which unit, which way is better
    and where the figures come from; without a unit and direction its values cannot be read.
    """
    own = {}
    for fact in filing.facts:
        if fact.own_indicator is not None:
            entry = own.setdefault((fact.own_indicator, fact.objective), {"parts": set(), "fact": fact})
            if fact.value.strip():
                entry["parts"].add(fact.local)
    findings = []
    for (code, objective), entry in sorted(own.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        missing = [PARTS[p] for p in PARTS if p not in entry["parts"]]
        if missing:
            fact = entry["fact"]
            findings.append(incomplete_own_indicator.finding(
                own_indicator=code, objective=objective, missing=[en for _, en in missing],
                missing_nl=", ".join(nl for nl, _ in missing), missing_en=", ".join(en for _, en in missing),
                context=fact.context, line=fact.line))
    return findings
