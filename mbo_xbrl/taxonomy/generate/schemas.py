"""Writers of the taxonomy's schemas: the types, the dictionary parts, the link roles, the entry point."""

from __future__ import annotations

from lxml import etree

from mbo_xbrl.catalogue import Catalogue
from mbo_xbrl.taxonomy import names
from mbo_xbrl.taxonomy.generate.form import helper_roles
from mbo_xbrl.taxonomy.generate.model import LINKROLE_ORDER, LINKROLE_ORDER_ELEMENT, Concept, TaxonomyModel
from mbo_xbrl.taxonomy.generate.xml import NS, XBRL_INSTANCE_XSD, XBRLDT_XSD, q, relative, sub
from mbo_xbrl.taxonomy.releases import PARTS


def _schema(model: TaxonomyModel, part: str, extra: dict[str, str]) -> etree._Element:
    prefix, _ = PARTS[part]
    nsmap = {"xs": NS["xs"], "xbrli": NS["xbrli"], "link": NS["link"], "xlink": NS["xlink"], prefix: model.release.namespace(part)}
    nsmap |= extra
    root = etree.Element(q("xs:schema"), nsmap=nsmap)
    root.set("targetNamespace", model.release.namespace(part))
    root.set("elementFormDefault", "qualified")
    root.set("attributeFormDefault", "unqualified")
    return root


def _import(root: etree._Element, namespace: str, location: str) -> None:
    sub(root, "xs:import", namespace=namespace, schemaLocation=location)


def types_schema(model: TaxonomyModel, catalogue: Catalogue) -> etree._Element:
    """Item types: numbers per unit kind, non-empty text, and the enumerations of own indicators."""
    root = _schema(model, "types", {})
    _import(root, NS["xbrli"], XBRL_INSTANCE_XSD)

    def restriction(name: str, base: str, facets: list[tuple[str, str]], doc: str) -> None:
        complex_type = sub(root, "xs:complexType", name=name)
        sub(sub(complex_type, "xs:annotation"), "xs:documentation", doc)
        content = sub(complex_type, "xs:simpleContent")
        r = sub(content, "xs:restriction", base=base)
        for facet, value in facets:
            sub(r, f"xs:{facet}", value=value)

    restriction("percentageItemType", "xbrli:decimalItemType", [], "A percentage from 0 to 100 (not a fraction).")
    restriction("markItemType", "xbrli:decimalItemType", [], "A report mark from 1 to 10.")
    restriction("countItemType", "xbrli:decimalItemType", [], "A count or a mean count (not negative).")
    restriction("ratioItemType", "xbrli:decimalItemType", [], "A ratio of two counts.")
    restriction("textItemType", "xbrli:stringItemType", [("minLength", "1")],
                "Text that is not empty (FR-NL: no empty items).")
    units = [u.code for u in catalogue.units if u.code != "euro"]
    restriction("unitCodeItemType", "xbrli:stringItemType", [("enumeration", u) for u in units],
                "The unit of an own indicator.")
    restriction("directionItemType", "xbrli:stringItemType", [("enumeration", d) for d in ("higher", "lower")],
                "Which way an indicator improves.")
    element = sub(root, "xs:element", name=names.OWN_INDICATOR_CODE, id=f"mbo-types_{names.OWN_INDICATOR_CODE}")
    sub(sub(element, "xs:annotation"), "xs:documentation",
        "The institution's own code for an own indicator: letters, digits, '.', '_' or '-', at most 40.")
    simple = sub(sub(element, "xs:simpleType"), "xs:restriction", base="xs:token")
    sub(simple, "xs:pattern", value="[A-Za-z0-9][A-Za-z0-9._\\-]{0,39}")
    return root


def concept_schema(model: TaxonomyModel, part: str) -> etree._Element:
    """One dictionary part: its concepts as xs:element declarations."""
    extra: dict[str, str] = {}
    concepts = model.concepts_in(part)
    types_prefix = PARTS["types"][0]
    uses_types = any(c.type.startswith(types_prefix + ":") for c in concepts)
    uses_dt = any(c.substitution_group.startswith("xbrldt:") for c in concepts)
    if uses_types:
        extra[types_prefix] = model.release.namespace("types")
    if uses_dt:
        extra["xbrldt"] = NS["xbrldt"]
    root = _schema(model, part, extra)
    _import(root, NS["xbrli"], XBRL_INSTANCE_XSD)
    if uses_dt:
        _import(root, NS["xbrldt"], XBRLDT_XSD)
    if uses_types:
        _import(root, model.release.namespace("types"), relative(PARTS[part][1], PARTS["types"][1]))
    for c in concepts:
        _element(root, c)
    return root


