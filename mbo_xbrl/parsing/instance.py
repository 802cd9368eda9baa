"""The raw XBRL instance as lxml reads it: contexts, units, facts, references, with source lines.

Taxonomy-independent on purpose: the FR-NL filing rules (nil, unused contexts and units,
duplicates, entity) run on this view before any schema is read, so they give our codes on any
instance, ours or not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from lxml import etree

XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XBRLDI = "http://xbrl.org/2006/xbrldi"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_SPACE = " \t\r\n"
NON_FACT_NAMESPACES = {XBRLI, LINK}
_NON_FACT_TAG_PREFIXES = tuple(f"{{{namespace}}}" for namespace in NON_FACT_NAMESPACES)


# xs:date or xs:dateTime, as XBRL periods are written (a timezone is kept apart: see `Moment`).
_MOMENT = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?)?"
                     r"(Z|[+-][0-9]{2}:[0-9]{2})?")
_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Moment:
    """A period boundary as XBRL 2.1 reads it (section 4.7.2): a point in time.

    A date as an end date or an instant means the end of that day, so `2024-12-31` there is the
    same moment as `2025-01-01T00:00:00`; as a start date it means the start of the day. A
    timezone is part of the moment (Arelle does not equate a moment with a timezone to one without).
    """

    at: datetime
    timezone: str

    @staticmethod
    def parse(text: str | None, end: bool) -> Moment | None:
        """The moment a period boundary means, or None when it is not a date or date-time of the calendar."""
        if text is not None and len(text) > 200:
            return None  # no date is that long: keep it out of the cache
        return _moment(text, end)

    @property
    def midnight(self) -> bool:
        return self.at.time() == time(0)


@lru_cache(maxsize=4096)  # a filing repeats a handful of dates in every context
def _moment(text: str | None, end: bool) -> Moment | None:
    text = (text or "").strip(XML_SPACE)
    match = _MOMENT.fullmatch(text) if len(text) <= 40 else None  # a longer text is no date (nor cached)
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, timezone = match.groups()
    try:
        at = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0),
                      int((fraction or ".0")[1:7].ljust(6, "0")))
        if hour is None and end:
            at += _DAY
    except (ValueError, OverflowError):  # not a date of the calendar (or beyond year 9999)
        return None
    return Moment(at, timezone or "")


@dataclass(frozen=True)
class Period:
    kind: str  # "duration", "instant" or "forever"
    start: str | None = None  # lexical value as written
    end: str | None = None
    instant: str | None = None

    def moments(self) -> tuple[Moment | None, Moment | None]:
        """(start, end) as moments; an instant is a period that starts and ends at its moment."""
        if self.kind == "duration":
            return Moment.parse(self.start, end=False), Moment.parse(self.end, end=True)
        if self.kind == "instant":
            moment = Moment.parse(self.instant, end=True)
            return moment, moment
        return None, None

    def dates(self) -> tuple[date | None, date | None]:
        """(first day, last day) when the period is made of whole days, however it is written, else (None, None).

        `2024-01-01` to `2024-12-31` and `2024-01-01T00:00:00` to `2025-01-01T00:00:00` are the
        same period (XBRL 2.1, 4.7.2). An instant gives the day it ends: `2024-12-31` and
        `2025-01-01T00:00:00` both give 31 December 2024.
        """
        start, end = self.moments()
        if start is None or end is None or not (start.midnight and end.midnight):
            return None, None
        if self.kind == "instant":
            day = (end.at - _DAY).date()
            return day, day
        if end.at <= start.at:
            return None, None
        return start.at.date(), (end.at - _DAY).date()

    @property
    def text(self) -> str:
        """The period as written, for messages."""
        if self.kind == "instant":
            return self.instant or ""
        if self.kind == "duration":
            return f"{self.start or '?'} - {self.end or '?'}"
        return "forever"

    @property
    def key(self) -> tuple:
        """What makes two periods the same: their moments (so `2024-12-31` equals `2025-01-01T00:00:00`
        as an end date), or what is written when it is not a date."""
        start, end = self.moments()
        return (self.kind, start or self.start or self.instant, end or self.end)


@dataclass(frozen=True, slots=True)
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
        return (self.scheme.strip(XML_SPACE), self.identifier.strip(XML_SPACE), self.period.key, self.explicit,
                self.typed, self.other)


@dataclass(frozen=True)
class Unit:
    id: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]
    line: int | None

    @property
    def key(self) -> tuple:
        return (self.numerator, self.denominator)


@dataclass(frozen=True, slots=True)
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


class _QNames:
    """Resolves QNames written as text (measures, dimensions, members) to Clark notation.

    `element.nsmap` builds a dict from the element's ancestors on every call; when every namespace
    is declared on the root (as writers do), one resolution per distinct text is enough.
    """

    def __init__(self, root: etree._Element, uniform: bool) -> None:
        self.root_nsmap = root.nsmap if uniform else None
        self.known: dict[str | None, str] = {}

    def vary(self) -> None:
        """An element below the root declares a namespace: from here on, resolve against each element."""
        self.root_nsmap = None

    def clark(self, element: etree._Element, text: str | None) -> str:
        if self.root_nsmap is None:
            return _clark(element.nsmap, text)
        found = self.known.get(text)
        if found is None:
            found = self.known[text] = _clark(self.root_nsmap, text)
        return found


def _clark(nsmap: dict, text: str | None) -> str:
    text = (text or "").strip()
    prefix, _, local = text.rpartition(":")
    namespace = nsmap.get(prefix or None)
    return f"{{{namespace}}}{local}" if namespace else text


def _canonical(element: etree._Element) -> str:
    return etree.tostring(element, method="c14n").decode("utf-8")


def _typed_value(element: etree._Element) -> str:
    """A typed member's value, canonical: a simple value with its white space collapsed (our typed domains
    are tokens), so that `<code> EI-01 </code>` and `<code>EI-01</code>` name the same member."""
    if len(element) or element.attrib:
        return _canonical(element)
    return f"<{element.tag}>{collapse(element.text or '')}</{element.tag}>"


def collapse(text: str) -> str:
    """XML Schema's whiteSpace="collapse" (XML white space only, not Unicode's)."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip(" ")


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


