"""The raw XBRL instance as lxml reads it: contexts, units, facts, references, with source lines.

Taxonomy-independent on purpose: the FR-NL filing rules (nil, unused contexts and units,
duplicates, entity) run on this view before any schema is read, so they give our codes on any
instance, ours or not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lxml import etree

XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XBRLDI = "http://xbrl.org/2006/xbrldi"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NON_FACT_NAMESPACES = {XBRLI, LINK}
_NON_FACT_TAG_PREFIXES = tuple(f"{{{namespace}}}" for namespace in NON_FACT_NAMESPACES)


@dataclass(frozen=True)
class Period:
    kind: str  # "duration", "instant" or "forever"
    start: str | None = None  # lexical value as written
    end: str | None = None
    instant: str | None = None

    def dates(self) -> tuple[date | None, date | None]:
        """(start, end) as dates when both are plain dates (no time part), else (None, None)."""
        try:
            if self.kind == "duration" and self.start and self.end:
                return date.fromisoformat(self.start), date.fromisoformat(self.end)
            if self.kind == "instant" and self.instant:
                day = date.fromisoformat(self.instant)
                return day, day
        except ValueError:
            pass
        return None, None

    @property
    def key(self) -> tuple[str, str | None, str | None, str | None]:
        return (self.kind, self.start, self.end, self.instant)


@dataclass(frozen=True)
class Context:
    id: str
    scheme: str
    identifier: str
    period: Period
    explicit: tuple[tuple[str, str], ...]  # (axis Clark, member Clark), sorted
    typed: tuple[tuple[str, str], ...]  # (axis Clark, canonical value), sorted
    other: str  # canonical XML of segment/scenario content that is not a dimension
    line: int | None

    @property
    def key(self) -> tuple:
        """What makes two contexts the same (s-equal enough for duplicate detection)."""
        return (self.scheme, self.identifier.strip(), self.period.key, self.explicit, self.typed, self.other)


@dataclass(frozen=True)
class Unit:
    id: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]
    line: int | None

    @property
    def key(self) -> tuple:
        return (self.numerator, self.denominator)


@dataclass(frozen=True)
class Fact:
    concept: str  # Clark notation
    prefixed: str  # as written, e.g. mbo-i:BudgetAmount
    context_ref: str | None
    unit_ref: str | None
    decimals: str | None
    precision: str | None
    value: str
    nil: str | None  # the xsi:nil attribute as written, if any
    lang: str | None
    line: int | None


@dataclass
class Reference:
    """An href the instance makes: schemaRef, linkbaseRef, roleRef, arcroleRef, loc or schemaLocation."""

    kind: str
    href: str
    line: int | None


@dataclass
class RawInstance:
    contexts: dict[str, Context] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    nil_attributes: list[tuple[str, int | None]] = field(default_factory=list)  # (element, line)
    xml_base: list[int | None] = field(default_factory=list)
    root_lang: str | None = None


def _clark_of_qname_text(element: etree._Element, text: str | None) -> str:
    """Resolve a QName written as text (a measure or a member) against the element's namespaces."""
    text = (text or "").strip()
    prefix, _, local = text.rpartition(":")
    namespace = element.nsmap.get(prefix or None)
    return f"{{{namespace}}}{local}" if namespace else text


def _canonical(element: etree._Element) -> str:
    return etree.tostring(element, method="c14n").decode("utf-8")


def _child_elements(element: etree._Element | None) -> dict[str, etree._Element]:
    """The first child element of each tag (lxml's find() runs a path engine in Python: slower)."""
    children: dict[str, etree._Element] = {}
    if element is not None:
        for child in element:
            if isinstance(child.tag, str):
                children.setdefault(child.tag, child)
    return children


_ENTITY, _IDENTIFIER, _PERIOD, _SEGMENT, _SCENARIO = (
    f"{{{XBRLI}}}{name}" for name in ("entity", "identifier", "period", "segment", "scenario"))
_START, _END, _INSTANT = (f"{{{XBRLI}}}{name}" for name in ("startDate", "endDate", "instant"))
_EXPLICIT, _TYPED = f"{{{XBRLDI}}}explicitMember", f"{{{XBRLDI}}}typedMember"


def _text(element: etree._Element | None) -> str | None:
    """All the text inside an element (cheaply when it has no children), or None when there is none."""
    if element is None:
        return None
    return "".join(element.itertext()) if len(element) else (element.text or "")


