"""A filing as an Inline XBRL 1.1 progress section (voortgangsparagraaf): one document for the annual report
and the machine.

The document follows the form, as the workbook does (`mbo_xbrl.workbook.layout`): per section of the
taxonomy's form a table with its rows and columns, every value in it tagged with its concept, context
and unit. Numbers are written as the language writes them and read back through the standard
transformation registry (ixt 4: `num-comma-decimal` in Dutch, `num-dot-decimal` in English; a
negative amount with `sign="-"`), choices as ja/nee through `fixed-true` / `fixed-false`. The contexts
and units are those of the project's writer, so the rendered document carries the same facts as the
filing it was made from (tests/inline/test_render.py loads both in plain Arelle and compares them).

The page is self-contained (its styles inline, no script, no external reference) and prints on A4.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from decimal import Decimal

from lxml import etree

from mbo_xbrl import formats
from mbo_xbrl.filing.writer import write_instance
from mbo_xbrl.limits import Limits
from mbo_xbrl.parsing.filing import read_filing
from mbo_xbrl.rules.precheck import precheck
from mbo_xbrl.taxonomy import names
from mbo_xbrl.taxonomy.releases import RELEASES
from mbo_xbrl.workbook.content import Identity, content_from_values, fact_key, keyed_values
from mbo_xbrl.workbook.layout import FactKey, layout_for
from mbo_xbrl.workbook.make import read_instance
from mbo_xbrl.workbook.words import BOOLEAN_WORDS
from mbo_xbrl.workbook.write import own_rows_for

XHTML = "http://www.w3.org/1999/xhtml"
IX = "http://www.xbrl.org/2013/inlineXBRL"
IXT = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
NUMBER_FORMAT = {"nl": "ixt:num-comma-decimal", "en": "ixt:num-dot-decimal"}
WORDS = {
    "nl": {"title": "Voortgangsparagraaf Werkagenda mbo en Stagepact", "year": "verslagjaar", "release": "taxonomie",
           "institution": "instelling", "made": "Gemaakt met mbo-xbrl; elk getal en elke tekst in deze paragraaf is "
           "gelabeld met Inline XBRL en leesbaar voor een XBRL-processor."},
    "en": {"title": "Progress section Werkagenda mbo and Stagepact", "year": "reporting year", "release": "taxonomy",
           "institution": "institution", "made": "Made with mbo-xbrl; every number and text in this section is tagged "
           "with Inline XBRL and readable by an XBRL processor."},
}
STYLE = """
@page { size: A4; margin: 18mm 15mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #1f2937; max-width: 190mm; margin: 0 auto; }
h1 { font-size: 16pt; margin-bottom: 2pt; } h2 { font-size: 12pt; margin-top: 16pt; break-after: avoid; }
p.identity { color: #4b5563; margin-top: 0; }
table { border-collapse: collapse; width: 100%; break-inside: auto; margin-bottom: 6pt; }
th, td { border: 0.5pt solid #9ca3af; padding: 2pt 4pt; vertical-align: top; }
th { background: #e5edf7; text-align: left; } td.n { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; } tr.group td { font-weight: bold; background: #f3f4f6; }
td.label { width: 45%; } .indent1 { padding-left: 12pt; } .indent2 { padding-left: 24pt; }
p.footer { margin-top: 18pt; color: #6b7280; font-size: 8pt; }
@media print { h2 { break-before: auto; } }
"""


def render(data: bytes, lang: str = "nl", limits: Limits | None = None) -> bytes:
    """The Inline XBRL document of a filing (any writer's instance of our taxonomy), as UTF-8 bytes."""
    filing = read_instance(data, limits or Limits())
    values, _ = keyed_values(filing)
    identity = Identity(filing.institution, filing.report_year, filing.release, filing.funded)
    release = RELEASES[identity.release]
    entry_point = release.funded if identity.funded else release.non_funded
    name = next((str(v) for k, v in values.items() if k.local == names.INSTITUTION_NAME), None)
    content = content_from_values(identity, name, values, entry_point.catalogue)
    canonical = write_instance(content, entry_point.catalogue, release, entry_point)
    return _Document(canonical, identity, name, lang).build()


class _Document:
    def __init__(self, canonical: bytes, identity: Identity, name: str | None, lang: str) -> None:
        self.instance = etree.fromstring(canonical)
        pre = precheck(canonical, Limits())
        self.filing = read_filing(pre.raw)
        self.identity, self.name, self.lang = identity, name, lang
        self.facts = {}  # key -> the instance's fact element
        values, _ = keyed_values(self.filing)
        own_rows, self.placeholders = own_rows_for(values, [o.code for o in self.filing.catalogue.objectives])
        self.layout = layout_for(identity.release, identity.funded, identity.report_year, own_rows)
        elements = [e for e in self.instance if e.get("contextRef")]
        assert len(elements) == len(self.filing.facts)  # the writer's facts, read in document order
        for tidy, element in zip(self.filing.facts, elements):
            key = fact_key(tidy)
            if key is not None:
                placed = replace(key, own=self.placeholders[(key.objective, key.own)]) if key.own else key
                self.facts[placed] = element
                if key.own:
                    self.facts[FactKey(local=names.OWN_INDICATOR_NAME, objective=key.objective,
                                       own=self.placeholders[(key.objective, key.own)], part="code")] = key.own
                if key.value_kind == "start":
                    self.facts[replace(placed, part="year")] = str(tidy.whole_year)
        self.placed: set[int] = set()

    def build(self) -> bytes:
        nsmap = {None: XHTML, "ix": IX, "ixt": IXT} | {k: v for k, v in self.instance.nsmap.items() if k}
        html = etree.Element(f"{{{XHTML}}}html", nsmap=nsmap)
        html.set("{http://www.w3.org/XML/1998/namespace}lang", self.lang)
        head = etree.SubElement(html, f"{{{XHTML}}}head")
        etree.SubElement(head, f"{{{XHTML}}}meta", {"http-equiv": "Content-Type", "content": "text/html; charset=utf-8"})
        words = WORDS[self.lang]
        title = f"{words['title']} {self.identity.report_year} — {self.name or self.identity.institution}"
        etree.SubElement(head, f"{{{XHTML}}}title").text = title
        etree.SubElement(head, f"{{{XHTML}}}style", type="text/css").text = STYLE  # XHTML 1.1, as Inline XBRL asks
        body = etree.SubElement(html, f"{{{XHTML}}}body")
        self._header(body)
        etree.SubElement(body, f"{{{XHTML}}}h1").text = title
        etree.SubElement(body, f"{{{XHTML}}}p", {"class": "identity"}).text = (
            f"{words['institution']} {self.identity.institution} · {words['year']} {self.identity.report_year} · "
            f"{words['release']} {self.identity.release}")
        for sheet in self.layout.sheets:
            self._section(body, sheet)
        self._hidden(body)
        etree.SubElement(body, f"{{{XHTML}}}p", {"class": "footer"}).text = words["made"]
        return etree.tostring(html, xml_declaration=True, encoding="UTF-8", pretty_print=True)

    def _header(self, body: etree._Element) -> None:
        wrapper = etree.SubElement(body, f"{{{XHTML}}}div", style="display:none")
        header = etree.SubElement(wrapper, f"{{{IX}}}header")
        self.hidden = etree.SubElement(header, f"{{{IX}}}hidden")
        references = etree.SubElement(header, f"{{{IX}}}references")
        for ref in self.instance.iter(f"{{{LINK}}}schemaRef"):
            references.append(copy.deepcopy(ref))
        resources = etree.SubElement(header, f"{{{IX}}}resources")
        for child in self.instance:
            if child.tag in (f"{{{XBRLI}}}context", f"{{{XBRLI}}}unit"):
                resources.append(copy.deepcopy(child))

    def _section(self, body: etree._Element, sheet) -> None:
        rows = [(i, row) for i, row in enumerate(sheet.rows)]
        if not any(slot.key in self.facts for _, row in rows for slot in row.slots.values()):
            return  # a section without a value is not part of the paragraph
        etree.SubElement(body, f"{{{XHTML}}}h2").text = sheet.title_en if self.lang == "en" else sheet.title_nl
        table = etree.SubElement(body, f"{{{XHTML}}}table")
        head = etree.SubElement(etree.SubElement(table, f"{{{XHTML}}}thead"), f"{{{XHTML}}}tr")
        etree.SubElement(head, f"{{{XHTML}}}th")
        for nl, en in sheet.headers:
            etree.SubElement(head, f"{{{XHTML}}}th").text = en if self.lang == "en" else nl
        tbody = etree.SubElement(table, f"{{{XHTML}}}tbody")
        width = len(sheet.headers)
        for index, row in rows:
            filled = {c: s for c, s in row.slots.items() if s.key in self.facts}
            if not row.heading and not filled:
                continue
            tr = etree.SubElement(tbody, f"{{{XHTML}}}tr", {"class": "group"} if row.heading else {})
            label = etree.SubElement(tr, f"{{{XHTML}}}td", {"class": f"label indent{min(row.indent, 2)}"})
            label.text = row.label_en if self.lang == "en" else row.label_nl
            for column in range(2, width + 2):
                slot = filled.get(column)
                cell = etree.SubElement(tr, f"{{{XHTML}}}td")
                if slot is not None:
                    self._value(cell, self.facts[slot.key], slot)

    def _value(self, cell: etree._Element, fact, slot) -> None:
        if isinstance(fact, str):  # a start value's year, an own indicator's code: words, not facts
            cell.text = fact
            return
        self.placed.add(id(fact))
        attributes = {"name": _prefixed(fact), "contextRef": fact.get("contextRef"), "id": fact.get("id")}
        if fact.get("unitRef") is not None:
            value = Decimal(fact.text)
            decimals = int(fact.get("decimals"))
            attributes |= {"unitRef": fact.get("unitRef"), "decimals": fact.get("decimals"), "scale": "0",
                           "format": NUMBER_FORMAT[self.lang]}
            if value < 0:
                attributes["sign"] = "-"
            cell.set("class", "n")
            tag = etree.SubElement(cell, f"{{{IX}}}nonFraction", attributes)
            tag.text = formats.number(abs(value), self.lang, decimals).replace("\u00a0", " ")
            if self.lang == "nl":
                tag.text = tag.text.replace(" ", ".")
            return
        if slot.kind == "bool":
            true = fact.text.strip() in ("true", "1")
            attributes["format"] = "ixt:fixed-true" if true else "ixt:fixed-false"
            etree.SubElement(cell, f"{{{IX}}}nonNumeric", attributes).text = BOOLEAN_WORDS[self.lang][0 if true else 1]
            return
        etree.SubElement(cell, f"{{{IX}}}nonNumeric", attributes).text = fact.text

    def _hidden(self, body: etree._Element) -> None:
        """Facts no table shows (the reporting year of a release that states it) go to ix:hidden."""
        for element in self.instance:
            if element.get("contextRef") is None or id(element) in self.placed:
                continue
            attributes = {"name": _prefixed(element), "contextRef": element.get("contextRef"), "id": element.get("id")}
            if element.get("unitRef") is not None:
                attributes |= {"unitRef": element.get("unitRef"), "decimals": element.get("decimals")}
                etree.SubElement(self.hidden, f"{{{IX}}}nonFraction", attributes).text = element.text
            else:
                etree.SubElement(self.hidden, f"{{{IX}}}nonNumeric", attributes).text = element.text
        if not len(self.hidden):
            self.hidden.getparent().remove(self.hidden)  # an empty ix:hidden is not allowed


def _prefixed(element: etree._Element) -> str:
    namespace, local = element.tag[1:].split("}")
    prefix = next(p for p, ns in element.nsmap.items() if ns == namespace and p)
    return f"{prefix}:{local}"
