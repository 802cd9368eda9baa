"""MBO-B001: budget missing for a year 2024-2027 of an objective the institution works on."""

from __future__ import annotations

from mbo_xbrl.parsing.filing import Filing
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, RuleContext, rule
from mbo_xbrl.rules.budget.common import objective_totals
from mbo_xbrl.rules.describe import data_concepts, objective_args
from mbo_xbrl.taxonomy import names
from mbo_xbrl.taxonomy.concepts import qname


@rule(
    code="MBO-B001", name="missing-budget", layer=Layer.SEMANTIC, severity=Severity.ERROR, funded_only=True,
    concepts=data_concepts(names.BUDGET_AMOUNT, names.WORKS_ON_OBJECTIVE),
    message_nl="Begroting {year} ontbreekt voor doelstelling {objective} '{objective_nl}'.",
    message_en="Budget {year} missing for objective {objective} '{objective_en}'.",
    fix_nl="Vul de begroting {year} van doelstelling {objective} in: het totaal van de doelstelling, naast de "
           "bedragen per maatregel. Is het bedrag nul, vul dan 0 in.",
    fix_en="Fill in the {year} budget of objective {objective}: the objective's total, beside the amounts per "
           "measure. If the amount is zero, fill in 0.",
    why_nl="Elke doelstelling waaraan de instelling werkt, heeft voor elk jaar 2024-2027 een begroting nodig; "
           "zonder volledige begroting valt de instelling buiten de analyse van de bestedingen.",
)
def missing_budget(filing: Filing, ctx: RuleContext) -> list[Finding]:
    """Every objective the institution works on needs a budget for each year 2024-2027.

    Seed 002 (footnote 5): some institutions "did not deliver their budget data completely or
    clearly enough", which kept them out of the budget analysis.
    """
    cat = ctx.catalogue
    totals = objective_totals(filing)
    concept = qname("data", names.BUDGET_AMOUNT).prefixed
    return [missing_budget.finding(year=year, concept=concept, **objective_args(cat, o.code))
            for o in cat.objectives if filing.objective_in_scope(o.code)
            for year in cat.plan_years if (year, o.code) not in totals]
