"""Filings written as other software writes them: the same facts, other legal XBRL.

Institutions file from their own software, which writes XBRL differently from our writer: other
prefixes, the instance namespace as the default, an arcrole on the schemaRef, schema locations on
the root, `precision` instead of `decimals`, periods as date-times, a context per fact, scenario
members in another order, ids and `xml:lang` on facts, padded identifiers, other unit ids. Each
style here rewrites a filing of ours that way without changing what it means in XBRL, so every
rule must give the same verdict on the result; the tests and the benchmark use them to prove it.

    restyle(data, ["precision", "date-times"])      # one or more styles
    restyle(data, STYLES)                           # all of them at once
    foreign_sector(files, seed)                     # a mix per filing, as a sector of many vendors
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

from lxml import etree

from mbo_xbrl.parsing.instance import LINK, XBRLI, XLINK, XML_NS, XSI
from mbo_xbrl.taxonomy.releases import CURRENT, ENTRY_POINTS, PARTS

STYLES = ("prefixes", "schema-ref-arcrole", "schema-location", "precision", "date-times", "context-per-fact",
          "scenario-order", "fact-ids", "fact-lang", "identifier-spacing", "unit-ids")
# Our prefix -> another vendor's ("" makes it the default namespace).
OTHER_PREFIXES = {"xbrli": "", "link": "lnk", "xlink": "xl", "xbrldi": "xdi", "iso4217": "ISO4217",
                  "mbo-i": "ocw", "mbo-dim": "dim", "mbo-dm": "dom", "mbo-types": "typ"}
_LINKBASE_ARCROLE = "http://www.w3.org/1999/xlink/properties/linkbase"


def restyle(data: bytes, styles: Iterable[str]) -> bytes:
    """`data` (a filing of our writer) rewritten in the given styles; the facts mean the same in XBRL."""
    styles = list(styles)
    unknown = set(styles) - set(STYLES)
    if unknown:
        raise ValueError(f"unknown styles: {', '.join(sorted(unknown))}")
    root = etree.fromstring(data)
    for style in STYLES:  # a fixed order, whatever order they were asked in
        if style in styles and style in _REWRITE:
            _REWRITE[style](root)
    text = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    if "schema-location" in styles:
        text = _schema_location(text)
    return _other_prefixes(text) if "prefixes" in styles else text


def foreign_sector(files: dict[str, bytes], seed: int = 0) -> dict[str, bytes]:
    """Each filing (`.xbrl`) of a sector in a mix of styles: three to all of them, chosen at random (seeded);
    other files as they are."""
    rng = random.Random(seed)
    out = {}
    for name in sorted(files):
        if name.endswith(".xbrl"):
            out[name] = restyle(files[name], rng.sample(STYLES, rng.randint(3, len(STYLES))))
        else:
            out[name] = files[name]
    return out


def _facts(root: etree._Element) -> list[etree._Element]:
    return [e for e in root if isinstance(e.tag, str) and not e.tag.startswith((f"{{{XBRLI}}}", f"{{{LINK}}}"))]


def _schema_ref_arcrole(root: etree._Element) -> None:
    root.find(f"{{{LINK}}}schemaRef").set(f"{{{XLINK}}}arcrole", _LINKBASE_ARCROLE)


def _schema_location(text: bytes) -> bytes:
    """Schema locations on the root for the instance namespace and two of ours, as many tools add them.

    Written into the text: lxml cannot add a namespace declaration to a parsed element without
    dropping the ones only QName values use."""
    named = re.search(rb'<link:schemaRef[^>]*xlink:href="([^"]+)"', text)
    entry_point = ENTRY_POINTS.get(named.group(1).decode() if named else "", CURRENT.funded)  # its own release's
    release = entry_point.release
    pairs = [XBRLI, "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd",
             release.namespace("data"), release.base_url + PARTS["data"][1],
             entry_point.url.rsplit(".", 1)[0], entry_point.url]  # the entry point's namespace
    attributes = f'xmlns:xsi="{XSI}" xsi:schemaLocation="{" ".join(pairs)}" '
    return text.replace(b"<xbrli:xbrl ", b"<xbrli:xbrl " + attributes.encode(), 1)


def _precision(root: etree._Element) -> None:
    """`precision` instead of `decimals`, with the same meaning: the digits up to the decimals' place."""
    for fact in _facts(root):
        decimals = fact.attrib.pop("decimals", None)
        if decimals is None:
            continue
        value = Decimal(fact.text.strip())
        if decimals == "INF" or value.is_zero():
            precision = "INF"  # a zero is exact whatever its precision (XBRL 2.1, 4.6.6)
        else:
            precision = str(max(1, int(decimals) + value.adjusted() + 1))
        fact.set("precision", precision)


