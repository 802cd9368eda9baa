"""MBO-S004: the filing is invalid per XBRL 2.1 or Dimensions 1.0, in the processor's own words."""

from __future__ import annotations

from mbo_xbrl.report.model import Severity
from mbo_xbrl.rules.base import Rule

INVALID_XBRL = Rule(
    code="MBO-S004",
    name="invalid-xbrl",
    severity=Severity.ERROR,
    message_nl="Ongeldig volgens XBRL 2.1 / Dimensions 1.0 ({processor_code}): {processor_message}",
    message_en="Invalid per XBRL 2.1 / Dimensions 1.0 ({processor_code}): {processor_message}",
    fix_nl="Herstel de aangewezen plek zodat het bestand voldoet aan de taxonomie; de code tussen haakjes "
           "is die van de XBRL-processor (Arelle) en staat in de XBRL-specificaties.",
    fix_en="Correct the place pointed at so that the file conforms to the taxonomy; the code in brackets is "
           "the XBRL processor's (Arelle) and is defined in the XBRL specifications.",
    rationale="A filing that is not valid XBRL cannot be read reliably by OCW or any other XBRL tool. "
              "Arelle, the processor of record, decides; its message code is kept so that the finding "
              "can be looked up in the specifications and the conformance suites.",
)
