"""One streaming pass over a filing's XML: what the layers before Arelle need to know about the file.

The stream says what it saw (a DOCTYPE, the root element, a structure beyond the limits) and reads the
raw instance and certifies it on the way; it makes no findings: the rules layer does
(`mbo_xbrl.rules.precheck`). The XML parser never resolves entities, never loads a DTD and never uses
the network.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

from lxml import etree

from mbo_xbrl.limits import Limits
from mbo_xbrl.parsing.certify import Certifier
from mbo_xbrl.parsing.instance import LINK, XBRLDI, XBRLI, XLINK, XML_NS, XSI, InstanceReader
from mbo_xbrl.parsing.structure import element_estimate, root_namespaces, too_many_elements
from mbo_xbrl.taxonomy.view import TaxonomyView


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, collect_ids=False)


class Stream:
    """One streaming pass over the document: the root is checked when its first descendant ends, each
    child of the root is counted, read (raw instance) and certified when it ends, and then dropped.
    Memory holds the raw instance and one child of the root at a time, never the document's tree
    (which lxml makes about six times the size of the file)."""

    def __init__(self, limits: Limits, view: TaxonomyView | Mapping[str, TaxonomyView] | None) -> None:
        self.limits = limits
        self.view = view
        self.doctype: tuple[int, bool] | None = None  # (line, with entity declarations) of a DOCTYPE
        self.root: tuple[str, int | None] | None = None  # (tag, line) of a root that is not xbrli:xbrl
        self.excess: tuple[str, int, int] | None = None
        self.reader: InstanceReader | None = None
        self.certifier: Certifier | None = None
        self.counts = {"facts": 0, "contexts": 0, "units": 0}
        self.elements = 0  # an upper bound of the elements of the document (`element_estimate`)
        # one XPath, run in C on each child of the root: an element with too many attributes, or too deep
        self._crowded_or_deep = etree.XPath(
            f"boolean(descendant-or-self::*[count(@*) > {limits.max_attributes}]"
            f" | {'/'.join(['*'] * max(1, limits.max_depth - 1))})")

    def read(self, data: bytes) -> Stream:
        self.elements = element_estimate(data)
        elements = too_many_elements(data, self.limits.max_elements, self.elements)
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

    def _over(self, what: str, counted: int, limit: int) -> Stream:
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
            self.doctype = (1, entities)
            return False
        if root.tag != _INSTANCE:
            self.root = (root.tag, root.sourceline)
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


_CONTEXT, _UNIT, _INSTANCE = f"{{{XBRLI}}}context", f"{{{XBRLI}}}unit", f"{{{XBRLI}}}xbrl"
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
