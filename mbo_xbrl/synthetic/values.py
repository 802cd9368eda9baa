"""Plausible indicator values, calibrated to the sector figures published in seed 002.

Only the published means are used as anchors; the rest of the spread is invented and documented
as such. Values are drawn from a seeded `random.Random`, so the same seed gives the same values.
"""

from __future__ import annotations

import random
from decimal import Decimal

from mbo_xbrl.catalogue import Catalogue, Indicator

# Published sector means (start, target) from seed 002 (see ../shared/domain.md).
PUBLISHED = {
    "I3.3.03": (41.0, 35.0),  # workload too high
    "I3.3.01": (47.0, 56.0),  # LC/LD scales
    "I3.3.04": (6.8, 7.1),  # satisfaction with development (mark)
    "I3.3.05": (7.8, 8.2),  # starters' mark for guidance
    "I3.1.07": (42.0, 68.0),  # passed arithmetic
    "I3.1.05": (77.0, 87.0),  # passed central exam Dutch
    "I2.2.01": (36.0, 47.0),  # satisfied with school's internship guidance
    "I2.2.02": (67.0, 69.0),  # satisfied with company's internship guidance
    "I1.2.01": (82.0, 85.0),  # feel safe at school: over 80%, +3 points
}
# Typical start values of indicators without a published figure (invented, but of a plausible order).
# Counts marked per_1000 grow with the institution: the value is per 1,000 students (scale / 1000).
TYPICAL_START = {
    "I1.2.02": 85.0, "I1.2.03": 6.6, "I1.2.04": 55.0, "I1.2.05": 60.0,
    "I1.3.01": 5.8,  # share of new early leavers, percent
    "I1.3.03": 62.0, "I1.4.01": 80.0, "I1.4.02": 68.0,
    "I2.1.01": 45.0, "I2.1.02": 86.0, "I2.1.03": 72.0, "I2.1.04": 30.0, "I2.1.05": 29.0, "I2.1.06": 78.0,
    "I2.2.03": 3.5, "I2.2.04": 24.0, "I2.2.05": 9.0, "I2.2.06": 1.1, "I2.2.07": 55.0,
    "I2.3.01": 14.0, "I2.3.02": 31.0,
    "I3.1.01": 62.0, "I3.1.02": 70.0, "I3.1.03": 48.0, "I3.1.04": 44.0, "I3.1.06": 82.0, "I3.1.08": 70.0,
    "I3.1.09": 68.0, "I3.2.01": 45.0, "I3.3.02": 21.0,
}
PER_1000_STUDENTS = {"I1.3.02": 58.0, "I3.4.01": 0.25}  # early leavers; practorates
TYPICAL = {"percentage": 60.0, "mark": 7.0, "count": 8.0, "ratio": 1.1}
SPREAD = {"percentage": 6.0, "mark": 0.4, "count": 1.0, "ratio": 0.15}
LIMITS = {"percentage": (0.0, 100.0), "mark": (1.0, 10.0), "count": (0.0, None), "ratio": (0.0, None)}


def _clip(value: float, unit: str) -> float:
    low, high = LIMITS[unit]
    value = max(low, value)
    return min(high, value) if high is not None else value


def start_and_target(cat: Catalogue, indicator: Indicator, rng: random.Random,
                     students: float = 10_000) -> tuple[Decimal, Decimal]:
    """A start value and a 2027 target that moves in the indicator's direction.

    `students` sizes the counts that grow with the institution (early leavers, practorates).
    """
    unit = cat.unit_by_code[indicator.unit]
    spread = SPREAD[indicator.unit]
    if indicator.code in PUBLISHED:
        start_mean, target_mean = PUBLISHED[indicator.code]
    else:
        if indicator.code in PER_1000_STUDENTS:
            start_mean = PER_1000_STUDENTS[indicator.code] * students / 1000
            spread = start_mean * 0.1
        else:
            start_mean = TYPICAL_START.get(indicator.code, TYPICAL[indicator.unit])
            spread = min(spread, start_mean * 0.15)
        step = 0.1 * start_mean if indicator.unit != "mark" else 0.3
        target_mean = start_mean + (step if indicator.direction.value == "higher" else -step)
    start = _clip(rng.gauss(start_mean, spread), indicator.unit)
    ambition = abs(rng.gauss(abs(target_mean - start_mean), abs(target_mean - start_mean) / 4 + 1e-9))
    target = start + ambition if indicator.direction.value == "higher" else start - ambition
    target = _clip(target, indicator.unit)
    quantum = Decimal(1).scaleb(-unit.decimals)
    return Decimal(repr(start)).quantize(quantum), Decimal(repr(target)).quantize(quantum)


def realisation(cat: Catalogue, indicator: Indicator, start: Decimal, target: Decimal, progress: float,
                rng: random.Random, pace: float = 1.0, noise: float | None = None) -> Decimal:
    """A realised value part of the way from start to target, with noise: `progress` is the share of the way a
    straight path has gone, `pace` how fast the institution goes along it (1: on the path; 0.5: half as far),
    `noise` the standard deviation around it (default: a quarter of the unit's typical spread)."""
    unit = cat.unit_by_code[indicator.unit]
    value = float(start) + pace * progress * (float(target) - float(start))
    value = _clip(value + rng.gauss(0, SPREAD[indicator.unit] / 4 if noise is None else noise), indicator.unit)
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-unit.decimals))


def year_to_year_noise(indicator: Indicator, start: Decimal, target: Decimal) -> float:
    """How much a realisation wanders around an institution's path from one year to the next: in proportion to
    the value and the ambition (4% of the start and a quarter of the step to the target), and for a share or a
    mark never more than a quarter of the unit's typical spread. A small share (6% early leavers) moves by
    tenths of a point, a count of 500 by tens."""
    scale = abs(float(start)) * 0.04 + abs(float(target) - float(start)) * 0.25
    return scale if indicator.unit == "count" else min(scale, SPREAD[indicator.unit] / 4)
