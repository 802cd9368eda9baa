"""MBO-M004: a measure is applied but has no budget anywhere."""

from __future__ import annotations

from mbo_xbrl.parsing.filing import Filing
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, RuleContext, rule
from mbo_xbrl.rules.budget.common import measure_amounts
from mbo_xbrl.rules.describe import data_concepts, measure_args
from mbo_xbrl.taxonomy import names


@rule(
    code="MBO-M004", name="applied-without-budget", layer=Layer.SEMANTIC, severity=Severity.WARNING, funded_only=True,
    concepts=data_concepts(names.MEASURE_APPLIED, names.BUDGET_AMOUNT),
    message_nl="Maatregel {measure} '{measure_nl}' wordt toegepast, maar heeft in geen enkel jaar budget.",
    message_en="Measure {measure} '{measure_en}' is applied, but has no budget in any year.",
    fix_nl="Begroot maatregel {measure} in ten minste één jaar van 2024-2027, of licht in de voortgangsparagraaf "
           "toe waarom hij zonder kwaliteitsmiddelen wordt uitgevoerd.",
    fix_en="Budget measure {measure} in at least one year of 2024-2027, or explain in the progress narrative why "
           "it runs without quality funds.",
    why_nl="Een maatregel die wordt toegepast zonder geld kan kloppen (betaald uit andere middelen), maar "
           "verdient een blik.",
)
def applied_without_budget(filing: Filing, ctx: RuleContext) -> list[Finding]:
    """A measure that is applied without money may be real (paid from elsewhere) but deserves a look.

    Seed 001 and 002 relate budgets to the measures applied; a warning, not an error.
    """
    budgeted = {f.measure for f in measure_amounts(filing) if f.number > 0}
    return [applied_without_budget.finding(**measure_args(ctx.catalogue, code), **fact.where)
            for code, fact in filing.applied.items() if fact.flag and code not in budgeted]
