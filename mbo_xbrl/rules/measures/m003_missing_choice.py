"""MBO-M003: the apply-or-explain choice is missing for a measure of an objective the institution works on."""

from __future__ import annotations

from mbo_xbrl.parsing.filing import Filing
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, RuleContext, rule
from mbo_xbrl.rules.describe import data_concepts, measure_args
from mbo_xbrl.taxonomy import names
from mbo_xbrl.taxonomy.concepts import qname


@rule(
    code="MBO-M003", name="missing-choice", layer=Layer.SEMANTIC, severity=Severity.ERROR, funded_only=True,
    concepts=data_concepts(names.MEASURE_APPLIED, names.WORKS_ON_OBJECTIVE),
    message_nl="Voor maatregel {measure} '{measure_nl}' (doelstelling {objective}) ontbreekt de keuze pas toe of leg uit.",
    message_en="The apply-or-explain choice is missing for measure {measure} '{measure_en}' (objective {objective}).",
    fix_nl="Kies bij maatregel {measure} 'pas toe', of 'niet toegepast' met een uitleg waarom niet.",
    fix_en="Choose 'apply' for measure {measure}, or 'not applied' with an explanation why not.",
    why_nl="Elke maatregel van een doelstelling waaraan de instelling werkt, vraagt een uitdrukkelijke keuze: "
           "toepassen of uitleggen.",
)
def missing_choice(filing: Filing, ctx: RuleContext) -> list[Finding]:
    """Every measure of an objective the institution works on needs an explicit choice.

    Seed 002 counts how many institutions apply each measure (on average 71 percent); a missing
    choice makes the institution uncountable.
    """
    concept = qname("data", names.MEASURE_APPLIED).prefixed
    return [missing_choice.finding(concept=concept, **measure_args(ctx.catalogue, m.code))
            for m in ctx.catalogue.measures
            if filing.objective_in_scope(m.objective) and m.code not in filing.applied]
