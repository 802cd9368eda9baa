"""The fast path: certify that Arelle would find nothing wrong, or say why Arelle must look.

A filing of the profile that our writer and other software write — one schemaRef to our entry
point (with or without an arcrole, role or title), schema locations on the root that name schemas
of the DTS, contexts with an entity, a period as dates or date-times without a timezone and
explicit or typed dimensions in the scenario in any order, single-measure units under any id,
`decimals` or `precision`, ids and xml:lang where XBRL allows them, any prefixes, and items of
types the compiled view models — is checked here against the compiled view of our closed
taxonomy: the XML Schema content of the instance, XBRL 2.1 (contexts, units, periods, decimals
and precision) and Dimensions 1.0 (context and fact validity, with Arelle's own DRS resolved at
compile time).

`certify` answers None only when every check passes; any doubt — something outside the profile,
or anything that may be an error — returns a reason and the caller runs Arelle, the processor of
record, whose messages are then the findings. So the fast path can only make a valid filing
cheaper; it never writes a finding of its own. `tests/test_fast_path.py` proves on every sample and
on generated variants that a certified filing is one Arelle finds nothing in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime

from lxml import etree

from mbo_xbrl.parsing.instance import LINK, XBRLDI, XBRLI, XLINK, XML_NS, XML_SPACE, XSI, Moment, collapse
from mbo_xbrl.taxonomy.view import Dimension, Item, TaxonomyView, ValueType

NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9._\-]*")
QNAME = re.compile(r"(?:[A-Za-z_][A-Za-z0-9._\-]*:)?[A-Za-z_][A-Za-z0-9._\-]*")
DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
# A gYear the fast path certifies: four digits, no timezone (any other lawful form goes to Arelle).
GYEAR = re.compile(r"[1-9][0-9]{3}")
DECIMALS_ATTRIBUTE = re.compile(r"-?[0-9]+|INF")
PRECISION_ATTRIBUTE = re.compile(r"[1-9][0-9]*|INF")  # precision="0" says nothing of the value: Arelle decides
LANGUAGE = re.compile(r"[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*")
URI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[!-~]+")
_IDS = etree.XPath("descendant-or-self::*/@id")
MEASURES = {"monetary": "{http://www.xbrl.org/2003/iso4217}EUR", "other": f"{{{XBRLI}}}pure"}
LANG = f"{{{XML_NS}}}lang"
SCHEMA_LOCATION = f"{{{XSI}}}schemaLocation"
# The schemaRef is an XLink simple link: these optional attributes of it change nothing in XBRL.
SCHEMA_REF_OPTIONAL = {f"{{{XLINK}}}arcrole", f"{{{XLINK}}}role", f"{{{XLINK}}}title"}


class NotCertified(Exception):
    """Why this filing needs Arelle."""


def _blank(text: str | None) -> bool:
    return text is None or not text.strip(XML_SPACE)


def _children(element: etree._Element) -> list[etree._Element]:
    """Element children; text between them must be white space (element-only content)."""
    if not _blank(element.text):
        raise NotCertified(f"text in <{etree.QName(element).localname}> at line {element.sourceline}")
    children = []
    for child in element:
        if not _blank(child.tail):
            raise NotCertified(f"text after line {child.sourceline}")
        if isinstance(child.tag, str):
            children.append(child)
    return children


def _attributes(element: etree._Element, allowed: set[str], required: set[str] = frozenset()) -> None:
    names = set(element.attrib)
    if names - allowed or required - names:
        raise NotCertified(f"attributes of {element.tag} at line {element.sourceline}")


def _language(element: etree._Element) -> None:
    lang = element.get(LANG)
    if lang is not None and not LANGUAGE.fullmatch(lang):
        raise NotCertified(f"xml:lang {lang!r} at line {element.sourceline}")


def _leaf_text(element: etree._Element) -> str:
    if len(element):
        raise NotCertified(f"content of {element.tag} at line {element.sourceline}")
    return element.text or ""


def _qname(element: etree._Element, text: str) -> str:
    text = text.strip(XML_SPACE)
    if not QNAME.fullmatch(text):
        raise NotCertified(f"QName {text!r} at line {element.sourceline}")
    prefix, _, local = text.rpartition(":")
    namespace = element.nsmap.get(prefix or None)
    if namespace is None:
        raise NotCertified(f"undeclared prefix in {text!r} at line {element.sourceline}")
    return f"{{{namespace}}}{local}"


def _valid_value(value: str, kind: ValueType) -> bool:
    if kind.base == "decimal":
        return bool(DECIMAL.fullmatch(value.strip(XML_SPACE)))
    if kind.base == "boolean":
        return value.strip(XML_SPACE) in ("true", "false", "1", "0")
    if kind.base == "gYear":
        return bool(GYEAR.fullmatch(value.strip(XML_SPACE))) and kind.enumeration is None and kind.pattern is None
    if kind.base == "token":
        value = collapse(value)
    if kind.enumeration is not None and value not in kind.enumeration:
        return False
    if kind.min_length is not None and len(value.strip(XML_SPACE)) < kind.min_length:
        return False
    return kind.pattern is None or bool(kind.pattern.fullmatch(value))


def _moment(element: etree._Element, end: bool) -> datetime:
    """A period boundary as Arelle compares it: a date or a date-time without a timezone (XBRL 2.1, 4.7.2)."""
    text = _leaf_text(element)
    _attributes(element, set())
    moment = Moment.parse(text, end)
    if moment is None or moment.timezone:  # a timezone: Arelle does not compare it with one without
        raise NotCertified(f"date {text.strip(XML_SPACE)!r} at line {element.sourceline}")
    return moment.at


class _Context:
    def __init__(self, element: etree._Element, view: TaxonomyView) -> None:
        _attributes(element, {"id"}, {"id"})
        children = _children(element)
        tags = [c.tag for c in children]
        if tags not in ([f"{{{XBRLI}}}entity", f"{{{XBRLI}}}period"],
                        [f"{{{XBRLI}}}entity", f"{{{XBRLI}}}period", f"{{{XBRLI}}}scenario"]):
            raise NotCertified(f"context content at line {element.sourceline}")
        entity, period = children[0], children[1]
        _attributes(entity, set())
        identifiers = _children(entity)
        if [c.tag for c in identifiers] != [f"{{{XBRLI}}}identifier"]:
            raise NotCertified(f"entity content at line {entity.sourceline}")
        _attributes(identifiers[0], {"scheme"}, {"scheme"})
        if not URI.fullmatch(identifiers[0].get("scheme")) or not collapse(_leaf_text(identifiers[0])):
            raise NotCertified(f"entity identifier at line {entity.sourceline}")
        _attributes(period, set())
        parts = _children(period)
        kinds = [c.tag for c in parts]
        if kinds == [f"{{{XBRLI}}}instant"]:
            _moment(parts[0], end=True)
            self.period = "instant"
        elif kinds == [f"{{{XBRLI}}}startDate", f"{{{XBRLI}}}endDate"]:
            if _moment(parts[1], end=True) <= _moment(parts[0], end=False):
                raise NotCertified(f"period ends before it starts at line {period.sourceline}")
            self.period = "duration"
        else:
            raise NotCertified(f"period at line {period.sourceline}")
        self.dimensions: dict[str, str] = {}  # dimension -> explicit member, or "" for a typed one
        if len(children) == 3:
            self._scenario(children[2], view)
        self.signature = tuple(sorted(self.dimensions.items()))  # what dimensional validity depends on

    def _scenario(self, scenario: etree._Element, view: TaxonomyView) -> None:
        _attributes(scenario, set())
        members = _children(scenario)
        if not members:
            raise NotCertified(f"empty scenario at line {scenario.sourceline}")
        for member in members:
            _attributes(member, {"dimension"}, {"dimension"})
            name = _qname(member, member.get("dimension"))
            dimension = view.dimensions.get(name)
            if dimension is None or name in self.dimensions:
                raise NotCertified(f"dimension {name} at line {member.sourceline}")
            if member.tag == f"{{{XBRLDI}}}explicitMember" and not dimension.typed:
                value = _qname(member, _leaf_text(member))
                if value not in dimension.members or value == dimension.default:
                    raise NotCertified(f"member {value} at line {member.sourceline}")
                self.dimensions[name] = value
            elif member.tag == f"{{{XBRLDI}}}typedMember" and dimension.typed:
                self._typed(member, dimension)
                self.dimensions[name] = ""
            else:
                raise NotCertified(f"scenario content at line {member.sourceline}")

    @staticmethod
    def _typed(member: etree._Element, dimension: Dimension) -> None:
        values = _children(member)
        if len(values) != 1 or values[0].tag != dimension.typed_element or dimension.typed_type is None:
            raise NotCertified(f"typed member at line {member.sourceline}")
        _attributes(values[0], set())
        if not _valid_value(_leaf_text(values[0]), dimension.typed_type):
            raise NotCertified(f"typed member value at line {member.sourceline}")


def _dimensionally_valid(item: Item, context: _Context, dimensions: dict[str, Dimension]) -> bool:
    """Arelle's `isFactDimensionallyValid` over the compiled DRS: some ELR's hypercubes all hold."""
    if not item.hypercubes:
        return True
    for alternative in item.hypercubes:
        valid = True
        for cube in alternative:
            if cube.element != "scenario":  # a segment cube cannot hold: our contexts have no segment
                holds = False
            else:
                holds = True
                remaining = set(context.dimensions)
                for name, usable in cube.dimensions.items():
                    if name in context.dimensions:
                        remaining.discard(name)
                        member = context.dimensions[name]
                    else:
                        member = None
                    if usable is None:  # typed: present is enough (its value was checked)
                        holds = holds and member is not None
                        continue
                    member = member or dimensions[name].default
                    if member is None or member not in usable:
                        holds = False
                if cube.closed and remaining:
                    holds = False
            if holds == cube.negated:
                valid = False
        if valid:
            return True
    return False


def _schema_locations(root: etree._Element, view: TaxonomyView) -> None:
    """xsi:schemaLocation may name schemas of the DTS (and standard instance schemas), each with its namespace."""
    value = root.get(SCHEMA_LOCATION)
    if value is None:
        return
    tokens = value.split()
    pairs = list(zip(tokens[::2], tokens[1::2]))
    if not tokens or len(tokens) % 2 or any(view.schemas.get(location) != namespace for namespace, location in pairs):
        raise NotCertified("xsi:schemaLocation names a schema outside the taxonomy")


def _schema_ref(schema_ref: etree._Element, view: TaxonomyView) -> None:
    required = {f"{{{XLINK}}}type", f"{{{XLINK}}}href"}
    _attributes(schema_ref, required | SCHEMA_REF_OPTIONAL, required)
    if schema_ref.get(f"{{{XLINK}}}type") != "simple" or schema_ref.get(f"{{{XLINK}}}href") != view.entry_point \
            or _children(schema_ref):
        raise NotCertified("schemaRef")
    for name in (f"{{{XLINK}}}arcrole", f"{{{XLINK}}}role"):
        if name in schema_ref.attrib and not URI.fullmatch(schema_ref.get(name)):
            raise NotCertified(f"schemaRef {name}")


class Certifier:
    """Certifies an instance as it streams past, one element below the root at a time.

    `root` when the root element has started; `between` with each text or comment between the
    root's children as soon as it is complete; `child` with each complete child; `reason` at the
    end: None when certified, else why Arelle must decide. Cross-references (a fact's context and
    unit, which may come after it) are checked at the end from what was kept of each element.
    """

    def __init__(self, views: TaxonomyView | Mapping[str, TaxonomyView]) -> None:
        """`views`: the view of each entry point by its URL; the schemaRef picks the one to certify against."""
        self.views = {views.entry_point: views} if isinstance(views, TaxonomyView) else views
        self.view: TaxonomyView | None = None  # the schemaRef's, once seen
        self._root_element: etree._Element | None = None
        self._reason: str | None = None
        self._schema_ref_seen = False
        self._ids: set[str] = set()
        self._contexts: dict[str, _Context] = {}
        self._units: dict[str, str] = {}
        self._facts: list[tuple[Item, str | None, str | None, int | None]] = []  # item, context, unit, line

    def _check(self, step, *args) -> None:
        if self._reason is None:
            try:
                step(*args)
            except NotCertified as reason:
                self._reason = str(reason)

    def root(self, root: etree._Element) -> None:
        self._check(self._root, root)

    def between(self, text: str | None, line: int | None) -> None:
        """Text before, between or after the root's children: element-only content allows white space."""
        if self._reason is None and not _blank(text):
            self._reason = f"text in the instance after line {line}"

    def child(self, element: etree._Element) -> None:
        if self._reason is None:
            try:
                self._child(element)
            except NotCertified as reason:
                self._reason = str(reason)

    @property
    def reason(self) -> str | None:
        """At the end of the document: None when certified, else why Arelle must decide."""
        if self._reason is None:
            self._check(self._finish)
        return self._reason

    def _root(self, root: etree._Element) -> None:
        _attributes(root, {LANG, "id", SCHEMA_LOCATION})
        _language(root)
        self._root_element = root  # its xsi:schemaLocation is checked against the view the schemaRef picks
        self._id(root.get("id"), root.sourceline)

    def _id(self, identifier: str | None, line: int | None) -> None:
        if identifier is None:
            return
        if identifier in self._ids or not NCNAME.fullmatch(identifier):
            raise NotCertified(f"id {identifier!r} at line {line}")
        self._ids.add(identifier)

    def _child(self, element: etree._Element) -> None:
        if not isinstance(element.tag, str):
            return  # a comment or processing instruction
        if len(element):
            for identifier in _IDS(element):
                self._id(str(identifier), identifier.getparent().sourceline)
        else:
            self._id(element.get("id"), element.sourceline)
        if not self._schema_ref_seen:
            if element.tag != f"{{{LINK}}}schemaRef":
                raise NotCertified("the instance does not start with its schemaRef")
            self._schema_ref_seen = True
            self.view = self.views.get(element.get(f"{{{XLINK}}}href") or "")
            if self.view is None:
                raise NotCertified("schemaRef names no entry point the fast path has a view of")
            _schema_ref(element, self.view)
            if self._root_element is not None:
                _schema_locations(self._root_element, self.view)
        elif element.tag == f"{{{XBRLI}}}context":
            self._contexts[element.get("id")] = _Context(element, self.view)
        elif element.tag == f"{{{XBRLI}}}unit":
            _attributes(element, {"id"}, {"id"})
            measures = _children(element)
            if [m.tag for m in measures] != [f"{{{XBRLI}}}measure"]:
                raise NotCertified(f"unit at line {element.sourceline}")
            _attributes(measures[0], set())
            self._units[element.get("id")] = _qname(measures[0], _leaf_text(measures[0]))
        else:
            self._facts.append(_fact(element, self.view))

    def _finish(self) -> None:
        if not self._schema_ref_seen:
            raise NotCertified("the instance does not start with its schemaRef")
        valid_dimensions: dict[tuple[int, tuple], bool] = {}  # (hypercubes, dimensions): many facts share both
        for item, context_ref, unit_ref, line in self._facts:
            _references(item, context_ref, unit_ref, line, self._contexts, self._units, self.view, valid_dimensions)


