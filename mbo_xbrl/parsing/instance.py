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


def _context(element: etree._Element) -> Context:
    entity = element.find(f"{{{XBRLI}}}entity")
    identifier = entity.find(f"{{{XBRLI}}}identifier") if entity is not None else None
    period_el = element.find(f"{{{XBRLI}}}period")
    period = Period("forever")
    if period_el is not None:
        start = period_el.findtext(f"{{{XBRLI}}}startDate")
        end = period_el.findtext(f"{{{XBRLI}}}endDate")
        instant = period_el.findtext(f"{{{XBRLI}}}instant")
        if instant is not None:
            period = Period("instant", instant=instant.strip())
        elif start is not None or end is not None:
            period = Period("duration", start=(start or "").strip(), end=(end or "").strip())
    explicit, typed, other = [], [], []
    containers = [c for c in (entity.find(f"{{{XBRLI}}}segment") if entity is not None else None,
                              element.find(f"{{{XBRLI}}}scenario")) if c is not None]
    for container in containers:
        for child in container:
            if not isinstance(child.tag, str):
                continue
            dimension = child.get("dimension")
            if child.tag == f"{{{XBRLDI}}}explicitMember" and dimension:
                explicit.append((_clark_of_qname_text(child, dimension), _clark_of_qname_text(child, child.text)))
            elif child.tag == f"{{{XBRLDI}}}typedMember" and dimension:
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
    qname = etree.QName(element)
    return f"{element.prefix}:{qname.localname}" if element.prefix else qname.localname


def _facts(parent: etree._Element, lang: str | None, out: list[Fact]) -> None:
    for element in parent:
        if not isinstance(element.tag, str):
            continue
        if etree.QName(element).namespace in NON_FACT_NAMESPACES:
            continue
        fact_lang = element.get(f"{{{XML_NS}}}lang", lang)
        children = [c for c in element if isinstance(c.tag, str)]
        if children and element.get("contextRef") is None:  # a tuple: its children are the facts
            _facts(element, fact_lang, out)
            continue
        out.append(Fact(
            concept=element.tag, prefixed=_prefixed(element), context_ref=element.get("contextRef"),
            unit_ref=element.get("unitRef"), decimals=element.get("decimals"), precision=element.get("precision"),
            value="".join(element.itertext()), nil=element.get(f"{{{XSI}}}nil"), lang=fact_lang,
            line=element.sourceline))


def read_instance(root: etree._Element) -> RawInstance:
    """The raw view of an instance whose root is xbrli:xbrl."""
    raw = RawInstance(root_lang=root.get(f"{{{XML_NS}}}lang"))
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
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
