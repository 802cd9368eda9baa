"""MBO-S011: an unused context or unit."""

from __future__ import annotations

from mbo_xbrl.parsing.instance import RawInstance
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, rule


@rule(
    code="MBO-S011", name="unused-context-or-unit", layer=Layer.FILING_RULES, severity=Severity.WARNING,
    message_nl="{kind_nl} '{id}' staat in het bestand, maar geen enkele waarde gebruikt hem.",
    message_en="{kind_en} '{id}' is in the file, but no value uses it.",
    fix_nl="Controleer of er geen waarde ontbreekt die hier had moeten staan; laat anders ongebruikte contexten "
           "en eenheden weg (FR-NL-3.03, 4.02).",
    fix_en="Check that no value is missing that belongs here; otherwise leave out unused contexts and units "
           "(FR-NL-3.03, 4.02).",
    why_nl="Contexten en eenheden die door geen feit worden gebruikt, zijn ruis waarin fouten verdwijnen "
           "(FR-NL-3.03, 4.02).",
)
def unused_context_or_unit(raw: RawInstance) -> list[Finding]:
    """Contexts and units that no fact uses are noise that hides mistakes (FR-NL-3.03, 4.02).

    Often they are the trace of a value that was meant to be reported and was lost on the way.
    """
    used_contexts = {f.context_ref for f in raw.facts}
    used_units = {f.unit_ref for f in raw.facts}
    findings = [unused_context_or_unit.finding(
        kind="context", kind_nl="Een context (de combinatie van instelling, periode en onderdeel)",
        kind_en="A context (the combination of institution, period and part)", id=c.id, context=c.id, line=c.line)
                for c in raw.contexts.values() if c.id not in used_contexts]
    findings += [unused_context_or_unit.finding(kind="unit", kind_nl="Een eenheid", kind_en="A unit", id=u.id, line=u.line)
                 for u in raw.units.values() if u.id not in used_units]
    return findings
