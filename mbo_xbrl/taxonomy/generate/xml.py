"""Small helpers for writing XBRL XML with lxml: namespaces, elements, links and locators."""

from __future__ import annotations

import posixpath

from lxml import etree

NS = {
    "xs": "http://www.w3.org/2001/XMLSchema",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "xbrli": "http://www.xbrl.org/2003/instance",
    "link": "http://www.xbrl.org/2003/linkbase",
    "xlink": "http://www.w3.org/1999/xlink",
    "xbrldt": "http://xbrl.org/2005/xbrldt",
    "ref": "http://www.xbrl.org/2006/ref",
    "xl": "http://www.xbrl.org/2003/XLink",
    "gen": "http://xbrl.org/2008/generic",
    "label": "http://xbrl.org/2008/label",
    "table": "http://xbrl.org/2014/table",
    "formula": "http://xbrl.org/2008/formula",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XBRL_INSTANCE_XSD = "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"
XBRL_LINKBASE_XSD = "http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd"
XBRLDT_XSD = "http://www.xbrl.org/2005/xbrldt-2005.xsd"
REF_XSD = "http://www.xbrl.org/2006/ref-2006-02-27.xsd"
STANDARD_LINK_ROLE = "http://www.xbrl.org/2003/role/link"


def q(qname: str) -> str:
    """Clark notation for a prefixed name of the fixed namespaces: q('xlink:href')."""
    prefix, local = qname.split(":")
    return f"{{{NS[prefix]}}}{local}"


def sub(parent: etree._Element, qname: str, text: str | None = None, **attrs: str) -> etree._Element:
    """Append a child element with unprefixed attributes (set prefixed ones with `q`)."""
    element = etree.SubElement(parent, q(qname))
    for name, value in attrs.items():
        element.set(name, value)
    if text is not None:
        element.text = text
    return element


def xlink(element: etree._Element, **attrs: str) -> etree._Element:
    """Set xlink attributes: xlink(loc, type="locator", href=...)."""
    for name, value in attrs.items():
        element.set(q(f"xlink:{name}"), value)
    return element


def arc(link: etree._Element, name: str, arcrole: str, frm: str, to: str, **extra: str) -> etree._Element:
    """An XLink arc of the given element name (`link:definitionArc`, `gen:arc`, ...) from one label to another."""
    element = xlink(sub(link, name), type="arc", arcrole=arcrole, **{"from": frm, "to": to})
    for key, value in extra.items():
        element.set(key, value)
    return element


def relative(from_file: str, to_file: str) -> str:
    """The relative href from one package file to another (both package-relative paths)."""
    return posixpath.relpath(to_file, posixpath.dirname(from_file) or ".")


def linkbase_root(extra_ns: dict[str, str] | None = None) -> etree._Element:
    nsmap = {k: NS[k] for k in ("link", "xlink", "xsi")} | (extra_ns or {})
    root = etree.Element(q("link:linkbase"), nsmap=nsmap)
    locations = ["http://www.xbrl.org/2003/linkbase", XBRL_LINKBASE_XSD]
    if extra_ns and "ref" in extra_ns:
        locations += ["http://www.xbrl.org/2006/ref", REF_XSD]
    root.set(q("xsi:schemaLocation"), " ".join(locations))
    return root


def serialise(root: etree._Element, header: str) -> bytes:
    """Pretty, UTF-8, with a declaration and a 'generated' comment: byte-stable for the same input."""
    root.addprevious(etree.Comment(f" {header} "))
    tree = etree.ElementTree(root)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
