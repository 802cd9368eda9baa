"""MBO-S010: xsi:nil is used."""

from __future__ import annotations

from mbo_xbrl.parsing.instance import RawInstance
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, rule


@rule(
    code="MBO-S010", name="nil-fact", layer=Layer.FILING_RULES, severity=Severity.ERROR,
    message_nl="Een waarde is als leeg gemarkeerd (xsi:nil); lege waarden zijn niet toegestaan.",
    message_en="A value is marked as empty (xsi:nil); empty values are not allowed.",
    fix_nl="Laat een feit zonder waarde helemaal weg in plaats van het met xsi:nil te markeren (FR-NL-2.07).",
    fix_en="Leave out a fact that has no value instead of marking it with xsi:nil (FR-NL-2.07).",
    why_nl="De Nederlandse filingregels verbieden xsi:nil (FR-NL-2.07): een ontbrekende waarde is een ontbrekend "
           "feit, zodat de volledigheidsregels precies zeggen wat er mist.",
)
def nil_fact(raw: RawInstance) -> list[Finding]:
    """The Dutch filing rules forbid xsi:nil (FR-NL-2.07): a missing value is a missing fact.

    A nil fact looks reported but says nothing; leaving it out lets the completeness rules say
    precisely what is missing.
    """
    return [nil_fact.finding(element=element, concept=element, line=line) for element, line in raw.nil_attributes]
