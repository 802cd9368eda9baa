"""Filings that break the semantic rules in many ways, and valid edge cases: for proving the rules that
travel with the taxonomy (the formula linkbase) agree with the engine.

Each variant is one of the two valid samples with one to three changes drawn at random (seeded) from
`CHANGES`: per rule several ways to break it, and edge cases that must stay valid (a percentage of
exactly 100, an earmark equal to the budget, an objective declared out of scope with nothing reported
for it). The changes work on the filing's content, so every variant is valid XBRL written by our writer.

    variants(count=300, seed=0)   # [(name, bytes)]
"""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal

from mbo_xbrl.catalogue import Catalogue, load_catalogue
from mbo_xbrl.filing.model import AlternativeSource, BudgetLine, Earmark, FilingContent
from mbo_xbrl.filing.writer import write_instance
from mbo_xbrl.synthetic.samples import delta, veen

Change = Callable[[FilingContent, Catalogue, random.Random], str | None]  # a description, or None: not applicable


def _totals(c: FilingContent, kind: str) -> list:
    return [v for v in c.indicator_values if v.kind == kind and not v.breakdown]


def _pick(rng: random.Random, items: list):
    return rng.choice(items) if items else None


def _drop_total(kind: str) -> Change:
    def change(c: FilingContent, cat: Catalogue, rng: random.Random) -> str | None:
        value = _pick(rng, _totals(c, kind))
        if value is None:
            return None
        c.indicator_values.remove(value)
        return f"no {kind} for {value.indicator}"
    return change


def _blank_own_part(c: FilingContent, cat: Catalogue, rng: random.Random) -> str | None:
    own = _pick(rng, c.own_indicators)
    if own is None:
        return None
    part = rng.choice(["name", "definition", "unit", "direction", "source"])
    setattr(own, part, None)
    return f"own indicator {own.code} without {part}"


def _undescribed_source(c: FilingContent, cat: Catalogue, rng: random.Random) -> str | None:
    indicator = rng.choice(cat.indicators).code
    c.alternative_sources = [a for a in c.alternative_sources if a.indicator != indicator]
    c.alternative_sources.append(AlternativeSource(indicator=indicator, used=True,
                                                   description=rng.choice([None, "  "])))
    return f"alternative source for {indicator} without a description"


def _drop_declaration(c: FilingContent, cat: Catalogue, rng: random.Random) -> str | None:
    choice = _pick(rng, c.objectives)
    if choice is None:
        return None
    c.objectives.remove(choice)
    return f"no WorksOnObjective for {choice.objective}"


def _drop_objective_budget(c: FilingContent, cat: Catalogue, rng: random.Random) -> str | None:
    line = _pick(rng, [b for b in c.budgets if b.objective and not b.measure])
    if line is None:
        return None
    c.budgets.remove(line)
    return f"no budget for {line.objective} in {line.year}"


def _earmark_and_its_budget(c: FilingContent, rng: random.Random) -> tuple[Earmark, BudgetLine] | None:
    """An earmark, chosen at random, and its objective's budget of the same year (None when it has none)."""
    earmark = _pick(rng, c.earmarks)
    total = earmark and next((b for b in c.budgets if b.year == earmark.year and b.objective == earmark.objective
                              and not b.measure), None)
    return (earmark, total) if total is not None else None


def _earmark_over_budget(c: FilingContent, cat: Catalogue, rng: random.Random) -> str | None:
    chosen = _earmark_and_its_budget(c, rng)
    if chosen is None:
        return None
    earmark, total = chosen
    earmark.amount = total.amount + rng.choice([1, 1000, 250_000])
    return f"earmark of {earmark.objective} in {earmark.year} over its budget"


def _budget_on_declined(c: FilingContent, cat: Catalogue, rng: random.Random) -> str | None:
    choice = _pick(rng, [m for m in c.measures if not m.applied])
    if choice is None:
        return None
    measure = cat.measure_by_code[choice.measure]
    c.budgets.append(BudgetLine(year=rng.choice(cat.plan_years), objective=measure.objective, measure=measure.code,
                                amount=Decimal(rng.choice([1, 5000, 80_000]))))
    return f"budget for {measure.code}, which is not applied"


