"""Shared by the budget rules: budget facts by year, objective and measure, and rounding tolerance."""

from __future__ import annotations

import math
from decimal import Decimal

from mbo_xbrl.parsing.filing import Filing, TidyFact

# `decimals` is any xs:integer. No value in a file within the size limit has more than 10^9 digits,
# so a tolerance of 10^(10^9) already admits any difference: clamping there changes no verdict and
# keeps every exponent inside what Python's decimal arithmetic can hold.
DECIMALS_BOUND = 10**9


def tolerance(facts: list[TidyFact]) -> Decimal:
    """Half a unit of the last reported digit, for each value involved (XBRL 2.1 decimals, or the
    decimals that `precision` implies)."""
    total = Decimal(0)
    for fact in facts:
        accuracy = fact.accuracy
        if accuracy is None:
            return Decimal("Infinity")  # nothing is known of this value (precision="0"): any sum fits it
        if accuracy != math.inf:
            total += Decimal(5).scaleb(-max(-DECIMALS_BOUND, min(DECIMALS_BOUND, accuracy)) - 1)
    return total


def objective_totals(filing: Filing) -> dict[tuple[int, str], TidyFact]:
    """(year, objective) -> the objective's total budget fact (an objective and no measure)."""
    return {(f.whole_year, f.objective): f for f in filing.budgets
            if f.objective and not f.measure and f.whole_year is not None and f.number is not None}


def measure_amounts(filing: Filing) -> list[TidyFact]:
    """Budget facts for a measure (catalogue or own), with a number."""
    return [f for f in filing.budgets if f.measure and f.number is not None]
