"""MBO-S008: the document has more elements, facts, contexts, units, attributes or depth than the limits allow."""

from __future__ import annotations

from mbo_xbrl import formats
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, rule

WHAT = {
    "elements": ("elementen", "elements"),
    "facts": ("feiten", "facts"),
    "contexts": ("contexten", "contexts"),
    "units": ("eenheden", "units"),
    "attributes": ("attributen of naamruimtedeclaraties op één element", "attributes or namespace declarations on one element"),
    "depth": ("niveaus van nesting", "levels of nesting"),
}


@rule(
    code="MBO-S008", name="structure-beyond-limits", layer=Layer.FORM, severity=Severity.ERROR,
    message_nl="Het bestand heeft {counted_nl} {what_nl}; de grens is {limit:int}. Het is niet verder gecontroleerd.",
    message_en="The file has {counted_en} {what_en}; the limit is {limit:int}. It was not checked further.",
    fix_nl="Een voortgangsrapportage van één instelling heeft enkele duizenden feiten en een handvol attributen per "
           "element. Controleer of dit het juiste bestand is en exporteer het opnieuw uit uw rapportagesoftware.",
    fix_en="One institution's progress filing has a few thousand facts and a handful of attributes per element. "
           "Check that this is the right file and export it again from your reporting software.",
    why_nl="Grenzen aan de opbouw van het bestand beschermen de controle tegen bestanden die gemaakt zijn om "
           "haar uit te putten.",
)
def structure_beyond_limits(what: str, counted: int, limit: int, line: int | None = None) -> list[Finding]:
    """Limits on the structure protect the checker from files built to exhaust it.

    XBRL processors spend time and memory that grow with the number of facts and contexts, and
    Arelle's grows with the square of the attributes on one element (80,000 attributes on the
    root take half a minute, 300,000 over ten minutes). These counts are taken with lxml before
    any XBRL processing, so such a file costs milliseconds. The defaults (1,000,000 elements,
    100,000 facts and contexts, 1,000 units, 500 attributes per element, depth 100) are far
    beyond any real filing; each can be set (MBO_XBRL_MAX_FACTS and the like, docs/operations.md).
    """
    nl, en = WHAT[what]
    # elements and depth are counted only up to the first one past the limit
    at_least = what in ("elements", "depth")
    return [structure_beyond_limits.finding(
        what=what, what_nl=nl, what_en=en, counted=counted, limit=limit,
        counted_nl=f"meer dan {formats.integer(limit, 'nl')}" if at_least else formats.integer(counted, "nl"),
        counted_en=f"more than {formats.integer(limit, 'en')}" if at_least else formats.integer(counted, "en"), line=line)]
