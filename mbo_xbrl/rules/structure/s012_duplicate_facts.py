"""MBO-S012: duplicate facts: an error when their values differ, a warning when equal."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal, InvalidOperation

from mbo_xbrl.parsing.instance import Fact, RawInstance
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, rule


@rule(
    code="MBO-S012", name="duplicate-facts", layer=Layer.FILING_RULES, severity=Severity.ERROR,
    message_nl="Dezelfde waarde is {count} keer ingevuld (voor hetzelfde jaar en onderdeel{unit_nl}), met {values_nl}: {values}.",
    message_en="The same value is filled in {count} times (for the same year and part{unit_en}), with {values_en}: {values}.",
    fix_nl="Rapporteer elk feit één keer; kies bij verschillende waarden de juiste (FR-NL-5.01).",
    fix_en="Report each fact once; where the values differ, keep the right one (FR-NL-5.01).",
    why_nl="Een waarde die twee keer is ingevuld, is dubbelzinnig als de waarden verschillen en overbodig als ze "
           "gelijk zijn (FR-NL-5.01).",
)
def duplicate_facts(raw: RawInstance) -> list[Finding]:
    """A fact reported twice is ambiguous when the values differ and redundant when they are equal (FR-NL-5.01).

    Facts are duplicates when concept, context (compared by content, not id), unit and, for
    text, language are the same.
    """
    contexts = {ref: context.key for ref, context in raw.contexts.items()}  # each compared by content once
    units = {ref: unit.key for ref, unit in raw.units.items()}
    groups: dict[tuple, list[Fact]] = defaultdict(list)
    for fact in raw.facts:
        context_ref, unit_ref = fact.context_ref, fact.unit_ref
        key = (fact.concept, contexts.get(context_ref or "", context_ref), units.get(unit_ref or "", unit_ref),
               None if unit_ref else fact.lang)
        groups[key].append(fact)
    findings = []
    for facts in groups.values():
        if len(facts) < 2:
            continue
        distinct = {_normalised(f) for f in facts}
        equal = len(distinct) == 1
        first, second = facts[0], facts[1]
        findings.append(duplicate_facts.finding(
            Severity.WARNING if equal else Severity.ERROR, count=len(facts),
            values=", ".join(repr(f.value.strip()) for f in facts),
            values_nl="gelijke waarden" if equal else "verschillende waarden",
            values_en="equal values" if equal else "different values",
            unit_nl=f" en eenheid {first.unit_ref}" if first.unit_ref else "",
            unit_en=f" and unit {first.unit_ref}" if first.unit_ref else "",
            concept=first.prefixed, context=first.context_ref, line=second.line))
    return findings


def _normalised(fact: Fact) -> object:
    if fact.unit_ref is not None:
        try:
            return Decimal(fact.value.strip())
        except InvalidOperation:
            pass
    return " ".join(fact.value.split())
