"""The layers before Arelle: bytes, XML, XBRL form and the taxonomy-independent filing rules.

Each layer stops the next when it fails, so a file that is not XML gets one finding, not a
thousand, and a filing that refers outside our taxonomy is never handed to Arelle.
The XML parser never resolves entities, never loads a DTD and never uses the network.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from lxml import etree

from mbo_xbrl.limits import Limits
from mbo_xbrl.parsing.certify import Certifier
from mbo_xbrl.parsing.instance import LINK, XBRLDI, XBRLI, XLINK, XML_NS, XSI, InstanceReader, RawInstance
from mbo_xbrl.parsing.structure import out_of_memory, root_namespaces, too_many_elements
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer
from mbo_xbrl.rules.registry import rules_in_layer
from mbo_xbrl.rules.structure.s001_not_wellformed import problem, unreadable_xml
from mbo_xbrl.rules.structure.s002_not_an_instance import not_an_instance
from mbo_xbrl.rules.structure.s003_unknown_entry_point import unknown_entry_point
from mbo_xbrl.rules.structure.s005_doctype import doctype
from mbo_xbrl.rules.structure.s006_file_too_large import file_too_large
from mbo_xbrl.rules.structure.s008_structure_beyond_limits import structure_beyond_limits
from mbo_xbrl.taxonomy.view import TaxonomyView


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, collect_ids=False)


@dataclass
class Prechecked:
    """What the layers before Arelle found, and how far the file got."""

    findings: list[Finding] = field(default_factory=list)
    raw: RawInstance | None = None
    stopped_at: Layer | None = None  # the layer whose failure stopped the check, if any
    certified: str | None = "not certified"  # None when the fast path certified the instance, else why not

    @property
    def ready_for_xbrl(self) -> bool:
        return self.stopped_at is None


def precheck(data: bytes, limits: Limits | int, view: TaxonomyView | None = None) -> Prechecked:
    """The layers before Arelle; `limits` may be just the size limit in bytes. With a `view`, the instance
    is also certified on the way (the fast path, see `certify`): `certified` says whether it was."""
    limits = limits if isinstance(limits, Limits) else Limits(max_bytes=limits)
    result = Prechecked()

    def stop(findings: list[Finding], layer: Layer) -> bool:
        result.findings += findings
        if findings:
            result.stopped_at = layer
        return bool(findings)

    if stop(file_too_large.check(len(data), limits.max_bytes), Layer.FILE):
        return result
    if stop(doctype.check(data), Layer.FILE):
        return result
    if stop(unreadable_xml.check(data), Layer.FILE):
        return result
    try:
        streamed = _Stream(limits, view).read(data)
    except etree.XMLSyntaxError as err:
        if out_of_memory(err):
            raise MemoryError("the XML parser ran out of memory") from None
        stop([problem("syntax", line=err.lineno, detail=str(err.msg or err))], Layer.FILE)
        return result
    if stop(streamed.doctype, Layer.FILE) or stop(streamed.not_an_instance, Layer.FORM):
        return result
    if streamed.excess is not None:
        stop(structure_beyond_limits.check(*streamed.excess), Layer.FORM)
        return result
    result.raw = streamed.reader.raw
    result.certified = streamed.certifier.reason if streamed.certifier is not None else "the fast path is off"
    form = unknown_entry_point.check(result.raw)
    filing_rules = [f for rule in rules_in_layer(Layer.FILING_RULES) for f in rule.check(result.raw)]
    result.findings += form + filing_rules
    if form:
        result.stopped_at = Layer.FORM
    elif any(f.severity is Severity.ERROR for f in filing_rules):
        result.stopped_at = Layer.FILING_RULES  # the root cause; Arelle would only repeat it
    return result


class _Stream:
    """One streaming pass over the document: the root is checked when its first descendant ends, each
    child of the root is counted, read (raw instance) and certified when it ends, and then dropped.
    Memory holds the raw instance and one child of the root at a time, never the document's tree
    (which lxml makes about six times the size of the file)."""

    def __init__(self, limits: Limits, view: TaxonomyView | None) -> None:
        self.limits = limits
        self.view = view
        self.doctype: list[Finding] = []
        self.not_an_instance: list[Finding] = []
        self.excess: tuple[str, int, int] | None = None
        self.reader: InstanceReader | None = None
        self.certifier: Certifier | None = None
        self.counts = {"facts": 0, "contexts": 0, "units": 0}
        # one XPath, run in C on each child of the root: an element with too many attributes, or too deep
        self._crowded_or_deep = etree.XPath(
            f"boolean(descendant-or-self::*[count(@*) > {limits.max_attributes}]"
            f" | {'/'.join(['*'] * max(1, limits.max_depth - 1))})")

    def read(self, data: bytes) -> _Stream:
        elements = too_many_elements(data, self.limits.max_elements)
        if elements is not None:
            return self._over("elements", elements, self.limits.max_elements)
        events = etree.iterparse(io.BytesIO(data), events=("start-ns", "end"), tag=_children_of_root(data),
                                 resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                                 huge_tree=False)
        declarations = 0
        root: etree._Element | None = None
        reading = True  # false once the file is refused: then it is only parsed to its end (and counted)
        for event, node in events:
            if event == "start-ns":
                declarations += 1
                if root is not None and self.reader is not None:
                    self.reader.qnames.vary()  # a namespace declared below the root
                continue
            parent = node.getparent()
            if root is None:
                root = node if parent is None else next(a for a in node.iterancestors() if a.getparent() is None)
                reading = self._root(root, declarations)
            if parent is not root or parent is None:
                continue
            if not self._count(node):
                reading = False
            if reading:
                if len(node.attrib) > self.limits.max_attributes if not len(node) else self._crowded_or_deep(node):
                    return self._over(*self._crowded_or_deep_what(node))
                self._child(node)
            self._drop_before(root, node)
        if root is None and events.root is not None:  # no child of the root had an event (an empty root)
            root = events.root
            self._root(root, declarations)
        if root is not None:
            self._drop_before(root, None)
        if self.excess is not None and self.excess[0] in self.counts:
            what, _, limit = self.excess
            self.excess = (what, self.counts[what], limit)  # counted to the end
        return self

    def _over(self, what: str, counted: int, limit: int) -> _Stream:
        self.excess = (what, counted, limit)
        return self

    def _crowded_or_deep_what(self, node: etree._Element) -> tuple[str, int, int]:
        limit = self.limits.max_attributes
        crowded = node.xpath(f"descendant-or-self::*[count(@*) > {limit}]")
        if crowded:
            return "attributes", len(crowded[0].attrib), limit
        return "depth", self.limits.max_depth + 1, self.limits.max_depth

    def _root(self, root: etree._Element, declarations: int) -> bool:
        """The root is known (its first descendant has ended): a DOCTYPE, the wrong root or a root with
        too many attributes or namespace declarations refuse the file."""
        docinfo = root.getroottree().docinfo
        if docinfo.doctype or docinfo.internalDTD is not None:
            entities = bool(docinfo.internalDTD is not None and list(docinfo.internalDTD.iterentities()))
            self.doctype = [doctype.finding(line=1, entities=entities,
                                            entities_nl=" met entiteitdeclaraties" if entities else "",
                                            entities_en=" with entity declarations" if entities else "")]
            return False
        self.not_an_instance = not_an_instance.check(root)
        if self.not_an_instance:
            return False
        for counted in (len(root.nsmap), len(root.attrib)):
            if counted > self.limits.max_attributes:
                self.excess = ("attributes", counted, self.limits.max_attributes)
                return False
        # every declaration so far is the root's own when there are as many as the root has
        self.reader = InstanceReader(root, uniform_namespaces=declarations == len(root.nsmap))
        if self.view is not None:
            self.certifier = Certifier(self.view)
            self.certifier.root(root)
        return True

    def _count(self, child: etree._Element) -> bool:
        """Count a child of the root against the limits (contexts, units, facts). False once a limit is
        passed (or the file is refused); the count goes on to the end, so the finding can say how many."""
        tag = child.tag
        kind = "contexts" if tag == _CONTEXT else "units" if tag == _UNIT else \
            None if not isinstance(tag, str) or tag.startswith(_NOT_FACTS) else "facts"
        if kind is not None:
            self.counts[kind] += 1
            limit = {"contexts": self.limits.max_contexts, "units": self.limits.max_units,
                     "facts": self.limits.max_facts}[kind]
            if self.counts[kind] > limit and self.excess is None:
                self.excess = (kind, self.counts[kind], limit)
        return self.excess is None and self.reader is not None

    def _child(self, child: etree._Element) -> None:
        self.reader.add(child)
        if self.certifier is not None:
            self.certifier.child(child)

    def _drop_before(self, root: etree._Element, child: etree._Element | None) -> None:
        """Drop the nodes before `child` (or all, at the end), whose trailing text is complete now:
        it is certified first (the root's content is elements only, with white space between)."""
        certifier = self.certifier
        if root.text is not None:
            if certifier is not None:
                certifier.between(root.text, root.sourceline)
            root.text = None
        while len(root) and root[0] is not child:
            node = root[0]
            if certifier is not None:
                certifier.between(node.tail, node.sourceline)
            del root[0]


_CONTEXT, _UNIT = f"{{{XBRLI}}}context", f"{{{XBRLI}}}unit"
_NOT_FACTS = (f"{{{XBRLI}}}", f"{{{LINK}}}")
# Namespaces whose elements are never children of the root other than contexts and units.
_NESTED_ONLY = {XBRLI, XBRLDI, XLINK, XSI, XML_NS}


def _children_of_root(data: bytes) -> list[str] | None:
    """The tags the stream needs events for: what may be a child of the root (contexts, units, links, and
    elements of every other namespace the root declares), so that the elements inside them (most of a
    document) cost no Python at all. None — every element — when a namespace is declared below the root."""
    namespaces = root_namespaces(data)
    if namespaces is None or data.count(b"xmlns") != len(namespaces):
        return None
    return [_CONTEXT, _UNIT, "{}*"] + [f"{{{ns}}}*" for ns in sorted(set(namespaces.values()) - _NESTED_ONLY)]