def certify(root: etree._Element, view: TaxonomyView | Mapping[str, TaxonomyView]) -> str | None:
    """The `Certifier` over a document held whole: None when certified, else why Arelle must decide."""
    certifier = Certifier(view)
    certifier.root(root)
    certifier.between(root.text, root.sourceline)
    for node in root:
        certifier.child(node)
        certifier.between(node.tail, node.sourceline)
    return certifier.reason


def _accuracy(fact: etree._Element) -> bool:
    """Exactly one of decimals and precision, each in its lexical form (XBRL 2.1, 4.6.3)."""
    decimals, precision = fact.get("decimals"), fact.get("precision")
    if decimals is not None:
        return precision is None and bool(DECIMALS_ATTRIBUTE.fullmatch(decimals))
    return precision is not None and bool(PRECISION_ATTRIBUTE.fullmatch(precision))


def _fact(fact: etree._Element, view: TaxonomyView) -> tuple[Item, str | None, str | None, int | None]:
    """What can be checked of a fact on its own; what it refers to is checked at the end (`_references`)."""
    item = view.items.get(fact.tag)
    if item is None:
        raise NotCertified(f"{fact.tag} at line {fact.sourceline} is not an item the view models")
    if item.numeric:
        _attributes(fact, {"contextRef", "unitRef", "decimals", "precision", "id", LANG}, {"contextRef", "unitRef"})
        if not _accuracy(fact):
            raise NotCertified(f"decimals or precision at line {fact.sourceline}")
    else:
        _attributes(fact, {"contextRef", "id", LANG}, {"contextRef"})
    _language(fact)
    if not _valid_value(_leaf_text(fact), item.type):
        raise NotCertified(f"the value of the fact at line {fact.sourceline}")
    return item, fact.get("contextRef"), fact.get("unitRef"), fact.sourceline


def _references(item: Item, context_ref: str | None, unit_ref: str | None, line: int | None,
                contexts: dict[str, _Context], units: dict[str, str], view: TaxonomyView,
                valid_dimensions: dict[tuple[int, tuple], bool]) -> None:
    """A fact's context (its period type, its dimensions) and unit."""
    if item.numeric and units.get(unit_ref) != MEASURES["monetary" if item.monetary else "other"]:
        raise NotCertified(f"unit of the fact at line {line}")
    context = contexts.get(context_ref)
    if context is None or context.period != item.period:
        raise NotCertified(f"context of the fact at line {line}")
    key = (id(item.hypercubes), context.signature)
    if key not in valid_dimensions:
        valid_dimensions[key] = _dimensionally_valid(item, context, view.dimensions)
    if not valid_dimensions[key]:
        raise NotCertified(f"the fact at line {line} is not dimensionally valid")