def _negative(c: FilingContent, cat: Catalogue, rng: random.Random) -> str | None:
    if rng.random() < 0.3 and c.earmarks:
        earmark = rng.choice(c.earmarks)
        earmark.amount = -earmark.amount
        return f"negative earmark {earmark.objective} {earmark.year}"
    line = _pick(rng, [b for b in c.budgets if b.measure])
    if line is None:
        return None
    line.amount = -abs(line.amount) - 1
    return f"negative budget {line.measure} {line.year}"


def _mandatory_declined(c: FilingContent, cat: Catalogue, rng: random.Random) -> str | None:
    mandatory = [m for m in c.measures if cat.measure_by_code[m.measure].mandatory]
    if rng.random() < 0.7 and mandatory:
        choice = rng.choice(mandatory)
        choice.applied, choice.explanation = False, "Past niet bij onze instelling."
        return f"mandatory {choice.measure} not applied"
    measure = rng.choice([m for m in cat.measures if m.mandatory])  # its objective declared out of scope
    c.measures = [m for m in c.measures if m.measure != measure.code]
    for o in c.objectives:
        if o.objective == measure.objective:
            o.works_on = False
    return f"objective {measure.objective} of mandatory {measure.code} declared out of scope"


def _unexplained(c: FilingContent, cat: Catalogue, rng: random.Random) -> str | None:
    choice = _pick(rng, c.measures)
    if choice is None:
        return None
    choice.applied, choice.explanation = False, rng.choice([None, " "])
    return f"{choice.measure} not applied, not explained"


def _drop_choice(c: FilingContent, cat: Catalogue, rng: random.Random) -> str | None:
    choice = _pick(rng, c.measures)
    if choice is None:
        return None
    c.measures.remove(choice)
    return f"no choice for {choice.measure}"


def _unfunded(c: FilingContent, cat: Catalogue, rng: random.Random) -> str | None:
    choice = _pick(rng, [m for m in c.measures if m.applied])
    if choice is None:
        return None
    for line in c.budgets:
        if line.measure == choice.measure:
            line.amount = Decimal(0)
    return f"{choice.measure} applied, budgeted nowhere"


def _out_of_range(c: FilingContent, cat: Catalogue, rng: random.Random) -> str | None:
    value = _pick(rng, [v for v in c.indicator_values
                        if cat.indicator_by_code[v.indicator].unit in ("percentage", "mark", "count")])
    if value is None:
        return None
    unit = cat.indicator_by_code[value.indicator].unit
    value.value = Decimal({"percentage": rng.choice(["100.1", "120.0", "-0.5"]), "mark": rng.choice(["0.9", "10.5"]),
                           "count": "-1"}[unit])
    return f"{value.indicator} {value.kind} out of range"


def _own_out_of_range(c: FilingContent, cat: Catalogue, rng: random.Random) -> str | None:
    own = _pick(rng, [o for o in c.own_indicators if o.unit in ("percentage", "mark") and o.values])
    if own is None:
        return None
    kind, year, _ = own.values[0]
    own.values[0] = (kind, year, Decimal("150.0" if own.unit == "percentage" else "11.0"))
    return f"own indicator {own.code} out of range"


def _against_direction(c: FilingContent, cat: Catalogue, rng: random.Random) -> str | None:
    starts = {v.indicator: v for v in _totals(c, "start")}
    pairs = [(starts[t.indicator], t) for t in _totals(c, "target") if t.indicator in starts
             and starts[t.indicator].value != t.value]
    if not pairs:
        return None
    start, target = rng.choice(pairs)
    start.value, target.value = target.value, start.value
    return f"{target.indicator} target and start swapped"


