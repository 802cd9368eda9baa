"""MBO-S004: invalid per XBRL 2.1 or Dimensions 1.0, in the processor's own words."""

from __future__ import annotations

import re

from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, rule
from mbo_xbrl.taxonomy.processor import ProcessorMessage


@rule(
    code="MBO-S004", name="invalid-xbrl", layer=Layer.XBRL, severity=Severity.ERROR,
    message_nl="Ongeldig volgens XBRL 2.1 / Dimensions 1.0 ({processor_code}): {plain_nl}",
    message_en="Invalid per XBRL 2.1 / Dimensions 1.0 ({processor_code}): {plain_en}",
    fix_nl="Herstel de aangewezen plek zodat het bestand voldoet aan de taxonomie; de code tussen haakjes "
           "is die van de XBRL-processor (Arelle) en staat in de XBRL-specificaties.",
    fix_en="Correct the place pointed at so that the file conforms to the taxonomy; the code in brackets is "
           "the XBRL processor's (Arelle) and is defined in the XBRL specifications.",
    why_nl="Een aanlevering die geen geldige XBRL is, kan OCW of een ander XBRL-programma niet betrouwbaar "
           "lezen.",
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
        plain_nl, plain_en = plain_words(m.code, m.text)
        findings.append(invalid_xbrl.finding(severity, processor_code=m.code, processor_message=m.text,
                                             plain_nl=plain_nl, plain_en=plain_en, line=m.line))
    return findings


_VALUE_ERROR = re.compile(r"type (\w+) value error: (.*)$", re.S)
TYPE_WORDS = {
    "boolean": ("ja/nee-waarde (true of false)", "a yes/no value (true or false)"),
    "decimal": ("getal (met een punt als decimaalteken)", "a number (with a point as decimal mark)"),
    "integer": ("geheel getal", "a whole number"),
    "QName": ("naam uit de taxonomie (prefix:naam)", "a name from the taxonomy (prefix:name)"),
    "date": ("datum (JJJJ-MM-DD)", "a date (YYYY-MM-DD)"),
    "gYear": ("jaartal (JJJJ)", "a year (YYYY)"),
    "monetaryItemType": ("bedrag (een getal met een punt als decimaalteken)",
                         "an amount (a number with a point as decimal mark)"),
}


_NOT_IN_FORM = re.compile(r"^Fact (\S+) context (\S+) dimensionally not valid")


def plain_words(code: str, text: str) -> tuple[str, str]:
    """Arelle's message in words a controller reads, where its kind is known (a value of the wrong type, a fact
    that fits no table of the form); otherwise Arelle's own text. The processor's text stays in the finding's
    `processor_message`."""
    placed = _NOT_IN_FORM.match(text) if code == "xbrldie:PrimaryItemDimensionallyInvalidError" else None
    if placed is not None:
        concept, context = placed.groups()
        return (f"het gegeven {concept} in context {context} past in geen tabel van het formulier: een uitsplitsing "
                "(dimensie) ontbreekt of is te veel, of het formulier vraagt dit gegeven niet (een niet-bekostigde "
                "instelling rapporteert geen begroting, maatregelen of indicatoren van docenten en practoraten).",
                f"the item {concept} in context {context} fits no table of the form: a breakdown (dimension) is "
                "missing or one too many, or the form does not ask this item (a non-funded institution reports no "
                "budget, measures or indicators of teachers and practorates).")
    match = _VALUE_ERROR.search(text) if code == "xmlSchema:valueError" else None
    if match is None:
        return text, text
    kind = match.group(1)
    kind = next((k for k in TYPE_WORDS if kind.lower().endswith(k.lower())), kind)
    nl, en = TYPE_WORDS.get(kind, (kind, kind))
    value = match.group(2).rpartition(", ")[0].strip() if ", " in match.group(2) else match.group(2).strip()
    return f"de waarde '{value}' is geen {nl}.", f"the value '{value}' is not {en}."
