"""Writers of the linkbases: labels, references, presentation and definition (dimensions)."""

from __future__ import annotations

from lxml import etree

from mbo_xbrl.taxonomy.generate.form import DIMENSION_DEFAULTS_ROLE, helper_roles
from mbo_xbrl.taxonomy.generate.model import Concept, Dimension, Node, TaxonomyModel
from mbo_xbrl.taxonomy.generate.xml import NS, STANDARD_LINK_ROLE, XML_LANG, arc, linkbase_root, relative, sub, xlink

LABEL = "http://www.xbrl.org/2003/role/label"
TERSE = "http://www.xbrl.org/2003/role/terseLabel"
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


def label_linkbase(model: TaxonomyModel, part: str, lang: str, path: str) -> etree._Element:
    """Standard, terse and documentation labels of one dictionary part in one language."""
    root = linkbase_root()
    link = xlink(sub(root, "link:labelLink"), type="extended", role=STANDARD_LINK_ROLE)
    locate = _Locators(link, path)
    for c in model.concepts_in(part):
        texts = [(LABEL, c.label_nl if lang == "nl" else c.label_en),
                 (TERSE, c.terse_nl if lang == "nl" else c.terse_en),
                 (DOCUMENTATION, c.doc_nl if lang == "nl" else c.doc_en)]
        for role, text in texts:
            if not text:
                continue
            kind = {LABEL: "label", TERSE: "terse", DOCUMENTATION: "documentation"}[role]
            label = f"lab_{c.id}_{kind}_{lang}"
            resource = xlink(sub(link, "link:label", text), type="resource", label=label, role=role)
            resource.set(XML_LANG, lang)
            resource.set("id", label)
            arc(link, "link:labelArc", "http://www.xbrl.org/2003/arcrole/concept-label", locate(c), label)
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
            arc(link, "link:referenceArc", "http://www.xbrl.org/2003/arcrole/concept-reference", locate(c), label)
    return root


def role_ref(root: etree._Element, model: TaxonomyModel, code: str, path: str) -> None:
    ref = sub(root, "link:roleRef", roleURI=model.role_uri(code))
    xlink(ref, type="simple", href=f"{relative(path, 'dictionary/mbo-linkroles.xsd')}#mbo-lr_{code}")


def presentation_linkbase(model: TaxonomyModel, path: str) -> etree._Element:
    """The form's sections as presentation trees, one link role per section."""
    root = linkbase_root()
    for section in model.sections:
        role_ref(root, model, section.code, path)
    for section in model.sections:
        link = xlink(sub(root, "link:presentationLink"), type="extended", role=model.role_uri(section.code))
        locate = _Locators(link, path)

        def walk(node: Node) -> None:
            for order, child in enumerate(node.children, start=1):
                arc(link, "link:presentationArc", PARENT_CHILD, locate(node.concept), locate(child.concept),
                     order=str(order))
                walk(child)

        walk(section.presentation)
    return root


