"""MBO-B005: a negative budget amount."""

from __future__ import annotations

from mbo_xbrl.parsing.filing import Filing
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, RuleContext, rule
from mbo_xbrl.rules.describe import data_concepts, number_text
from mbo_xbrl.taxonomy import names


@rule(
    code="MBO-B005", name="negative-amount", layer=Layer.SEMANTIC, severity=Severity.ERROR, funded_only=True,
    concepts=data_concepts(names.BUDGET_AMOUNT, names.EARMARKED_AMOUNT),
    message_nl="Het bedrag voor {year} is negatief: {amount:eur}.",
    message_en="The amount for {year} is negative: {amount:eur}.",
    fix_nl="Vul het bedrag positief in; een begroting bevat geen negatieve bedragen.",
    fix_en="Fill in the amount as a positive number; a budget holds no negative amounts.",
    why_nl="Begrotingen en geoormerkte bedragen zijn bedragen om te besteden: een negatief bedrag is een teken- "
           "of eenheidsfout.",
)
def negative_amount(filing: Filing, ctx: RuleContext) -> list[Finding]:
    """Budgets and earmarks are amounts to spend: a negative one is a sign or unit mistake."""
    facts = filing.of(names.BUDGET_AMOUNT) + filing.of(names.EARMARKED_AMOUNT)
    return [negative_amount.finding(year=f.whole_year, amount=number_text(f.number),
                                    objective=f.objective, measure=f.measure, **f.where)
            for f in facts if f.number is not None and f.number < 0]
