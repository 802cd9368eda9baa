"""Writers of the form's generic linkbases: the link roles' labels and order, and the Table Linkbase 1.0 tables.

The sections and their tables are declared in `form.py`; this module only writes them as XML any
XBRL processor with the Table Linkbase reads (plain Arelle: `--renderedTableLinkbase form.html`).
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from mbo_xbrl.taxonomy.generate.form import Section, TableNode
from mbo_xbrl.taxonomy.generate.linkbases import role_ref
from mbo_xbrl.taxonomy.generate.model import LINKROLE_ORDER, LINKROLE_ORDER_ELEMENT, Concept, TaxonomyModel
from mbo_xbrl.taxonomy.generate.xml import NS, XML_LANG, arc, linkbase_root, q, relative, sub, xlink
from mbo_xbrl.taxonomy.releases import PARTS

GENERIC_LINK = "http://www.xbrl.org/2008/role/link"
GENERIC_LABEL = "http://www.xbrl.org/2008/role/label"
ELEMENT_LABEL = "http://xbrl.org/arcrole/2008/element-label"
TABLE_BREAKDOWN = "http://xbrl.org/arcrole/2014/table-breakdown"
BREAKDOWN_TREE = "http://xbrl.org/arcrole/2014/breakdown-tree"
NODE_SUBTREE = "http://xbrl.org/arcrole/2014/definition-node-subtree"
SCHEMAS = {
    NS["gen"]: "http://www.xbrl.org/2008/generic-link.xsd",
    NS["label"]: "http://www.xbrl.org/2008/generic-label.xsd",
    NS["table"]: "http://www.xbrl.org/2014/table.xsd",
    NS["formula"]: "http://www.xbrl.org/2008/formula.xsd",
}
LINKROLES_XSD = PARTS["linkroles"][1]


def _generic_root(namespaces: list[str], extra: dict[str, str] | None = None) -> etree._Element:
    """A linkbase root for generic links, with the schemas of the given fixed namespaces and any others."""
    root = linkbase_root({k: NS[k] for k in namespaces} | (extra or {}))
    locations = root.get(q("xsi:schemaLocation"), "").split()
    for prefix in namespaces:
        if NS[prefix] in SCHEMAS:
            locations += [NS[prefix], SCHEMAS[NS[prefix]]]
    root.set(q("xsi:schemaLocation"), " ".join(locations))
    return root


def _role_ref(root: etree._Element, uri: str, href: str) -> None:
    xlink(sub(root, "link:roleRef", roleURI=uri), type="simple", href=href)


def _arcrole_ref(root: etree._Element, uri: str, href: str) -> None:
    xlink(sub(root, "link:arcroleRef", arcroleURI=uri), type="simple", href=href)


def _label(link: etree._Element, frm: str, label: str, text: str, lang: str) -> None:
    resource = xlink(sub(link, "label:label"), type="resource", label=label, role=GENERIC_LABEL)
    resource.set(XML_LANG, lang)
    resource.set("id", label)
    resource.text = text
    arc(link, "gen:arc", ELEMENT_LABEL, frm, label)


def _role_type_locator(link: etree._Element, path: str, section: Section) -> str:
    """A locator of the section's role type (generic links point at role types as NT's do)."""
    loc = f"loc_{section.code}"
    xlink(sub(link, "link:loc"), type="locator", href=f"{relative(path, LINKROLES_XSD)}#mbo-lr_{section.code}",
          label=loc)
    return loc


def _label_refs(root: etree._Element) -> None:
    _role_ref(root, GENERIC_LINK, "http://www.xbrl.org/2008/generic-link.xsd#standard-link-role")
    _role_ref(root, GENERIC_LABEL, "http://www.xbrl.org/2008/generic-label.xsd#standard-label")
    _arcrole_ref(root, ELEMENT_LABEL, "http://www.xbrl.org/2008/generic-label.xsd#element-label")


def linkrole_label_linkbase(model: TaxonomyModel, lang: str, path: str) -> etree._Element:
    """Generic labels of the link roles (NT: *-linkroles-generic-lab-LANG.xml): the section headings."""
    root = _generic_root(["gen", "label"])
    _label_refs(root)
    link = xlink(sub(root, "gen:link"), type="extended", role=GENERIC_LINK)
    for section in model.sections:
        _label(link, _role_type_locator(link, path, section), f"lab_{section.code}_{lang}", section.heading_nl if lang == "nl" else section.heading_en,
               lang)
    return root


def linkrole_order_linkbase(model: TaxonomyModel, path: str) -> etree._Element:
    """Each section's place in the form (NT: *-generic-linkrole-order.xml with sbr:linkroleOrder)."""
    root = _generic_root(["gen"])
    _role_ref(root, GENERIC_LINK, "http://www.xbrl.org/2008/generic-link.xsd#standard-link-role")
    _arcrole_ref(root, model.linkrole_order_arcrole, f"{relative(path, LINKROLES_XSD)}#{LINKROLE_ORDER}")
    link = xlink(sub(root, "gen:link"), type="extended", role=GENERIC_LINK)
    namespace = model.release.namespace("linkroles")
    for section in model.sections:
        loc = _role_type_locator(link, path, section)
        order = etree.SubElement(link, f"{{{namespace}}}{LINKROLE_ORDER_ELEMENT}",
                                 nsmap={PARTS["linkroles"][0]: namespace})
        xlink(order, type="resource", label=f"order_{section.code}")
        order.set("id", f"order_{section.code}")
        order.text = f"{section.number}.0"
        arc(link, "gen:arc", model.linkrole_order_arcrole, loc, f"order_{section.code}")
    return root


