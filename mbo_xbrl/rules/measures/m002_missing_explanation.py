"""MBO-M002: a measure is not applied and no explanation is given."""

from __future__ import annotations

from mbo_xbrl.parsing.filing import Filing
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, RuleContext, rule
from mbo_xbrl.rules.describe import data_concepts, measure_args
from mbo_xbrl.taxonomy import names


@rule(
    code="MBO-M002", name="missing-explanation", layer=Layer.SEMANTIC, severity=Severity.ERROR, funded_only=True,
    concepts=data_concepts(names.MEASURE_APPLIED, names.MEASURE_EXPLANATION),
    message_nl="Maatregel {measure} '{measure_nl}' wordt niet toegepast, maar de uitleg ontbreekt.",
    message_en="Measure {measure} '{measure_en}' is not applied, but the explanation is missing.",
    fix_nl="Leg bij de maatregel uit waarom de instelling hem niet toepast (pas toe of leg uit).",
    fix_en="Explain with the measure why the institution does not apply it (apply or explain).",
    why_nl="Pas toe of leg uit: een maatregel mag worden afgewezen, maar het plan moet zeggen waarom.",
)
def missing_explanation(filing: Filing, ctx: RuleContext) -> list[Finding]:
    """"Pas toe of leg uit": a measure may be declined, but the plan must say why (seed 001, 002)."""
    return [missing_explanation.finding(**measure_args(ctx.catalogue, code), **fact.where)
            for code, fact in filing.applied.items()
            if fact.flag is False and not (filing.explanations.get(code) and filing.explanations[code].value.strip())]
