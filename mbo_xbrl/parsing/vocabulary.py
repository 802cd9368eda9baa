"""Our taxonomy's names mapped back to catalogue codes: concept -> indicator, member -> objective, ...

Built once per catalogue and release from the same naming functions the generator uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from mbo_xbrl.catalogue import Catalogue, Indicator
from mbo_xbrl.taxonomy import names
from mbo_xbrl.taxonomy.concepts import qname
from mbo_xbrl.taxonomy.releases import CURRENT, Release


@dataclass
class Vocabulary:
    release: Release
    indicators: dict[str, Indicator] = field(default_factory=dict)  # concept Clark -> indicator
    items: dict[str, str] = field(default_factory=dict)  # concept Clark -> local name (non-indicator items)
    axes: dict[str, str] = field(default_factory=dict)  # axis Clark -> "objective", "measure", ..., breakdown code
    members: dict[str, dict[str, str]] = field(default_factory=dict)  # axis kind -> member Clark -> code


@lru_cache(maxsize=4)
def vocabulary(release: Release = CURRENT, catalogue: Catalogue | None = None) -> Vocabulary:
    cat = catalogue or release.catalogue
    v = Vocabulary(release)
    for indicator in cat.indicators:
        v.indicators[qname("data", indicator.name, release).clark] = indicator
    for local in (names.INSTITUTION_NAME, names.REPORTING_YEAR, names.PROGRESS_NARRATIVE, names.WORKS_ON_OBJECTIVE,
                  names.OBJECTIVE_NARRATIVE, names.MEASURE_APPLIED, names.MEASURE_EXPLANATION, names.BUDGET_AMOUNT,
                  names.EARMARKED_AMOUNT, names.OWN_INDICATOR_NAME, names.OWN_INDICATOR_DEFINITION,
                  names.OWN_INDICATOR_UNIT, names.OWN_INDICATOR_DIRECTION, names.OWN_INDICATOR_SOURCE,
                  names.OWN_INDICATOR_VALUE, names.ALTERNATIVE_SOURCE_USED, names.ALTERNATIVE_SOURCE_DESCRIPTION):
        v.items[qname("data", local, release).clark] = local

    def axis(kind: str, local: str, members: dict[str, str]) -> None:
        v.axes[qname("axes", local, release).clark] = kind
        v.members[kind] = {qname("domains", m, release).clark: code for m, code in members.items()}

    axis("objective", names.OBJECTIVE_AXIS, {names.objective_member(o): o.code for o in cat.objectives})
    measure_members = {names.measure_member(m): m.code for m in cat.measures}
    measure_members |= {names.own_measures_member(o): f"own:{o.code}" for o in cat.objectives}
    axis("measure", names.MEASURE_AXIS, measure_members)
    axis("value_kind", names.VALUE_KIND_AXIS, {names.value_kind_member(k): k.code for k in cat.value_kinds})
    axis("indicator", names.INDICATOR_AXIS, {names.indicator_member(i): i.code for i in cat.indicators})
    for b in cat.breakdowns:
        axis(b.code, names.breakdown_axis(b), {names.breakdown_member(b, m): m.code for m in b.members})
    v.axes[qname("axes", names.OWN_INDICATOR_AXIS, release).clark] = "own_indicator"
    return v