def _context(element: etree._Element, qnames: _QNames) -> Context:
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
                explicit.append((qnames.clark(child, dimension), qnames.clark(child, child.text)))
            elif child.tag == _TYPED and dimension:
                value = "".join(_typed_value(c) for c in child if isinstance(c.tag, str))
                typed.append((qnames.clark(child, dimension), value))
            else:
                other.append(_canonical(child))
    return Context(
        id=element.get("id", ""),
        scheme=(identifier.get("scheme") or "") if identifier is not None else "",
        identifier=(identifier.text or "") if identifier is not None else "",
        period=period, explicit=tuple(sorted(explicit)), typed=tuple(sorted(typed)),
        other="".join(sorted(other)), line=element.sourceline)


def _unit(element: etree._Element, qnames: _QNames) -> Unit:
    divide = element.find(f"{{{XBRLI}}}divide")
    if divide is not None:
        num = divide.find(f"{{{XBRLI}}}unitNumerator")
        den = divide.find(f"{{{XBRLI}}}unitDenominator")
        numerator = [m for m in (num if num is not None else []) if m.tag == f"{{{XBRLI}}}measure"]
        denominator = [m for m in (den if den is not None else []) if m.tag == f"{{{XBRLI}}}measure"]
    else:
        numerator = [m for m in element if m.tag == f"{{{XBRLI}}}measure"]
        denominator = []
    return Unit(element.get("id", ""), tuple(sorted(qnames.clark(m, m.text) for m in numerator)),
                tuple(sorted(qnames.clark(m, m.text) for m in denominator)), element.sourceline)


