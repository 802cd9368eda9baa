"""An Inline XBRL document in: recognised, unpacked from a report package, vetted before Arelle, and its facts
written out as the plain XBRL instance they stand for (the "target document" of Inline XBRL 1.1).

The engine checks an Inline XBRL filing in the order it checks an instance (docs/inline.md):

1. the bytes: size (S006), a report package unpacked within limits (S001), DOCTYPE (S005), UTF-8 XML (S001);
2. the form, with lxml before Arelle sees anything: an XHTML document with Inline XBRL (S002), within the
   structural limits (S008), referring to nothing but our entry point (S003: `ix:references`, any XBRL
   link, `xsi:schemaLocation`, `xml:base`). An HTML page's own references (images, style sheets, scripts)
   are never followed nor run: no part of this tool renders or fetches them;
3. Arelle loads and validates the document (Inline XBRL 1.1, XBRL 2.1, Dimensions: S004, located at the
   tagged element's line), and its transformed facts become a plain instance;
4. that instance is checked by every later layer as any filing is, and each finding is pointed back at
   the tagged element it is about (its line in the document, and its id).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import PurePosixPath

from lxml import etree

from mbo_xbrl.limits import Limits
from mbo_xbrl.parsing.instance import RawInstance, Reference
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer

XHTML = "http://www.w3.org/1999/xhtml"
IX_NAMESPACES = ("http://www.xbrl.org/2013/inlineXBRL", "http://www.xbrl.org/2008/inlineXBRL")
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
XSI_SCHEMA_LOCATION = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
INLINE_SUFFIXES = (".xhtml", ".html", ".htm")
PACKAGE_SUFFIXES = (".zip", ".xbri")
MAX_PARTS = 10_000  # entries of a report package (a package of the progress section has a handful)
MAX_RATIO = 200  # unpacked / packed size of a report over 1 MB: beyond it, a zip bomb
# the first element's name, after the XML declaration, comments and processing instructions
_FIRST_ELEMENT = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:(?:<\?.*?\?>|<!--.*?-->)\s*)*<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]",
                            re.S)


def is_inline(data: bytes, name: str) -> bool:
    """An Inline XBRL document or report package: a document by its first element (an `html` root, with or without
    a prefix), or by its name when it has none that can be read; a report package by its name (another zip stays
    what it was: an unreadable filing, MBO-S001)."""
    lower = name.lower()
    if data[:4] == b"PK\x03\x04":
        return lower.endswith(PACKAGE_SUFFIXES)
    first = _FIRST_ELEMENT.match(data[:65536])
    if first is not None:  # the document says what it is, whatever its name
        return first.group(2) == b"html"
    return lower.endswith(INLINE_SUFFIXES)


@dataclass
class Unpacked:
    """The report document of a package (or the file itself), or why there is none."""

    data: bytes | None
    findings: list[Finding] = field(default_factory=list)


def unpack(data: bytes, limits: Limits) -> Unpacked:
    """The one Inline XBRL report of a report package (Report Package 1.0: `<top>/reports/<doc>` or
    `<top>/reports/<folder>/<doc>`; an older package with `reports/` alone reads the same). Nothing in the
    package is unpacked but that report, and only within the size limit."""
    from mbo_xbrl.rules.structure.s001_not_wellformed import problem

    if data[:4] != b"PK\x03\x04":
        return Unpacked(data)
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        entries = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as err:
        return Unpacked(None, findings=[problem("package_broken", detail=str(err)[:200])])
    if len(entries) > MAX_PARTS:
        return Unpacked(None, findings=[problem("package_too_many", parts=len(entries), limit=MAX_PARTS)])
    reports = [e for e in entries if not e.is_dir() and _is_report(e.filename)]
    if not reports:
        return Unpacked(None, findings=[problem("package_empty")])
    if len(reports) > 1:
        return Unpacked(None, findings=[problem("package_several", count=len(reports),
                                                names=", ".join(e.filename for e in reports[:3]))])
    entry = reports[0]
    if entry.flag_bits & 0x1:
        return Unpacked(None, findings=[problem("package_broken", detail=f"{entry.filename} is encrypted")])
    if entry.file_size > limits.max_bytes:
        return Unpacked(None, findings=[problem("package_too_large", member=entry.filename, limit=limits.max_bytes)])
    if entry.compress_size and entry.file_size > MAX_RATIO * entry.compress_size and entry.file_size > 1_000_000:
        return Unpacked(None, findings=[problem("package_bomb", member=entry.filename, ratio=MAX_RATIO)])
    try:
        with package.open(entry) as handle:
            report = handle.read(limits.max_bytes + 1)  # the declared size may lie: never read past the limit
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as err:
        return Unpacked(None, findings=[problem("package_broken", detail=str(err)[:200])])
    if len(report) > limits.max_bytes:
        return Unpacked(None, findings=[problem("package_too_large", member=entry.filename, limit=limits.max_bytes)])
    return Unpacked(report)


def _is_report(path: str) -> bool:
    parts = PurePosixPath(path).parts
    if not path.lower().endswith(INLINE_SUFFIXES) or "reports" not in parts:
        return False
    depth = len(parts) - parts.index("reports") - 1  # the document itself, or one folder down
    return depth in (1, 2) and parts.index("reports") <= 1


@dataclass
class Vetted:
    """What lxml saw of an Inline XBRL document before Arelle: its references, and why it stops, if it does."""

    findings: list[Finding] = field(default_factory=list)
    references: RawInstance | None = None  # its references, and the facts marked nil (for S003 and S010)
    inline: bool = False
    ids: dict[int, str] = field(default_factory=dict)  # line -> the id of the tagged fact there


def vet(data: bytes, limits: Limits) -> Vetted:
    """The checks before Arelle: an XHTML document with Inline XBRL in it, within the structural limits, and
    every reference it makes (S003 decides which are allowed). `data` is well-formed UTF-8 XML without
    DOCTYPE (the file layer has seen to that)."""
    from mbo_xbrl.rules.structure.s002_not_an_instance import not_an_instance
    from mbo_xbrl.rules.structure.s008_structure_beyond_limits import structure_beyond_limits

    out = Vetted()
    raw = RawInstance()
    counts = {"elements": 0, "facts": 0, "contexts": 0, "units": 0}
    ceilings = {"elements": limits.max_elements, "facts": limits.max_facts, "contexts": limits.max_contexts,
                "units": limits.max_units}
    depth = 0
    root_tag, root_line = None, None
    parser = etree.iterparse(io.BytesIO(data), events=("start", "end"), resolve_entities=False, no_network=True,
                             load_dtd=False, huge_tree=False, remove_comments=True)
    for event, element in parser:
        if event == "end":
            depth -= 1
            if depth > 1:
                element.clear(keep_tail=False)  # keep only the root and its children: memory stays flat
            continue
        depth += 1
        if root_tag is None:
            root_tag, root_line = element.tag, element.sourceline
            if root_tag != f"{{{XHTML}}}html":
                out.findings += not_an_instance.check(root_tag, element.sourceline)
                return out
        if depth > limits.max_depth:
            out.findings += structure_beyond_limits.check("depth", depth, limits.max_depth, element.sourceline)
            return out
        if len(element.attrib) + len(element.nsmap) > limits.max_attributes:
            out.findings += structure_beyond_limits.check("attributes", len(element.attrib) + len(element.nsmap),
                                                          limits.max_attributes, element.sourceline)
            return out
        tag = element.tag if isinstance(element.tag, str) else ""
        namespace, _, local = tag[1:].partition("}")
        counts["elements"] += 1
        if namespace in IX_NAMESPACES:
            out.inline = True
            if local in ("nonFraction", "nonNumeric", "fraction", "tuple"):
                counts["facts"] += 1
                if element.get("id"):
                    out.ids.setdefault(element.sourceline, element.get("id"))
                if (element.get(XSI_NIL) or "").strip() in ("true", "1"):
                    raw.nil_attributes.append((element.get("name") or local, element.sourceline))
        elif namespace == "http://www.xbrl.org/2003/instance" and local in ("context", "unit"):
            counts[local + "s"] += 1
        for what, counted in counts.items():
            if counted > ceilings[what]:
                out.findings += structure_beyond_limits.check(what, counted, ceilings[what], element.sourceline)
                return out
        if namespace == LINK and element.get(XLINK_HREF) is not None:
            raw.references.append(Reference(local, element.get(XLINK_HREF).strip(), element.sourceline))
        if element.get(XSI_SCHEMA_LOCATION) is not None:
            hints = element.get(XSI_SCHEMA_LOCATION).split()
            raw.references += [Reference("schemaLocation", href, element.sourceline) for href in hints[1::2]]
        if element.get(XML_BASE) is not None:
            raw.xml_base.append(element.sourceline)
    if not out.inline:
        out.findings += not_an_instance.check(f"{{{XHTML}}}html", root_line)
        return out
    out.references = raw
    return out


XBRLI = "http://www.xbrl.org/2003/instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class Target:
    """The plain instance an Inline XBRL document stands for, and where each of its elements was tagged."""

    data: bytes
    places: dict[str, tuple[int | None, str | None]]  # id in the instance -> (line in the document, id there)
    _by_line: dict[int, str] | None = None

    def place(self, line: int | None) -> tuple[int | None, str | None] | None:
        """Where the element on this line of the instance was tagged: (line in the document, id there)."""
        if self._by_line is None:
            self._by_line = {}
            for element in etree.fromstring(self.data).iter():
                if isinstance(element.tag, str) and element.get("id") and element.sourceline:
                    self._by_line.setdefault(element.sourceline, element.get("id"))
        return self.places.get(self._by_line.get(line or 0, ""))


def target_instance(model) -> Target:
    """The instance of an Inline XBRL document Arelle loaded (and found valid): its schemaRef, contexts and
    units as tagged, and every fact with its transformed value. Each element of the instance has an id, so a
    finding about it can be traced to the tagged element."""
    document = model.modelDocument
    namespaces = {prefix: ns for prefix, ns in document.xmlRootElement.nsmap.items()
                  if prefix and ns not in (XHTML, *IX_NAMESPACES)}
    root = etree.Element(f"{{{XBRLI}}}xbrl", nsmap={"xbrli": XBRLI, "link": LINK,
                                                      "xlink": "http://www.w3.org/1999/xlink"} | namespaces)
    places: dict[str, tuple[int | None, str | None]] = {}
    for element in document.xmlRootElement.iter(f"{{{LINK}}}schemaRef"):
        ref = etree.SubElement(root, f"{{{LINK}}}schemaRef")
        ref.set("{http://www.w3.org/1999/xlink}type", "simple")
        ref.set(XLINK_HREF, element.get(XLINK_HREF).strip())
    resources = [e for ns in IX_NAMESPACES for e in document.xmlRootElement.iter(f"{{{ns}}}resources")]
    for item in (e for r in resources for e in r if e.tag in (f"{{{XBRLI}}}context", f"{{{XBRLI}}}unit")):
        copied = etree.fromstring(etree.tostring(item))  # a plain lxml copy, its namespaces with it (every one, as
        root.append(copied)  # written: an unused context is the filing's, and MBO-S011 says so)
        places[item.get("id")] = (item.sourceline, item.get("id"))
    used = {i for i in places}
    for n, fact in enumerate(model.facts, start=1):
        if fact.isTuple or fact.isFraction:
            raise ValueError("a tuple or fraction: the mbo taxonomy has none")  # Arelle has said so already
        own = fact.id or f"ixf{n}"
        while own in used:
            own += "x"
        used.add(own)
        element = etree.SubElement(root, fact.qname.clarkNotation, id=own, contextRef=fact.contextID)
        if fact.unitID:
            element.set("unitRef", fact.unitID)
            for accuracy in ("decimals", "precision"):
                if fact.get(accuracy) is not None:
                    element.set(accuracy, fact.get(accuracy))
        if fact.isNil:
            element.set(XSI_NIL, "true")
        else:
            value = fact.xValue
            element.text = ("true" if value else "false") if isinstance(value, bool) else _as_shown(fact)
            if not fact.unitID and fact.xmlLang:
                element.set(XML_LANG, fact.xmlLang)
        places[own] = (fact.sourceline, fact.id)
    return Target(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True), places)


def with_elements(findings: list[Finding], filing, target: Target) -> list[Finding]:
    """The findings of the instance, each pointed at the tagged element it is about: its line in the Inline XBRL
    document and its id there (a finding on a missing fact keeps no line: there is no element to point at)."""
    if not findings:
        return findings
    fact_line = {(f.concept, f.context): f.line for f in (filing.facts if filing is not None else [])}
    out = []
    for finding in findings:
        line = finding.line or fact_line.get((finding.concept, finding.context))
        place = target.place(line)
        if place is None:
            out.append(finding.model_copy(update={"line": None}) if finding.line else finding)
            continue
        out.append(finding.model_copy(update={"line": place[0], "element": place[1]}))
    return out


@dataclass
class Opened:
    """An Inline XBRL filing opened: the instance it stands for, or the findings that stop it and where."""

    findings: list[Finding] = field(default_factory=list)
    stopped_at: Layer | None = None
    target: Target | None = None


def open_inline(held: list[bytes], limits: Limits, processor) -> Opened:
    """The layers of an Inline XBRL filing up to its instance (the module docstring, steps 1-3; and, as for an
    instance, the filing rule that stops before Arelle: no xsi:nil, MBO-S010). `held` is a
    one-element list the function empties once Arelle has the document: the caller keeps no copy."""
    from mbo_xbrl.rules.structure.s001_not_wellformed import problem, unreadable_xml
    from mbo_xbrl.rules.structure.s003_unknown_entry_point import unknown_entry_point
    from mbo_xbrl.rules.structure.s004_invalid_xbrl import invalid_xbrl
    from mbo_xbrl.rules.structure.s005_doctype import doctype
    from mbo_xbrl.rules.structure.s006_file_too_large import file_too_large
    from mbo_xbrl.rules.structure.s010_nil import nil_fact
    from mbo_xbrl.taxonomy.processor import ProcessorMessage, memory_file

    unpacked = unpack(held[0], limits)
    if unpacked.data is None:
        return Opened(unpacked.findings, Layer.FILE)
    document, unpacked.data = unpacked.data, None
    found = file_too_large.check(len(document), limits.max_bytes) or doctype.check(document) or \
        unreadable_xml.check(document)
    if found:
        return Opened(found, Layer.FILE)
    try:
        vetted = vet(document, limits)
    except etree.XMLSyntaxError as err:
        return Opened([problem("syntax", line=err.lineno, detail=str(err.msg or err))], Layer.FILE)
    found = vetted.findings or unknown_entry_point.check(vetted.references)
    if found:
        return Opened(found, Layer.FORM)
    found = [f.model_copy(update={"element": vetted.ids.get(f.line)}) for f in nil_fact.check(vetted.references)]
    if found:  # the filing rule an instance meets before Arelle too: its root cause, said first
        return Opened(found, Layer.FILING_RULES)
    held.clear()
    with memory_file([document]) as path, processor.validated(path) as (model, messages):
        del document
        found = invalid_xbrl.check(messages)
        if found and model is not None:  # Arelle's messages name the line: the tagged element there, by its id
            ids = {e.sourceline: e.id for e in [*model.facts, *model.contexts.values(), *model.units.values()] if e.id}
            found = [f.model_copy(update={"element": ids.get(f.line)}) if f.line in ids else f for f in found]
        if model is None or model.modelDocument is None:
            return Opened(found or invalid_xbrl.check([ProcessorMessage("arelle", "error", "not loaded")]), Layer.XBRL)
        if any(f.severity is Severity.ERROR for f in found):
            return Opened(found, Layer.XBRL)
        return Opened(found, None, target_instance(model))


_SEPARATOR = {"comma": ",", "dot": "."}  # the decimal separator of the num-comma-decimal / num-dot-decimal families


def _as_shown(fact) -> str:
    """A fact's value; a number with the decimals it is shown with. Arelle's transformations drop trailing zeros
    ("71,0" reads 71), but the number shown has them, and so had the filing it was rendered from (71.0)."""
    value = fact.value
    format_ = fact.format
    if fact.localName != "nonFraction" or format_ is None or (fact.get("scale") or "0").strip() != "0":
        return value
    family = next((w for w in _SEPARATOR if f"{w}decimal" in format_.localName.replace("-", "")), None)
    shown = (fact.rawValue or "").strip()
    if family is None or _SEPARATOR[family] not in shown:
        return value
    places = len(shown.rsplit(_SEPARATOR[family], 1)[1].strip())
    try:
        number = Decimal(value)
        return f"{number.quantize(Decimal(1).scaleb(-places)):f}" if places and number.as_tuple().exponent > -places else value
    except (InvalidOperation, ValueError):
        return value