def _date_times(root: etree._Element) -> None:
    """Periods as date-times: a start date at 00:00 of that day, an end date at 00:00 of the next day."""
    for element in root.iter(f"{{{XBRLI}}}startDate", f"{{{XBRLI}}}endDate", f"{{{XBRLI}}}instant"):
        day = date.fromisoformat(element.text.strip())
        if not element.tag.endswith("startDate"):
            day += timedelta(days=1)
        element.text = f"{day.isoformat()}T00:00:00"


def _context_per_fact(root: etree._Element) -> None:
    """Each fact in a context of its own (ids c1, c2, ...), as record-oriented exporters write them."""
    contexts = {c.get("id"): c for c in root.iter(f"{{{XBRLI}}}context")}
    facts = _facts(root)
    for context in contexts.values():
        root.remove(context)
    anchor = root.find(f"{{{LINK}}}schemaRef")
    for n, fact in enumerate(facts, 1):
        copy = etree.fromstring(etree.tostring(contexts[fact.get("contextRef")]))
        copy.set("id", f"c{n}")
        fact.set("contextRef", f"c{n}")
        anchor.addnext(copy)
        anchor = copy


def _scenario_order(root: etree._Element) -> None:
    for scenario in root.iter(f"{{{XBRLI}}}scenario"):
        members = list(scenario)
        for member in members:
            scenario.remove(member)
        for member in reversed(members):
            scenario.append(member)


def _fact_ids(root: etree._Element) -> None:
    for n, fact in enumerate(_facts(root), 1):
        fact.set("id", f"F{n:05d}")


def _fact_lang(root: etree._Element) -> None:
    for fact in _facts(root):
        if fact.get("unitRef") is None:
            fact.set(f"{{{XML_NS}}}lang", "nl-NL")


def _identifier_spacing(root: etree._Element) -> None:
    for identifier in root.iter(f"{{{XBRLI}}}identifier"):
        identifier.text = f"\n        {identifier.text.strip()}\n      "


def _unit_ids(root: etree._Element) -> None:
    renamed = {}
    for unit in root.iter(f"{{{XBRLI}}}unit"):
        renamed[unit.get("id")] = f"u{len(renamed) + 1}"
        unit.set("id", renamed[unit.get("id")])
    for fact in _facts(root):
        if fact.get("unitRef") in renamed:
            fact.set("unitRef", renamed[fact.get("unitRef")])


_REWRITE = {"schema-ref-arcrole": _schema_ref_arcrole, "precision": _precision,
            "date-times": _date_times, "context-per-fact": _context_per_fact, "scenario-order": _scenario_order,
            "fact-ids": _fact_ids, "fact-lang": _fact_lang, "identifier-spacing": _identifier_spacing,
            "unit-ids": _unit_ids}


def _other_prefixes(text: bytes) -> bytes:
    """Every prefix of ours replaced by another vendor's, in tags, attributes and QName values alike."""
    out = text.decode("utf-8")
    for ours, theirs in OTHER_PREFIXES.items():
        declaration = f"xmlns:{theirs}=" if theirs else "xmlns="
        out = out.replace(f"xmlns:{ours}=", declaration)
        out = re.sub(rf"(?<![\w.:-]){re.escape(ours)}:(?=[A-Za-z_])", f"{theirs}:" if theirs else "", out)
    return out.encode("utf-8")