def _context(element: etree._Element) -> Context:
    parts = _child_elements(element)
    entity_parts = _child_elements(parts.get(_ENTITY))
    identifier = entity_parts.get(_IDENTIFIER)
    period_el = parts.get(_PERIOD)
    period = Period("forever")
    if period_el is not None:
        dates = _child_elements(period_el)
        start, end, instant = _text(dates.get(_START)), _text(dates.get(_END)), _text(dates.get(_INSTANT))
        if instant is not None:
            period = Period("instant", instant=instant.strip())
        elif start is not None or end is not None:
            period = Period("duration", start=(start or "").strip(), end=(end or "").strip())
    explicit, typed, other = [], [], []
    containers = [c for c in (entity_parts.get(_SEGMENT), parts.get(_SCENARIO)) if c is not None]
    for container in containers:
        for child in container:
            if not isinstance(child.tag, str):
                continue
            dimension = child.get("dimension")
            if child.tag == _EXPLICIT and dimension:
                explicit.append((_clark_of_qname_text(child, dimension), _clark_of_qname_text(child, child.text)))
            elif child.tag == _TYPED and dimension:
                value = "".join(_canonical(c) for c in child if isinstance(c.tag, str))
                typed.append((_clark_of_qname_text(child, dimension), value))
            else:
                other.append(_canonical(child))
    return Context(
        id=element.get("id", ""),
        scheme=(identifier.get("scheme") or "") if identifier is not None else "",
        identifier=(identifier.text or "") if identifier is not None else "",
        period=period, explicit=tuple(sorted(explicit)), typed=tuple(sorted(typed)),
        other="".join(sorted(other)), line=element.sourceline)


def _unit(element: etree._Element) -> Unit:
    divide = element.find(f"{{{XBRLI}}}divide")
    if divide is not None:
        num = divide.find(f"{{{XBRLI}}}unitNumerator")
        den = divide.find(f"{{{XBRLI}}}unitDenominator")
        numerator = [m for m in (num if num is not None else []) if m.tag == f"{{{XBRLI}}}measure"]
        denominator = [m for m in (den if den is not None else []) if m.tag == f"{{{XBRLI}}}measure"]
    else:
        numerator = [m for m in element if m.tag == f"{{{XBRLI}}}measure"]
        denominator = []
    return Unit(element.get("id", ""), tuple(sorted(_clark_of_qname_text(m, m.text) for m in numerator)),
                tuple(sorted(_clark_of_qname_text(m, m.text) for m in denominator)), element.sourceline)


def _prefixed(element: etree._Element) -> str:
    local = element.tag.rpartition("}")[2]
    return f"{element.prefix}:{local}" if element.prefix else local


def _facts(parent: etree._Element, lang: str | None, out: list[Fact]) -> None:
    lang_attribute, nil_attribute = f"{{{XML_NS}}}lang", f"{{{XSI}}}nil"
    for element in parent:
        tag = element.tag
        if not isinstance(tag, str) or tag.startswith(_NON_FACT_TAG_PREFIXES):
            continue
        get = element.attrib.get
        fact_lang = get(lang_attribute, lang)
        context_ref = get("contextRef")
        has_children = len(element) > 0 and any(isinstance(c.tag, str) for c in element)
        if has_children and context_ref is None:  # a tuple: its children are the facts
            _facts(element, fact_lang, out)
            continue
        out.append(Fact(
            concept=tag, prefixed=_prefixed(element), context_ref=context_ref,
            unit_ref=get("unitRef"), decimals=get("decimals"), precision=get("precision"),
            value=_text(element), nil=get(nil_attribute),
            lang=fact_lang, line=element.sourceline))


_SPECIAL_ATTRIBUTES = etree.XPath(
    "//@xsi:nil | //@xml:base | //@xsi:schemaLocation | //@xsi:noNamespaceSchemaLocation | //@xlink:href",
    namespaces={"xsi": XSI, "xlink": XLINK})


def _with_special_attributes(root: etree._Element) -> list[etree._Element]:
    """The elements that carry nil, base, schema location or href attributes, in document order."""
    elements: dict[etree._Element, None] = {}
    for attribute in _SPECIAL_ATTRIBUTES(root):
        elements.setdefault(attribute.getparent(), None)
    return list(elements)


def read_instance(root: etree._Element) -> RawInstance:
    """The raw view of an instance whose root is xbrli:xbrl."""
    raw = RawInstance(root_lang=root.get(f"{{{XML_NS}}}lang"))
    # Only the few elements that carry one of these attributes are visited (XPath runs in C).
    for element in _with_special_attributes(root):
        if element.get(f"{{{XSI}}}nil") is not None:
            raw.nil_attributes.append((_prefixed(element), element.sourceline))
        if element.get(f"{{{XML_NS}}}base") is not None:
            raw.xml_base.append(element.sourceline)
        for attribute in (f"{{{XSI}}}schemaLocation", f"{{{XSI}}}noNamespaceSchemaLocation"):
            value = element.get(attribute)
            if value:
                tokens = value.split()
                locations = tokens[1::2] if attribute.endswith("}schemaLocation") else tokens
                raw.references += [Reference("schemaLocation", loc, element.sourceline) for loc in locations]
        href = element.get(f"{{{XLINK}}}href")
        if href is not None:
            raw.references.append(Reference(etree.QName(element).localname, href.strip(), element.sourceline))
    for element in root:
        if element.tag == f"{{{XBRLI}}}context":
            context = _context(element)
            raw.contexts.setdefault(context.id, context)
        elif element.tag == f"{{{XBRLI}}}unit":
            unit = _unit(element)
            raw.units.setdefault(unit.id, unit)
    _facts(root, raw.root_lang, raw.facts)
    return raw