class _TableWriter:
    """The tables of one section in one generic link, with their labels in a second linkbase per language."""

    def __init__(self, link: etree._Element, labels: dict[str, etree._Element], path: str,
                 label_paths: dict[str, str], role_uri: Callable[[str], str]) -> None:
        self.role_uri = role_uri
        self.link = link
        self.labels = labels
        self.path = path
        self.label_paths = label_paths
        self.count = 0

    def _resource(self, name: str, key: str, nl: str, en: str, labelled: bool = True, **attrs: str) -> etree._Element:
        element = xlink(sub(self.link, name, **attrs), type="resource", label=key)
        element.set("id", key)
        for lang, text in (("nl", nl), ("en", en)) if labelled else ():
            label_link = self.labels[lang]
            loc = f"loc_{key}"
            xlink(sub(label_link, "link:loc"), type="locator",
                  href=f"{relative(self.label_paths[lang], self.path)}#{key}", label=loc)
            _label(label_link, loc, f"lab_{key}_{lang}", text, lang)
        return element

    def table(self, section: Section) -> None:
        key = f"tab_{section.code}".replace(".", "_")
        table = section.table
        self._resource("table:table", key, section.heading_nl, section.heading_en, parentChildOrder="parent-first")
        breakdowns = [("x", 1, table.columns)] + [("y", n, trees) for n, trees in enumerate(table.rows, start=1)]
        for axis, order, trees in breakdowns:
            breakdown = f"{key}_{axis}{order}"
            element = xlink(sub(self.link, "table:breakdown", parentChildOrder="parent-first"),
                            type="resource", label=breakdown)
            element.set("id", breakdown)
            arc(self.link, "table:tableBreakdownArc", TABLE_BREAKDOWN, key, breakdown, axis=axis, order=str(order))
            for tree_order, tree in enumerate(trees, start=1):
                node = self.node(key, tree)
                arc(self.link, "table:breakdownTreeArc", BREAKDOWN_TREE, breakdown, node, order=str(tree_order))

    def node(self, table_key: str, node: TableNode) -> str:
        self.count += 1
        key = f"{table_key}_n{self.count}"
        if node.children_of is not None:  # its rows are the members it finds: labelled by theirs
            axis, source, role = node.children_of
            element = self._resource("table:dimensionRelationshipNode", key, "", "", labelled=False)
            sub(element, "table:relationshipSource").text = _qname(source)
            sub(element, "table:linkrole").text = self.role_uri(role)
            sub(element, "table:dimension").text = _qname(axis)
            sub(element, "table:formulaAxis").text = "child"
        elif node.open_axis is not None:  # an aspect node is labelled by the values it finds, never by a label
            element = self._resource("table:aspectNode", key, "", "", labelled=False)
            sub(element, "table:dimensionAspect").text = _qname(node.open_axis)
        else:
            attrs = {"abstract": "true"} if node.abstract else {}
            element = self._resource("table:ruleNode", key, node.label_nl, node.label_en, node.labelled, **attrs)
            if node.concept is not None:
                sub(sub(element, "formula:concept"), "formula:qname").text = _qname(node.concept)
            for axis, member in node.members:
                dimension = sub(element, "formula:explicitDimension", dimension=_qname(axis))
                sub(sub(dimension, "formula:member"), "formula:qname").text = _qname(member)
            if node.year is not None:
                sub(sub(element, "formula:period"), "formula:duration",
                     start=f"xs:date('{node.year}-01-01')", end=f"xs:date('{node.year}-12-31')")
        for order, child in enumerate(node.children, start=1):
            arc(self.link, "table:definitionNodeSubtreeArc", NODE_SUBTREE, key, self.node(table_key, child),
                 order=str(order))
        return key


def _qname(concept: Concept) -> str:
    return f"{concept.prefix}:{concept.name}"


def table_linkbases(model: TaxonomyModel, path: str, label_paths: dict[str, str]) -> dict[str, etree._Element]:
    """The form's tables (one generic link per section, in the section's link role) and their labels."""
    namespaces = {PARTS[part][0]: model.release.namespace(part) for part in ("data", "axes", "domains")}
    # the QNames in the rule nodes need their prefixes in scope: declared on the root
    root = _generic_root(["gen", "table", "formula"], namespaces | {"xs": NS["xs"]})
    _role_ref(root, GENERIC_LINK, "http://www.xbrl.org/2008/generic-link.xsd#standard-link-role")
    for section in model.sections:
        role_ref(root, model, section.code, path)
    for arcrole, anchor in ((TABLE_BREAKDOWN, "table-breakdown"), (BREAKDOWN_TREE, "breakdown-tree"),
                            (NODE_SUBTREE, "definition-node-subtree")):
        _arcrole_ref(root, arcrole, f"{SCHEMAS[NS['table']]}#{anchor}")
    label_roots: dict[str, etree._Element] = {}
    label_links: dict[str, etree._Element] = {}
    for lang in ("nl", "en"):
        label_roots[lang] = _generic_root(["gen", "label"])
        _label_refs(label_roots[lang])
        label_links[lang] = xlink(sub(label_roots[lang], "gen:link"), type="extended", role=GENERIC_LINK)
    for section in model.sections:
        link = xlink(sub(root, "gen:link"), type="extended", role=model.role_uri(section.code))
        _TableWriter(link, label_links, path, label_paths, model.role_uri).table(section)
    return {path: root} | {label_paths[lang]: label_roots[lang] for lang in ("nl", "en")}