def definition_linkbase(model: TaxonomyModel, path: str) -> etree._Element:
    """Hypercubes: closed tables in the scenario, in the link role of the form section they belong to."""
    root = linkbase_root({"xbrldt": NS["xbrldt"]})
    codes = [s.code for s in model.sections] + list(helper_roles(model.sections))
    for code in codes:
        role_ref(root, model, code, path)
    negated = any(cube.negated for section in model.sections for cube in section.hypercubes)
    for arcrole in XDT_ARCROLES + (("notAll",) if negated else ()):
        ref = sub(root, "link:arcroleRef", arcroleURI=XDT_ARCROLE_URI + arcrole)
        xlink(ref, type="simple", href=f"http://www.xbrl.org/2005/xbrldt-2005.xsd#{arcrole}")
    elsewhere: dict[str, list[Dimension]] = {}
    for section in model.sections:
        link = xlink(sub(root, "link:definitionLink"), type="extended", role=model.role_uri(section.code))
        arc = _Arcs(link, path)
        for cube in section.hypercubes:
            head = arc.locate(cube.head)
            all_arc = arc("notAll" if cube.negated else "all", head, arc.locate(cube.table))
            all_arc.set(f"{{{NS['xbrldt']}}}contextElement", "scenario")
            all_arc.set(f"{{{NS['xbrldt']}}}closed", "false" if cube.negated else "true")
            for order, item in enumerate(cube.items, start=1):
                arc("domain-member", head, arc.locate(item), order=str(order))
            if cube.dimensions_role:
                all_arc.set(f"{{{NS['xbrldt']}}}targetRole", model.role_uri(cube.dimensions_role))
                if cube.dimensions_role not in elsewhere:
                    elsewhere[cube.dimensions_role] = []
                    own = xlink(sub(root, "link:definitionLink"), type="extended",
                                role=model.role_uri(cube.dimensions_role))
                    _dimensions(model, _Arcs(own, path), [(cube.table, d) for d in cube.dimensions], elsewhere)
        _dimensions(model, arc, [(cube.table, d) for cube in section.hypercubes if not cube.dimensions_role
                                 for d in cube.dimensions], elsewhere)
    for code, dims in elsewhere.items():
        if not dims:
            continue
        link = xlink(sub(root, "link:definitionLink"), type="extended", role=model.role_uri(code))
        arc = _Arcs(link, path)
        for d in dims:
            _domain(arc, d)
    link = xlink(sub(root, "link:definitionLink"), type="extended", role=model.role_uri(DIMENSION_DEFAULTS_ROLE))
    arc = _Arcs(link, path)
    for axis, member in model.defaults:
        arc("dimension-default", arc.locate(axis), arc.locate(member))
    return root


def _dimensions(model: TaxonomyModel, arc: _Arcs, pairs: list[tuple[Concept, Dimension]],
                elsewhere: dict[str, list[Dimension]]) -> None:
    """Hypercube-dimension arcs and the domains of one link role (one tree per axis); a dimension whose
    domain lives in another role is noted in `elsewhere` under that role."""
    order_of: dict[str, int] = {}
    domains: dict[str, Dimension] = {}
    for hypercube, d in pairs:
        order_of[hypercube.id] = order_of.get(hypercube.id, 0) + 1
        to_axis = arc("hypercube-dimension", arc.locate(hypercube), arc.locate(d.axis), order=str(order_of[hypercube.id]))
        if d.target_role:
            to_axis.set(f"{{{NS['xbrldt']}}}targetRole", model.role_uri(d.target_role))
            listed = elsewhere.setdefault(d.target_role, [])
            if d.key() not in [x.key() for x in listed]:
                listed.append(d)
        elif d.domain is not None:
            same = domains.setdefault(d.axis.id, d)
            if same != d:  # one role holds one tree per axis: hypercubes may only share it unchanged
                raise ValueError(f"two domains for {d.axis.id} in one link role; give one a target role")
    for d in domains.values():
        _domain(arc, d)


class _Arcs:
    """Definition arcs of one extended link: each relationship written once."""

    def __init__(self, link: etree._Element, path: str) -> None:
        self.link = link
        self.locate = _Locators(link, path)
        self.written: dict[tuple[str, str, str], etree._Element] = {}

    def __call__(self, arcrole: str, frm: str, to: str, **extra: str) -> etree._Element:
        key = (arcrole, frm, to)
        if key not in self.written:
            self.written[key] = arc(self.link, "link:definitionArc", XDT_ARCROLE_URI + arcrole, frm, to, **extra)
        return self.written[key]


def _domain(arc: _Arcs, d: Dimension) -> None:
    assert d.domain is not None
    domain = arc("dimension-domain", arc.locate(d.axis), arc.locate(d.domain))
    if not d.domain_usable:
        domain.set(f"{{{NS['xbrldt']}}}usable", "false")
    for order, member in enumerate(d.members, start=1):
        arc("domain-member", arc.locate(d.domain), arc.locate(member), order=str(order))
