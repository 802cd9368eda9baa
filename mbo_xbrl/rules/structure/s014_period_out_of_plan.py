"""MBO-S014: a fact's period does not fit the reporting year or the 2024-2027 plan period."""

from __future__ import annotations

from mbo_xbrl.parsing.filing import PLAN_LEVEL, Filing, TidyFact
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, RuleContext, rule
from mbo_xbrl.rules.describe import INDICATOR_CONCEPTS, data_concepts
from mbo_xbrl.taxonomy import names

EXPECTED = {
    "whole_year": ("een heel kalenderjaar (1 januari tot en met 31 december; voor een startwaarde ook een schooljaar, "
                   "1 augustus tot en met 31 juli)",
                   "a whole calendar year (1 January to 31 December; for a start value also a school year, "
                   "1 August to 31 July)"),
    "report_year": ("het verslagjaar {report_year}", "the reporting year {report_year}"),
    "plan_year": ("een planjaar {first}-{last}", "a plan year {first}-{last}"),
    "target_year": ("het streefjaar {target_year}", "the target year {target_year}"),
    "before_plan": ("een jaar vóór de planperiode (uiterlijk {before})", "a year before the plan period ({before} at the latest)"),
    "first_measurement": ("het jaar van de eerste meting van de indicator, {start_year}, of eerder",
                          "the year the indicator was first measured, {start_year}, or earlier"),
}


@rule(
    code="MBO-S014", name="period-out-of-plan", layer=Layer.SEMANTIC, severity=Severity.ERROR,
    concepts=(INDICATOR_CONCEPTS, *data_concepts(names.BUDGET_AMOUNT, names.EARMARKED_AMOUNT, names.INSTITUTION_NAME)),
    message_nl="De periode is {period}; verwacht is {expected_nl}{others_nl}.",
    message_en="The period is {period}; expected is {expected_en}{others_en}.",
    fix_nl="Zet de waarde in een context met de juiste periode: verslagjaar voor algemene gegevens en keuzes, "
           "referentiejaar voor startwaarden, 2027 voor streefwaarden, verslagjaar voor realisaties, "
           "2024-2027 voor begrotingen.",
    fix_en="Put the value in a context with the right period: the reporting year for general data and choices, "
           "the reference year for start values, 2027 for targets, the reporting year for realisations, "
           "2024-2027 for budgets.",
    why_nl="Elke waarde wordt gelezen tegen een jaar: een verkeerde periode zet haar op de verkeerde plek.",
)
def period_out_of_plan(filing: Filing, ctx: RuleContext) -> list[Finding]:
    """Every value is read against a year: a period that is not the year it should be misplaces it.

    Periods are whole calendar years, compared as XBRL defines them: `2024-01-01` to `2024-12-31`
    and `2024-01-01T00:00:00` to `2025-01-01T00:00:00` are the same year. Plan-level facts (name,
    choices, narratives) describe the reporting year, which must itself lie in 2024-2027; budgets
    lie in 2024-2027; targets in 2027; realisations in the reporting year; start values before the
    plan, as a calendar year or a school year (1 August - 31 July; seed 002: start values are often
    2022-2023), or, for an indicator a release first measures within the plan, its first measurement's
    year at the latest. A wrong period is one mistake however many facts share it: one finding per period and
    expectation, at its first fact, with the number of facts it concerns.
    """
    cat = ctx.catalogue
    first, last = cat.plan_years[0], cat.plan_years[-1]
    values = {"report_year": filing.report_year, "first": first, "last": last, "target_year": cat.target_year,
              "before": first - 1}
    causes: dict[tuple[str, str], list[TidyFact]] = {}
    for fact in filing.facts:
        expected = _expected(fact, filing, cat)
        if expected is not None:
            causes.setdefault((fact.period_text, expected), []).append(fact)
    findings = []
    for (period, expected), facts in causes.items():
        expected, _, start_year = expected.partition(":")
        nl, en = EXPECTED[expected]
        values["start_year"] = start_year
        fact, others = facts[0], len(facts) - 1
        findings.append(period_out_of_plan.finding(
            period=period, expected=expected, expected_nl=nl.format(**values), expected_en=en.format(**values),
            facts=len(facts),
            others_nl=f" (en {others} andere {'feit' if others == 1 else 'feiten'} met deze periode)" if others else "",
            others_en=f" (and {others} other {'fact' if others == 1 else 'facts'} with this period)" if others else "",
            indicator=fact.indicator_code, objective=fact.objective, measure=fact.measure if fact.measure else None,
            **fact.where))
    return findings


def _expected(fact: TidyFact, filing: Filing, cat) -> str | None:
    """The expectation a fact's period breaks, or None when it fits."""
    year = fact.whole_year
    if fact.value_kind == "start":
        latest = _latest_start(fact, cat)
        if fact.school_year is not None:  # a school year, 1 August - 31 July, named by the year it starts in
            return None if fact.school_year <= latest else _too_late(fact, cat)
    if year is None:
        return "whole_year"
    if fact.local in PLAN_LEVEL:
        if fact.local == names.INSTITUTION_NAME and year not in cat.plan_years:
            return "plan_year"
        return None if year == filing.report_year else "report_year"
    if fact.local in (names.BUDGET_AMOUNT, names.EARMARKED_AMOUNT):
        return None if year in cat.plan_years else "plan_year"
    kind = fact.value_kind
    if kind == "target":
        return None if year == cat.target_year else "target_year"
    if kind == "realisation":
        return None if year == filing.report_year else "report_year"
    if kind == "start":
        return None if year <= _latest_start(fact, cat) else _too_late(fact, cat)
    return None


def _latest_start(fact: TidyFact, cat) -> int:
    """The last year a start value may describe: before the plan, or the year a release first measures it."""
    start_year = fact.indicator.start_year if fact.indicator is not None else 0
    return max(cat.plan_years[0] - 1, start_year)


def _too_late(fact: TidyFact, cat) -> str:
    if fact.indicator is not None and fact.indicator.start_year >= cat.plan_years[0]:
        return f"first_measurement:{fact.indicator.start_year}"
    return "before_plan"
