"""MBO-S011: an unused context or unit."""

from __future__ import annotations

from mbo_xbrl.parsing.instance import RawInstance
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, rule


@rule(
    code="MBO-S011", name="unused-context-or-unit", layer=Layer.FILING_RULES, severity=Severity.WARNING,
    message_nl="{kind_nl} {id} wordt door geen enkel feit gebruikt.",
    message_en="{kind_en} {id} is not used by any fact.",
    fix_nl="Verwijder ongebruikte contexten en eenheden (FR-NL-3.03, 4.02).",
    fix_en="Remove unused contexts and units (FR-NL-3.03, 4.02).",
    why_nl="Contexten en eenheden die door geen feit worden gebruikt, zijn ruis waarin fouten verdwijnen "
           "(FR-NL-3.03, 4.02).",
)
def unused_context_or_unit(raw: RawInstance) -> list[Finding]:
    """Contexts and units that no fact uses are noise that hides mistakes (FR-NL-3.03, 4.02).

    Often they are the trace of a value that was meant to be reported and was lost on the way.
    """
    used_contexts = {f.context_ref for f in raw.facts}
    used_units = {f.unit_ref for f in raw.facts}
    findings = [unused_context_or_unit.finding(kind="context", kind_nl="Context", kind_en="Context", id=c.id,
                                               context=c.id, line=c.line)
                for c in raw.contexts.values() if c.id not in used_contexts]
    findings += [unused_context_or_unit.finding(kind="unit", kind_nl="Eenheid", kind_en="Unit", id=u.id, line=u.line)
                 for u in raw.units.values() if u.id not in used_units]
    return findings
