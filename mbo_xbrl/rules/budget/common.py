"""Shared by the budget rules: budget facts by year, objective and measure, and rounding tolerance."""

from __future__ import annotations

from decimal import Decimal

from mbo_xbrl.parsing.filing import Filing, TidyFact


def tolerance(facts: list[TidyFact]) -> Decimal:
    """Half a unit of the last reported digit, for each value involved (XBRL 2.1 decimals)."""
    total = Decimal(0)
    for fact in facts:
        if fact.decimals and fact.decimals != "INF":
            try:
                total += Decimal(5).scaleb(-int(fact.decimals) - 1)
            except ValueError:
                pass
    return total


def objective_totals(filing: Filing) -> dict[tuple[int, str], TidyFact]:
    """(year, objective) -> the objective's total budget fact (an objective and no measure)."""
    return {(f.whole_year, f.objective): f for f in filing.budgets
            if f.objective and not f.measure and f.whole_year is not None and f.number is not None}


def measure_amounts(filing: Filing) -> list[TidyFact]:
    """Budget facts for a measure (catalogue or own), with a number."""
    return [f for f in filing.budgets if f.measure and f.number is not None]
