"""MBO-B003: the budget of an earmarked objective is below the earmarked amount."""

from __future__ import annotations

from mbo_xbrl.parsing.filing import Filing
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, RuleContext, rule
from mbo_xbrl.rules.budget.common import objective_totals
from mbo_xbrl.rules.describe import data_concepts, number_text, objective_args
from mbo_xbrl.taxonomy import names


@rule(
    code="MBO-B003", name="earmark-not-budgeted", layer=Layer.SEMANTIC, severity=Severity.ERROR, funded_only=True,
    concepts=data_concepts(names.BUDGET_AMOUNT, names.EARMARKED_AMOUNT),
    message_nl="Doelstelling {objective} '{objective_nl}' heeft in {year} {budget:eur} begroot, minder dan het "
               "geoormerkte bedrag van {earmark:eur}.",
    message_en="Objective {objective} '{objective_en}' budgets {budget:eur} in {year}, less than the earmarked "
               "{earmark:eur}.",
    fix_nl="Begroot op doelstelling {objective} in {year} ten minste het geoormerkte bedrag; geoormerkt geld "
           "mag niet naar andere doelstellingen.",
    fix_en="Budget at least the earmarked amount on objective {objective} in {year}; earmarked money may not go "
           "to other objectives.",
    why_nl="Geoormerkt geld (loopbaanbegeleiding, loopbaan van personeel, practoraten) moet aan zijn eigen "
           "doelstelling worden besteed.",
)
def earmark_not_budgeted(filing: Filing, ctx: RuleContext) -> list[Finding]:
    """Earmarked funds (career guidance, careers of staff, practorates) must be spent on their objective.

    Seed 002: part of the quality funds is earmarked; OCW pre-fills the earmarked amount per
    objective and year, and the objective's budget may not be lower. Only a budget that is there is
    compared: a missing one is its own root cause (MBO-B001; for an objective declared out of scope,
    its mandatory measures: MBO-M001), not a second finding of "0 budgeted".
    """
    totals = objective_totals(filing)
    findings = []
    for earmark in filing.of(names.EARMARKED_AMOUNT):
        if earmark.number is None or not earmark.objective or earmark.whole_year is None:
            continue
        budget = totals.get((earmark.whole_year, earmark.objective))
        if budget is None:
            continue
        budgeted = budget.number
        if budgeted < earmark.number:
            findings.append(earmark_not_budgeted.finding(
                year=earmark.whole_year, budget=number_text(budgeted), earmark=number_text(earmark.number),
                **objective_args(ctx.catalogue, earmark.objective),
                **budget.where))
    return findings
