"""MBO-B002: budget parts do not add up to the reported total."""

from __future__ import annotations

from collections import defaultdict

from mbo_xbrl.parsing.filing import Filing, TidyFact
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, RuleContext, rule
from mbo_xbrl.rules.budget.common import measure_amounts, objective_totals, tolerance
from mbo_xbrl.rules.describe import data_concepts, number_text
from mbo_xbrl.taxonomy import names

WHAT = {
    "year": ("de begrotingen per doelstelling in {year}", "the budgets per objective in {year}",
             "de totale begroting {year}", "the total budget {year}"),
    "objective": ("de begrotingen per maatregel van doelstelling {objective} in {year}",
                  "the budgets per measure of objective {objective} in {year}",
                  "de begroting van doelstelling {objective}", "the budget of objective {objective}"),
    "misplaced": ("de begroting voor maatregel {measure} staat bij doelstelling {objective}",
                  "the budget for measure {measure} is under objective {objective}",
                  "doelstelling {belongs_to}, waar de maatregel bij hoort", "objective {belongs_to}, where the measure belongs"),
}


@rule(
    code="MBO-B002", name="budget-does-not-add-up", layer=Layer.SEMANTIC, severity=Severity.ERROR, funded_only=True,
    concepts=data_concepts(names.BUDGET_AMOUNT),
    message_nl="{parts_nl} tellen op tot {sum:eur}, maar {total_nl} is {total:eur} (verschil {difference:eur}).",
    message_en="{parts_en} add up to {sum:eur}, but {total_en} is {total:eur} (difference {difference:eur}).",
    fix_nl="Maak de delen en het totaal gelijk: tel de bedragen opnieuw op, of vul het ontbrekende deel in "
           "(wat de instelling aan eigen maatregelen besteedt, telt mee als 'eigen maatregelen' van de doelstelling).",
    fix_en="Make the parts equal the total: add the amounts up again, or fill in the missing part "
           "(what the institution spends on its own measures counts as the objective's 'own measures').",
    why_nl="Het jaartotaal is de som van de doelstellingen en een doelstelling de som van haar maatregelen; telt "
           "dat niet op, dan is niet te zeggen waar het geld heen gaat.",
)
def budget_does_not_add_up(filing: Filing, ctx: RuleContext) -> list[Finding]:
    """The year total is the sum of the objectives; an objective is the sum of its measures.

    Calculation linkbases cannot sum over dimensions, so this rule does it, with a tolerance of
    half a unit of the last reported digit per amount (from `decimals`). A measure's budget must
    stand under the objective the measure belongs to.
    """
    cat = ctx.catalogue
    findings: list[Finding] = []
    totals = objective_totals(filing)
    year_totals = {f.whole_year: f for f in filing.budgets
                   if not f.objective and not f.measure and f.number is not None}
    for year, total in sorted(year_totals.items(), key=lambda kv: kv[0] or 0):
        parts = [f for (y, _), f in totals.items() if y == year]
        if parts:
            findings += _compare("year", parts, total, year=year)
    per_objective: dict[tuple[int, str], list[TidyFact]] = defaultdict(list)
    for fact in measure_amounts(filing):
        belongs_to = fact.measure[4:] if fact.measure.startswith("own:") else cat.measure_by_code[fact.measure].objective
        if fact.objective != belongs_to:
            nl_parts, en_parts, nl_total, en_total = (t.format(measure=fact.measure, objective=fact.objective,
                                                                belongs_to=belongs_to) for t in WHAT["misplaced"])
            findings.append(budget_does_not_add_up.finding(
                kind="misplaced", parts_nl=nl_parts, parts_en=en_parts, total_nl=nl_total, total_en=en_total,
                sum=number_text(fact.number), total=None, difference=None, measure=fact.measure,
                objective=fact.objective, **fact.where))
            continue
        per_objective[(fact.whole_year, fact.objective)].append(fact)
    for (year, objective), parts in sorted(per_objective.items(), key=lambda kv: (kv[0][0] or 0, kv[0][1])):
        total = totals.get((year, objective))
        if total is not None:
            findings += _compare("objective", parts, total, year=year, objective=objective)
    return findings


def _compare(kind: str, parts: list[TidyFact], total: TidyFact, **values: object) -> list[Finding]:
    summed = sum(p.number for p in parts)
    difference = summed - total.number
    if abs(difference) <= tolerance(parts + [total]):
        return []
    nl_parts, en_parts, nl_total, en_total = (t.format(**values) for t in WHAT[kind])
    return [budget_does_not_add_up.finding(
        kind=kind, parts_nl=nl_parts[0].upper() + nl_parts[1:], parts_en=en_parts[0].upper() + en_parts[1:],
        total_nl=nl_total, total_en=en_total, sum=number_text(summed), total=number_text(total.number),
        difference=number_text(difference),
        objective=values.get("objective"), **total.where)]