# valid edge cases: none of these may give a finding of the rules concerned
def _exact_bounds(c: FilingContent, cat: Catalogue, rng: random.Random) -> str | None:
    value = _pick(rng, [v for v in c.indicator_values if cat.indicator_by_code[v.indicator].unit in ("percentage", "mark")])
    if value is None:
        return None
    unit = cat.indicator_by_code[value.indicator].unit
    value.value = Decimal(rng.choice(["0.0", "100.0"]) if unit == "percentage" else rng.choice(["1.0", "10.0"]))
    return f"{value.indicator} at the edge of its range"


def _earmark_equals_budget(c: FilingContent, cat: Catalogue, rng: random.Random) -> str | None:
    chosen = _earmark_and_its_budget(c, rng)
    if chosen is None:
        return None
    earmark, total = chosen
    earmark.amount = total.amount
    return f"earmark of {earmark.objective} in {earmark.year} equal to its budget"


def _declare_out_of_scope(c: FilingContent, cat: Catalogue, rng: random.Random) -> str | None:
    """An objective declared out of scope, with nothing reported for it: nothing missing there."""
    objectives = [o for o in c.objectives if o.works_on and not any(
        cat.measure_by_code[m.measure].mandatory for m in c.measures
        if cat.measure_by_code[m.measure].objective == o.objective)]
    choice = _pick(rng, objectives)
    if choice is None:
        return None
    choice.works_on = False
    code = choice.objective
    c.indicator_values = [v for v in c.indicator_values if cat.indicator_by_code[v.indicator].objective != code]
    c.measures = [m for m in c.measures if cat.measure_by_code[m.measure].objective != code]
    c.budgets = [b for b in c.budgets if b.objective != code]
    c.earmarks = [e for e in c.earmarks if e.objective != code]
    return f"objective {code} declared out of scope, nothing reported for it"


def _explained_decline(c: FilingContent, cat: Catalogue, rng: random.Random) -> str | None:
    choice = _pick(rng, [m for m in c.measures if not cat.measure_by_code[m.measure].mandatory])
    if choice is None:
        return None
    choice.applied, choice.explanation = False, "Wij kiezen hier bewust voor een andere aanpak."
    c.budgets = [b for b in c.budgets if b.measure != choice.measure]
    return f"{choice.measure} not applied and explained"


CHANGES: dict[str, list[Change]] = {
    "MBO-C001": [_drop_total("target")],
    "MBO-C002": [_drop_total("start")],
    "MBO-C003": [_drop_total("realisation")],
    "MBO-C004": [_blank_own_part],
    "MBO-C005": [_undescribed_source],
    "MBO-C006": [_drop_declaration],
    "MBO-B001": [_drop_objective_budget],
    "MBO-B003": [_earmark_over_budget],
    "MBO-B004": [_budget_on_declined],
    "MBO-B005": [_negative],
    "MBO-M001": [_mandatory_declined],
    "MBO-M002": [_unexplained],
    "MBO-M003": [_drop_choice],
    "MBO-M004": [_unfunded],
    "MBO-V001": [_out_of_range, _own_out_of_range],
    "MBO-V002": [_against_direction],
    "valid": [_exact_bounds, _earmark_equals_budget, _declare_out_of_scope, _explained_decline],
}


def variants(count: int = 300, seed: int = 0, catalogue: Catalogue | None = None) -> list[tuple[str, bytes]]:
    """`count` filings: each rule broken on its own in turn, then one to three changes at random."""
    cat = catalogue or load_catalogue()
    rng = random.Random(seed)
    bases = [delta, veen]
    flat = [(key, change) for key, changes in CHANGES.items() for change in changes]
    out: list[tuple[str, bytes]] = []
    n = 0
    while len(out) < count:
        content = bases[n % 2](cat)
        picked = [flat[n % len(flat)]] if n < 2 * len(flat) else rng.sample(flat, rng.randint(1, 3))
        done = [what for _, change in picked if (what := change(content, cat, rng))]
        n += 1
        if done:
            out.append((f"variant-{len(out):03d}: " + "; ".join(done), write_instance(content, cat)))
    return out