def _prefixed(element: etree._Element) -> str:
    local = element.tag.rpartition("}")[2]
    return f"{element.prefix}:{local}" if element.prefix else local


def _fact(element: etree._Element, lang: str | None, out: list[Fact], shared: dict[object, str]) -> None:
    """The fact an element is, or the facts of a tuple, in document order. `shared` keeps one copy of each
    repeated string (concepts, prefixes, context and unit references, decimals): lxml makes a new one on
    every access."""
    tag = element.tag
    if not isinstance(tag, str) or tag.startswith(_NON_FACT_TAG_PREFIXES):
        return
    get = element.attrib.get
    fact_lang = get(_LANG, lang)
    context_ref = get("contextRef")
    has_children = len(element) > 0 and any(isinstance(c.tag, str) for c in element)
    if has_children and context_ref is None:  # a tuple: its children are the facts
        for child in element:
            _fact(child, fact_lang, out, shared)
        return
    one = shared.setdefault
    unit_ref, decimals, precision = get("unitRef"), get("decimals"), get("precision")
    prefixed = shared.get((tag, element.prefix)) or one((tag, element.prefix), _prefixed(element))
    out.append(Fact(
        concept=one(tag, tag), prefixed=prefixed, context_ref=one(context_ref, context_ref) if context_ref else None,
        unit_ref=one(unit_ref, unit_ref) if unit_ref else unit_ref,
        decimals=one(decimals, decimals) if decimals else decimals,
        precision=one(precision, precision) if precision else precision, value=_text(element),
        nil=get(_NIL), lang=one(fact_lang, fact_lang) if fact_lang else fact_lang, line=element.sourceline))


_LANG, _NIL = f"{{{XML_NS}}}lang", f"{{{XSI}}}nil"


_SPECIAL_ATTRIBUTES = etree.XPath(
    "descendant-or-self::*[@xsi:nil or @xml:base or @xsi:schemaLocation or @xsi:noNamespaceSchemaLocation"
    " or @xlink:href]", namespaces={"xsi": XSI, "xlink": XLINK})


class InstanceReader:
    """Builds the raw view of an instance one element below the root at a time.

    The caller streams the document and hands over each child of the root when it is complete
    (`add`), then may drop it: the document is never held whole (see `mbo_xbrl.parsing.stream`).
    """

    def __init__(self, root: etree._Element, uniform_namespaces: bool = True) -> None:
        self.raw = RawInstance(root_lang=root.get(_LANG))
        self.qnames = _QNames(root, uniform_namespaces)
        self.shared: dict[object, str] = {}
        self._special(root)  # the root's own attributes (schema locations, xml:base)

    def add(self, element: etree._Element) -> None:
        """One complete child of the root: a context, a unit, a fact or tuple, a schemaRef or another link."""
        # Only the few elements that carry one of these attributes are visited (XPath runs in C; a fact
        # without children, most of a document, is looked at directly).
        for special in _SPECIAL_ATTRIBUTES(element) if len(element) else (element,):
            self._special(special)
        tag = element.tag
        if tag == _CONTEXT:
            context = _context(element, self.qnames)
            self.raw.contexts.setdefault(context.id, context)
        elif tag == _UNIT:
            unit = _unit(element, self.qnames)
            self.raw.units.setdefault(unit.id, unit)
        else:
            _fact(element, self.raw.root_lang, self.raw.facts, self.shared)

    def _special(self, element: etree._Element) -> None:
        raw = self.raw
        if element.get(_NIL) is not None:
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


_CONTEXT, _UNIT = f"{{{XBRLI}}}context", f"{{{XBRLI}}}unit"


def read_instance(root: etree._Element) -> RawInstance:
    """The raw view of an instance held whole in memory (the engine streams it instead: see precheck)."""
    reader = InstanceReader(root, uniform_namespaces=False)
    for element in root:
        if isinstance(element.tag, str):
            reader.add(element)
    return reader.raw
