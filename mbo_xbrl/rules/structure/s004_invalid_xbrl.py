"""MBO-S004: invalid per XBRL 2.1 or Dimensions 1.0, in the processor's own words."""

from __future__ import annotations

from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, rule
from mbo_xbrl.taxonomy.processor import ProcessorMessage


@rule(
    code="MBO-S004", name="invalid-xbrl", layer=Layer.XBRL, severity=Severity.ERROR,
    message_nl="Ongeldig volgens XBRL 2.1 / Dimensions 1.0 ({processor_code}): {processor_message}",
    message_en="Invalid per XBRL 2.1 / Dimensions 1.0 ({processor_code}): {processor_message}",
    fix_nl="Herstel de aangewezen plek zodat het bestand voldoet aan de taxonomie; de code tussen haakjes "
           "is die van de XBRL-processor (Arelle) en staat in de XBRL-specificaties.",
    fix_en="Correct the place pointed at so that the file conforms to the taxonomy; the code in brackets is "
           "the XBRL processor's (Arelle) and is defined in the XBRL specifications.",
)
def invalid_xbrl(messages: list[ProcessorMessage]) -> list[Finding]:
    """A filing that is not valid XBRL cannot be read reliably by OCW or any other XBRL tool.

    Arelle, the processor of record, decides; its message code is kept so that the finding can be
    looked up in the specifications and the conformance suites. Arelle's warnings are kept as
    warnings of this rule.
    """
    findings = []
    for m in messages:
        if m.level == "info":
            continue
        severity = Severity.ERROR if m.level == "error" else Severity.WARNING
        findings.append(invalid_xbrl.finding(severity, processor_code=m.code, processor_message=m.text,
                                             line=m.line))
    return findings
