"""Writers of the linkbases: labels, references, presentation and definition (dimensions)."""

from __future__ import annotations

from lxml import etree

from mbo_xbrl.taxonomy.generate.model import Concept, Node, TaxonomyModel
from mbo_xbrl.taxonomy.generate.xml import NS, STANDARD_LINK_ROLE, XML_LANG, linkbase_root, relative, sub, xlink

LABEL = "http://www.xbrl.org/2003/role/label"
DOCUMENTATION = "http://www.xbrl.org/2003/role/documentation"
XDT_ARCROLES = ("all", "hypercube-dimension", "dimension-domain", "domain-member", "dimension-default")
XDT_ARCROLE_URI = "http://xbrl.org/int/dim/arcrole/"
PARENT_CHILD = "http://www.xbrl.org/2003/arcrole/parent-child"


class _Locators:
    """Locators of one extended link, each concept located once."""

    def __init__(self, link: etree._Element, linkbase_path: str) -> None:
        self.link = link
        self.path = linkbase_path
        self.labels: set[str] = set()

    def __call__(self, concept: Concept) -> str:
        label = f"loc_{concept.id}"
        if label not in self.labels:
            self.labels.add(label)
            loc = sub(self.link, "link:loc")
            xlink(loc, type="locator", href=f"{relative(self.path, concept.schema_path)}#{concept.id}", label=label)
        return label


def _arc(link: etree._Element, name: str, arcrole: str, frm: str, to: str, **extra: str) -> etree._Element:
    arc = sub(link, name)
    xlink(arc, type="arc", arcrole=arcrole, **{"from": frm, "to": to})
    for key, value in extra.items():
        arc.set(key, value)
    return arc


def label_linkbase(model: TaxonomyModel, part: str, lang: str, path: str) -> etree._Element:
    """Standard and documentation labels of one dictionary part in one language."""
    root = linkbase_root()
    link = xlink(sub(root, "link:labelLink"), type="extended", role=STANDARD_LINK_ROLE)
    locate = _Locators(link, path)
    for c in model.concepts_in(part):
        texts = [(LABEL, c.label_nl if lang == "nl" else c.label_en),
                 (DOCUMENTATION, c.doc_nl if lang == "nl" else c.doc_en)]
        for role, text in texts:
            if not text:
                continue
            kind = "label" if role == LABEL else "documentation"
            label = f"lab_{c.id}_{kind}_{lang}"
            resource = xlink(sub(link, "link:label", text), type="resource", label=label, role=role)
            resource.set(XML_LANG, lang)
            resource.set("id", label)
            _arc(link, "link:labelArc", "http://www.xbrl.org/2003/arcrole/concept-label", locate(c), label)
    return root


def reference_linkbase(model: TaxonomyModel, part: str, path: str) -> etree._Element:
    """References to the Werkagenda objective and the monitoring-plan indicator."""
    root = linkbase_root({"ref": NS["ref"]})
    link = xlink(sub(root, "link:referenceLink"), type="extended", role=STANDARD_LINK_ROLE)
    locate = _Locators(link, path)
    for c in model.concepts_in(part):
        for n, reference in enumerate(c.references, start=1):
            label = f"ref_{c.id}_{n}"
            resource = xlink(sub(link, "link:reference"), type="resource", label=label, role=reference.role)
            resource.set("id", label)
            for name, value in reference.parts:
                sub(resource, f"ref:{name}", value)
            _arc(link, "link:referenceArc", "http://www.xbrl.org/2003/arcrole/concept-reference", locate(c), label)
    return root


def _role_ref(root: etree._Element, model: TaxonomyModel, code: str, path: str) -> None:
    ref = sub(root, "link:roleRef", roleURI=model.role_uri(code))
    xlink(ref, type="simple", href=f"{relative(path, 'dictionary/mbo-linkroles.xsd')}#mbo-lr_{code}")


def presentation_linkbase(model: TaxonomyModel, path: str) -> etree._Element:
    """Presentation by priority and objective, one link role per section of the filing."""
    root = linkbase_root()
    for role in model.presentation_roles:
        _role_ref(root, model, role.code, path)
    for role in model.presentation_roles:
        link = xlink(sub(root, "link:presentationLink"), type="extended", role=model.role_uri(role.code))
        locate = _Locators(link, path)

        def walk(node: Node) -> None:
            for order, child in enumerate(node.children, start=1):
                _arc(link, "link:presentationArc", PARENT_CHILD, locate(node.concept), locate(child.concept),
                     order=str(order))
                walk(child)

        walk(role.root)
    return root


def definition_linkbase(model: TaxonomyModel, path: str) -> etree._Element:
    """Hypercubes: closed tables in the scenario, one link role per group of line items."""
    root = linkbase_root({"xbrldt": NS["xbrldt"]})
    codes = [r.code for r in model.definition_roles] + ["dimension-defaults"]
    for code in codes:
        _role_ref(root, model, code, path)
    for arcrole in XDT_ARCROLES:
        ref = sub(root, "link:arcroleRef", arcroleURI=XDT_ARCROLE_URI + arcrole)
        xlink(ref, type="simple", href=f"http://www.xbrl.org/2005/xbrldt-2005.xsd#{arcrole}")
    dim = XDT_ARCROLE_URI
    for role in model.definition_roles:
        link = xlink(sub(root, "link:definitionLink"), type="extended", role=model.role_uri(role.code))
        locate = _Locators(link, path)
        head = locate(role.head)
        all_arc = _arc(link, "link:definitionArc", dim + "all", head, locate(role.table))
        all_arc.set(f"{{{NS['xbrldt']}}}contextElement", "scenario")
        all_arc.set(f"{{{NS['xbrldt']}}}closed", "true")
        for order, item in enumerate(role.items, start=1):
            _arc(link, "link:definitionArc", dim + "domain-member", head, locate(item), order=str(order))
        for order, d in enumerate(role.dimensions, start=1):
            axis = locate(d.axis)
            _arc(link, "link:definitionArc", dim + "hypercube-dimension", locate(role.table), axis, order=str(order))
            if d.domain is None:
                continue
            domain_arc = _arc(link, "link:definitionArc", dim + "dimension-domain", axis, locate(d.domain))
            if not d.domain_usable:
                domain_arc.set(f"{{{NS['xbrldt']}}}usable", "false")
            for member_order, member in enumerate(d.members, start=1):
                _arc(link, "link:definitionArc", dim + "domain-member", locate(d.domain), locate(member),
                     order=str(member_order))
    link = xlink(sub(root, "link:definitionLink"), type="extended", role=model.role_uri("dimension-defaults"))
    locate = _Locators(link, path)
    for axis, member in model.defaults:
        _arc(link, "link:definitionArc", dim + "dimension-default", locate(axis), locate(member))
    return root
