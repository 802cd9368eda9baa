"""MBO-S005: a DOCTYPE or entity declarations: refused before any XML processing."""

from __future__ import annotations

import re

from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, rule

# The prolog: optional BOM, then whitespace, the XML declaration, comments and processing instructions.
# Atomic groups: once a prolog part has matched it is never re-scanned, so a file without a DOCTYPE
# costs a few bytes of matching, not a scan of the whole file.
_DOCTYPE_IN_PROLOG = re.compile(rb"^(?:\xef\xbb\xbf)?(?>\s+|<\?.*?\?>|<!--.*?-->)*+<!DOCTYPE", re.DOTALL)


@rule(
    code="MBO-S005", name="doctype-or-entities", layer=Layer.FILE, severity=Severity.ERROR,
    message_nl="Het bestand bevat een DOCTYPE-declaratie{entities_nl}; die is niet toegestaan en het bestand "
               "is niet verder gelezen.",
    message_en="The file contains a DOCTYPE declaration{entities_en}; it is not allowed and the file was not "
               "read any further.",
    fix_nl="Verwijder de <!DOCTYPE ...>-regel en alle entiteiten uit het bestand (FR-NL-1.03).",
    fix_en="Remove the <!DOCTYPE ...> line and all entities from the file (FR-NL-1.03).",
    why_nl="XBRL-instances mogen geen DOCTYPE bevatten (FR-NL-1.03): die kan entiteiten laten verwijzen naar "
           "andere bestanden of het geheugen uitputten.",
)
def doctype(data: bytes) -> list[Finding]:
    """XBRL instances must not contain a DOCTYPE (FR-NL-1.03).

    It is also a security guard: entity declarations can expand to gigabytes (billion laughs) or
    pull in other files (external entities). The check looks at the raw bytes of the prolog,
    before an XML parser sees them.
    """
    match = _DOCTYPE_IN_PROLOG.match(data)
    if not match:
        return []
    line = data[: match.end()].count(b"\n") + 1
    return [doctype_at(line, b"<!ENTITY" in data[: 1 << 20])]


def doctype_at(line: int, entities: bool) -> Finding:
    """The finding for a DOCTYPE at `line` (found in the prolog's bytes, or by the parser's stream)."""
    return doctype.finding(line=line, entities=entities,
                           entities_nl=" met entiteitdeclaraties" if entities else "",
                           entities_en=" with entity declarations" if entities else "")