def _element(root: etree._Element, c: Concept) -> None:
    attrs = {
        "name": c.name,
        "id": c.id,
        "type": c.type,
        "substitutionGroup": c.substitution_group,
        "abstract": "true" if c.abstract else "false",
        "nillable": "false",
    }
    element = sub(root, "xs:element", **attrs)
    element.set(q("xbrli:periodType"), "duration")
    if c.balance:
        element.set(q("xbrli:balance"), c.balance)
    if c.typed_domain_ref:
        element.set(q("xbrldt:typedDomainRef"), c.typed_domain_ref)


def linkroles_schema(model: TaxonomyModel) -> etree._Element:
    """The link roles: one per form section (presentation, definition and tables share it), plus the
    definition-only roles; and, NT-style, the element and arcrole that give each section its place."""
    root = _schema(model, "linkroles", {"xl": NS["xl"], "gen": NS["gen"]})
    appinfo = sub(sub(root, "xs:annotation"), "xs:appinfo")
    order = sub(appinfo, "link:arcroleType", arcroleURI=model.linkrole_order_arcrole, id=LINKROLE_ORDER,
                cyclesAllowed="none")
    sub(order, "link:definition", "Volgorde van een linkrol in het formulier / Order of a link role in the form")
    sub(order, "link:usedOn", "gen:arc")
    for section in model.sections:
        _role_type(appinfo, model, section.code, f"{section.heading_nl} / {section.heading_en}",
                   ["link:presentationLink", "link:definitionLink", "gen:link"])
    for code, (nl, en) in helper_roles(model.sections).items():
        _role_type(appinfo, model, code, f"{nl} / {en}", ["link:definitionLink"])
    _import(root, NS["xl"], "http://www.xbrl.org/2003/xl-2003-12-31.xsd")
    element = sub(root, "xs:element", name=LINKROLE_ORDER_ELEMENT, id=f"mbo-lr_{LINKROLE_ORDER_ELEMENT}",
                  substitutionGroup="xl:resource")
    sub(sub(element, "xs:annotation"), "xs:documentation",
        "The position of a link role in the form (as NT's sbr:linkroleOrder): a decimal, lowest first.")
    complex_content = sub(sub(element, "xs:complexType", mixed="true"), "xs:complexContent", mixed="true")
    sub(complex_content, "xs:extension", base="xl:resourceType")  # text: the order; xlink attributes from xl
    return root


def _role_type(appinfo: etree._Element, model: TaxonomyModel, code: str, title: str, used_on: list[str]) -> None:
    role_type = sub(appinfo, "link:roleType", roleURI=model.role_uri(code), id=f"mbo-lr_{code}")
    sub(role_type, "link:definition", title)
    for element in used_on:
        sub(role_type, "link:usedOn", element)


def entry_point_schema(model: TaxonomyModel, linkbases: list[tuple[str, str | None]],
                       path: str | None = None) -> etree._Element:
    """An entry point (by default the funded one): imports every schema and refers to its linkbases (NT style)."""
    release = model.release
    path = path or release.entry_point_path
    root = etree.Element(q("xs:schema"), nsmap={"xs": NS["xs"], "link": NS["link"], "xlink": NS["xlink"],
                                                 "mbo-vgr": release.namespace(path.removesuffix(".xsd"))})
    root.set("targetNamespace", release.namespace(path.removesuffix(".xsd")))
    root.set("elementFormDefault", "qualified")
    appinfo = sub(sub(root, "xs:annotation"), "xs:appinfo")
    for lb_path, lb_role in linkbases:
        ref = sub(appinfo, "link:linkbaseRef")
        ref.set(q("xlink:type"), "simple")
        ref.set(q("xlink:href"), relative(path, lb_path))
        if lb_role is not None:
            ref.set(q("xlink:role"), lb_role)
        ref.set(q("xlink:arcrole"), "http://www.w3.org/1999/xlink/properties/linkbase")
    for part in ("data", "axes", "domains", "linkroles", "abstracts", "tables"):
        _import(root, release.namespace(part), relative(path, PARTS[part][1]))
    return root
