"""MBO-S001: not well-formed XML, or not readable as UTF-8."""

from __future__ import annotations

import re

from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, rule

_DECLARED_ENCODING = re.compile(rb'^(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*["\']([A-Za-z0-9._-]+)["\']')
PROBLEMS = {
    "empty": ("het bestand is leeg", "the file is empty"),
    "binary": ("het bestand bevat binaire gegevens (NUL-tekens), geen tekst", "the file holds binary data (NUL bytes), not text"),
    "encoding": ("de XML-declaratie noemt codering {declared}, niet UTF-8", "the XML declaration names encoding {declared}, not UTF-8"),
    "utf16": ("het bestand is in UTF-16 gecodeerd, niet in UTF-8", "the file is encoded in UTF-16, not UTF-8"),
    "not_utf8": ("byte {offset} is geen geldige UTF-8", "byte {offset} is not valid UTF-8"),
    "syntax": ("de XML is niet goed gevormd: {detail}", "the XML is not well-formed: {detail}"),
    "package_broken": ("het is een zip-bestand, maar geen leesbaar rapportpakket ({detail})",
                       "it is a zip file, but no readable report package ({detail})"),
    "package_empty": ("het rapportpakket bevat geen rapport (geen .xhtml- of .html-bestand in reports/)",
                      "the report package holds no report (no .xhtml or .html file in reports/)"),
    "package_several": ("het rapportpakket bevat {count:int} rapporten ({names}); lever er één per pakket",
                        "the report package holds {count:int} reports ({names}); deliver one per package"),
    "package_too_many": ("het rapportpakket heeft {parts:int} onderdelen; de grens is {limit:int}",
                         "the report package has {parts:int} entries; the limit is {limit:int}"),
    "package_too_large": ("uitgepakt is {member} groter dan {limit:int} bytes",
                          "unpacked, {member} is larger than {limit:int} bytes"),
    "package_bomb": ("{member} pakt uit tot meer dan {ratio:int} keer zijn grootte (een zip-bom)",
                     "{member} unpacks to more than {ratio:int} times its size (a zip bomb)"),
}


@rule(
    code="MBO-S001", name="unreadable-xml", layer=Layer.FILE, severity=Severity.ERROR,
    message_nl="Het bestand is niet leesbaar als XML in UTF-8: {problem_nl}.",
    message_en="The file cannot be read as UTF-8 XML: {problem_en}.",
    fix_nl="Lever het XBRL-instance-bestand (.xbrl) zelf aan, volledig en opgeslagen als UTF-8; exporteer het "
           "opnieuw uit uw rapportagesoftware als het afgebroken of beschadigd is.",
    fix_en="Submit the XBRL instance file (.xbrl) itself, complete and saved as UTF-8; export it again from "
           "your reporting software if it was cut off or damaged.",
    why_nl="Een aanlevering moet een goed gevormd XML-document in UTF-8 zijn (FR-NL-1.01, 1.05); anders kan geen "
           "enkel programma het lezen.",
)
def unreadable_xml(data: bytes) -> list[Finding]:
    """A filing must be a well-formed XML document encoded in UTF-8 (FR-NL-1.01, 1.05).

    This is the first layer: a file that is not readable XML gets this one finding, never a
    cascade of findings about what could not be read. An Inline XBRL report package (a zip) is
    unreadable too when it is no zip, holds no report or several, or unpacks beyond the limits.
    """
    if not data.strip():
        return [problem("empty")]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return [problem("utf16")]
    if b"\x00" in data:
        return [problem("binary")]
    declared = _DECLARED_ENCODING.match(data)
    if declared and declared.group(1).decode("ascii").lower().replace("_", "-") not in ("utf-8", "utf8"):
        return [problem("encoding", declared=declared.group(1).decode("ascii"))]
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        return [problem("not_utf8", offset=err.start)]
    return []


def problem(kind: str, line: int | None = None, **values: object) -> Finding:
    """A finding for one kind of unreadability."""
    return unreadable_xml.problem(PROBLEMS, kind, line=line, **values)
