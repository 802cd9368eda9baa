"""MBO-B004: budget assigned to a measure the institution does not apply."""

from __future__ import annotations

from mbo_xbrl.parsing.filing import Filing
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, RuleContext, rule
from mbo_xbrl.rules.budget.common import measure_amounts
from mbo_xbrl.rules.describe import data_concepts, measure_args, number_text
from mbo_xbrl.taxonomy import names


@rule(
    code="MBO-B004", name="budget-on-unapplied-measure", layer=Layer.SEMANTIC, severity=Severity.ERROR, funded_only=True,
    concepts=data_concepts(names.BUDGET_AMOUNT, names.MEASURE_APPLIED),
    message_nl="Maatregel {measure} '{measure_nl}' wordt niet toegepast, maar heeft in {year} {amount:eur} begroot.",
    message_en="Measure {measure} '{measure_en}' is not applied, yet {amount:eur} is budgeted for it in {year}.",
    fix_nl="Zet de begroting van deze maatregel op een maatregel die wel wordt toegepast, of kies bij deze "
           "maatregel 'pas toe'.",
    fix_en="Move this measure's budget to a measure that is applied, or choose 'apply' for this measure.",
    why_nl="Geld voor een maatregel die de instelling niet toepast, spreekt haar eigen plan tegen.",
)
def budget_on_unapplied_measure(filing: Filing, ctx: RuleContext) -> list[Finding]:
    """Money for a measure the institution explains away contradicts its own plan."""
    applied = filing.applied
    return [budget_on_unapplied_measure.finding(year=f.whole_year, amount=number_text(f.number),
                                                **measure_args(ctx.catalogue, f.measure), **f.where)
            for f in measure_amounts(filing)
            if f.number > 0 and f.measure in applied and applied[f.measure].flag is False]
