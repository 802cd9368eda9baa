"""Large valid filings, for the benchmark and the tests of size: 2,000 to 50,000 facts and more.

A real filing holds hundreds to a few thousand facts. A large one is the 99XA sample (every
objective, every measure) with its indicators broken down further: every combination of each
indicator's breakdowns (study route × level × domain, ...), with start and realisation values;
past that, own indicators with their definitions and values. Every fact is one the taxonomy
admits and the rules accept, so the file is valid and takes the path a real filing takes.
"""

from __future__ import annotations

import itertools
import random
from decimal import Decimal

from mbo_xbrl.catalogue import Catalogue, load_catalogue
from mbo_xbrl.filing.model import IndicatorValue, OwnIndicator
from mbo_xbrl.filing.writer import write_instance
from mbo_xbrl.synthetic.samples import REPORT_YEAR, delta
from mbo_xbrl.synthetic.values import start_and_target


def large_filing(facts: int, seed: int = 0, catalogue: Catalogue | None = None) -> bytes:
    """A valid filing of 99XA with about `facts` facts (at least the sample's own 1,395)."""
    cat = catalogue or load_catalogue()
    rng = random.Random(seed)
    content = delta(cat)
    count = len(write_instance(content, cat).split(b"contextRef=")) - 1
    for values in _crossed_breakdowns(cat, rng):
        if count >= facts:
            break
        content.indicator_values += values
        count += len(values)
    number = 0
    while count < facts:
        number += 1
        objective = cat.objectives[number % len(cat.objectives)].code
        content.own_indicators.append(OwnIndicator(
            code=f"EI-{number:05d}", objective=objective, name=f"Eigen indicator {number}",
            definition=f"Percentage studenten dat meedoet aan activiteit {number}.", unit="percentage",
            direction="higher", source="Eigen registratie",
            values=[("start", 2023, Decimal(rng.randint(200, 600)) / 10),
                    ("target", cat.target_year, Decimal(rng.randint(600, 900)) / 10)]))
        count += 7  # name, definition, unit, direction, source and two values
    return write_instance(content, cat)


def _crossed_breakdowns(cat: Catalogue, rng: random.Random):
    """Per indicator and combination of two or more of its breakdowns' members: start and realisation."""
    for ind in cat.indicators:
        delivered = REPORT_YEAR in cat.frequency_by_code[ind.frequency].delivery_years
        for size in range(2, len(ind.breakdowns) + 1):
            for codes in itertools.combinations(ind.breakdowns, size):
                members = [cat.breakdown_by_code[code].members for code in codes]
                for combination in itertools.product(*members):
                    breakdown = {code: member.code for code, member in zip(codes, combination)}
                    start, _ = start_and_target(cat, ind, rng, 300)
                    values = [IndicatorValue(indicator=ind.code, kind="start", year=ind.start_year, value=start,
                                             breakdown=breakdown)]
                    if delivered:
                        values.append(IndicatorValue(indicator=ind.code, kind="realisation", year=REPORT_YEAR,
                                                     value=start, breakdown=breakdown))
                    yield values
