"""A filing as an Inline XBRL 1.1 progress section (voortgangsparagraaf): one document for the annual report
and the machine.

The document follows the taxonomy's form, as the workbook does (`mbo_xbrl.workbook.layout`): per section
a table with its rows and columns, every value in it tagged with its concept, context and unit. The facts
are the filing's own, as its writer wrote them: its contexts and units are copied into `ix:resources`,
each fact keeps its concept, context, unit, `decimals` or `precision`, id and nil, so the document carries
exactly the facts of the filing it was made from, whoever wrote that filing (tests/inline prove it).
A fact the form has no cell for (an earlier year's realisation, a second value for one cell) is not
hidden: it is listed, tagged, under "Overige gegevens" at the end.

Numbers are written as the language writes them and read back through the standard transformation
registry (ixt 4, 2020-02-12: `num-comma-decimal` in Dutch, `num-dot-decimal` in English, the digits as
written, a negative amount with `sign="-"`); choices read ja/nee (yes/no) through `fixed-true` /
`fixed-false`. The page is self-contained (its style inline, no script, no image, no external
reference) and prints on A4.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from decimal import Decimal

from babel.numbers import format_decimal
from lxml import etree

from mbo_xbrl import formats
from mbo_xbrl.errors import MboXbrlError
from mbo_xbrl.limits import Limits
from mbo_xbrl.parsing.filing import Filing, TidyFact, read_filing
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer
from mbo_xbrl.rules.location import locate
from mbo_xbrl.rules.precheck import precheck
from mbo_xbrl.taxonomy import names
from mbo_xbrl.workbook.content import BOOLEANS, fact_key, keyed_values
from mbo_xbrl.workbook.layout import FactKey, Sheet, Slot, code_key, placement
from mbo_xbrl.workbook.words import BOOLEAN_WORDS

XHTML = "http://www.w3.org/1999/xhtml"
IX = "http://www.xbrl.org/2013/inlineXBRL"
IXT = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DIRECTION = {"nl": {True: "hoger is beter", False: "lager is beter"},
             "en": {True: "higher is better", False: "lower is better"}}
NUMBER_FORMAT = {"nl": "num-comma-decimal", "en": "num-dot-decimal"}
WORDS = {
    "nl": {"title": "Voortgangsparagraaf Werkagenda mbo en Stagepact", "year": "verslagjaar", "release": "taxonomie",
           "institution": "instelling", "other": "Overige gegevens", "other_hint": "Gegevens van de aanlevering "
           "waarvoor het formulier geen vak heeft, zoals realisaties van eerdere jaren.", "what": "Gegeven",
           "period": "Periode", "value": "Waarde", "made": "Gemaakt met mbo-xbrl; elk getal en elke tekst in deze "
           "paragraaf is gelabeld met Inline XBRL en leesbaar voor een XBRL-processor."},
    "en": {"title": "Progress section Werkagenda mbo and Stagepact", "year": "reporting year", "release": "taxonomy",
           "institution": "institution", "other": "Other data", "other_hint": "Data of the filing the form has no "
           "field for, such as realisations of earlier years.", "what": "Item", "period": "Period",
           "value": "Value", "made": "Made with mbo-xbrl; every number and text in this section is tagged with "
           "Inline XBRL and readable by an XBRL processor."},
}
STYLE = """
@page { size: A4; margin: 18mm 15mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #1f2937; max-width: 190mm; margin: 0 auto; }
h1 { font-size: 16pt; margin-bottom: 2pt; } h2 { font-size: 12pt; margin-top: 16pt; break-after: avoid; }
p.identity, p.hint { color: #4b5563; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin-bottom: 6pt; }
th, td { border: 0.5pt solid #9ca3af; padding: 2pt 4pt; vertical-align: top; }
th { background: #e5edf7; text-align: left; } td.n { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; } tr.group td { font-weight: bold; background: #f3f4f6; }
td.label { width: 45%; } .indent1 { padding-left: 12pt; } .indent2 { padding-left: 24pt; }
p.footer { margin-top: 18pt; color: #6b7280; font-size: 8pt; }
"""


class RenderError(MboXbrlError):
    """The filing cannot be rendered (it is no readable instance of our taxonomy)."""


def render(data: bytes, lang: str = "nl", limits: Limits | None = None) -> bytes:
    """The Inline XBRL document of a filing (any writer's instance of our taxonomy), as UTF-8 bytes."""
    pre = precheck(data, limits or Limits())
    if pre.raw is None or pre.stopped_at in (Layer.FILE, Layer.FORM):  # a filing rule's error is rendered as it is
        reason = pre.findings[0].message("en") if pre.findings else "not an XBRL instance"
        raise RenderError(f"not a readable XBRL instance of the mbo taxonomy: {reason}")
    filing = read_filing(pre.raw)
    if filing.institution is None or filing.report_year is None:
        raise RenderError("the filing names no institution or reporting year")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    root = etree.fromstring(data, parser)  # read and checked by the precheck above: no DOCTYPE, well-formed
    langs = [f.lang or pre.raw.root_lang for f in pre.raw.facts]
    return _Document(root, filing, langs, lang).build()


class _Document:
    def __init__(self, root: etree._Element, filing: Filing, langs: list[str | None], lang: str) -> None:
        self.root, self.filing, self.lang = root, filing, lang
        elements = [e for e in root if isinstance(e.tag, str) and e.get("contextRef") is not None]
        if len(elements) != len(filing.facts):
            raise RenderError("the filing's facts could not be told apart (a fact nested in another element)")
        self.facts = list(zip(filing.facts, elements, langs))
        values, _ = keyed_values(filing)
        self.placed = placement(values, filing.release, filing.funded, filing.report_year)
        self.cells: dict[FactKey, tuple[TidyFact, etree._Element, str | None] | str] = {}
        for tidy, element, fact_lang in self.facts:
            key = fact_key(tidy)
            if key is None or tidy.local == names.REPORTING_YEAR or key not in values:
                continue
            cell = self.placed.place(key)
            if cell in self.cells:
                continue  # a second fact for one cell: listed under "other data"
            self.cells[cell] = (tidy, element, fact_lang)
            if key.own:
                self.cells.setdefault(code_key(key.objective, cell.own), key.own)
            if key.value_kind == "start":
                self.cells[replace(cell, part="year")] = str(tidy.whole_year)
        self.shown: set[int] = set()
        self.prefixes = self._prefixes()
        used = {e.get("id") for e in root.iter() if isinstance(e.tag, str) and e.get("id")}
        self.ids: dict[int, str] = {}
        for n, (_, element, _) in enumerate(self.facts, start=1):
            own = element.get("id")
            if not own:
                own = f"mbo-f{n}"
                while own in used:
                    own += "x"
                used.add(own)
            self.ids[id(element)] = own

    def _prefixes(self) -> dict[str, str]:
        """namespace -> prefix for the document: the filing's own prefixes, and one for a namespace it wrote
        without (ix, ixt and the XHTML namespace keep theirs)."""
        taken = {"ix", "ixt", "xml", "xbrli", "link", "xlink"}
        out: dict[str, str] = {XBRLI: "xbrli", LINK: "link", "http://www.w3.org/1999/xlink": "xlink"}
        for element in [self.root] + [e for _, e, _ in self.facts]:
            for prefix, namespace in element.nsmap.items():
                if namespace in out or namespace in (XHTML, IX, IXT):
                    continue
                if not prefix or prefix in taken:
                    n = 0
                    while f"ns{n}" in taken:
                        n += 1
                    prefix = f"ns{n}"
                out[namespace] = prefix
                taken.add(prefix)
        return out

    def build(self) -> bytes:
        nsmap = {None: XHTML, "ix": IX, "ixt": IXT} | {p: ns for ns, p in self.prefixes.items()}
        html = etree.Element(f"{{{XHTML}}}html", nsmap=nsmap)
        html.set(XML_LANG, self.lang)
        head = etree.SubElement(html, f"{{{XHTML}}}head")
        etree.SubElement(head, f"{{{XHTML}}}meta", {"http-equiv": "Content-Type", "content": "text/html; charset=utf-8"})
        words = WORDS[self.lang]
        name = next((f.value.strip() for f in self.filing.of(names.INSTITUTION_NAME) if f.value.strip()), None)
        title = f"{words['title']} {self.filing.report_year} — {name or self.filing.institution}"
        etree.SubElement(head, f"{{{XHTML}}}title").text = title
        etree.SubElement(head, f"{{{XHTML}}}style", type="text/css").text = STYLE  # XHTML 1.1, as Inline XBRL asks
        body = etree.SubElement(html, f"{{{XHTML}}}body")
        self._header(body)
        etree.SubElement(body, f"{{{XHTML}}}h1").text = title
        identity = etree.SubElement(body, f"{{{XHTML}}}p", {"class": "identity"})
        identity.text = f"{words['institution']} {self.filing.institution} · {words['year']} "
        stated = next((held for held in self.facts if held[0].local == names.REPORTING_YEAR), None)
        year = etree.SubElement(identity, f"{{{XHTML}}}span")
        if stated is not None:  # the reporting year a release states (from 2025): tagged where the page names it
            self._cell(year, stated, None)
        else:
            year.text = str(self.filing.report_year)
        year.tail = f" · {words['release']} {self.filing.release}"
        for sheet in self.placed.layout.sheets:
            self._section(body, sheet)
        self._other(body)
        etree.SubElement(body, f"{{{XHTML}}}p", {"class": "footer"}).text = words["made"]
        return etree.tostring(html, xml_declaration=True, encoding="UTF-8", pretty_print=True)

    def _header(self, body: etree._Element) -> None:
        wrapper = etree.SubElement(body, f"{{{XHTML}}}div", style="display:none")
        header = etree.SubElement(wrapper, f"{{{IX}}}header")
        references = etree.SubElement(header, f"{{{IX}}}references")
        for ref in self.root.iter(f"{{{LINK}}}schemaRef"):
            references.append(copy.deepcopy(ref))
        resources = etree.SubElement(header, f"{{{IX}}}resources")
        for child in self.root:
            if child.tag in (f"{{{XBRLI}}}context", f"{{{XBRLI}}}unit"):
                resources.append(copy.deepcopy(child))

    def _section(self, body: etree._Element, sheet: Sheet) -> None:
        if not any(isinstance(self.cells.get(slot.key), tuple) for row in sheet.rows for slot in row.slots.values()):
            return  # a section without a value is not part of the paragraph
        english = self.lang == "en"
        etree.SubElement(body, f"{{{XHTML}}}h2").text = sheet.title_en if english else sheet.title_nl
        table = etree.SubElement(body, f"{{{XHTML}}}table")
        head = etree.SubElement(etree.SubElement(table, f"{{{XHTML}}}thead"), f"{{{XHTML}}}tr")
        etree.SubElement(head, f"{{{XHTML}}}th")
        for nl, en in sheet.headers:
            etree.SubElement(head, f"{{{XHTML}}}th").text = en if english else nl
        tbody = etree.SubElement(table, f"{{{XHTML}}}tbody")
        for row in sheet.rows:
            filled = {c: s for c, s in row.slots.items() if s.key in self.cells}
            if not row.heading and not any(isinstance(self.cells[s.key], tuple) for s in filled.values()):
                continue
            tr = etree.SubElement(tbody, f"{{{XHTML}}}tr", {"class": "group"} if row.heading else {})
            label = etree.SubElement(tr, f"{{{XHTML}}}td", {"class": f"label indent{min(row.indent, 2)}"})
            label.text = row.label_en if english else row.label_nl
            indicator = self.filing.catalogue.indicator_by_code.get((row.label_nl or " ").split()[0]) if row.heading else None
            if indicator is not None:  # the indicator's direction, beside its name
                label.text += f" · {DIRECTION[self.lang][indicator.direction.value == 'higher']}"
            for column in range(2, len(sheet.headers) + 2):
                cell = etree.SubElement(tr, f"{{{XHTML}}}td")
                slot = filled.get(column)
                if slot is not None:
                    self._cell(cell, self.cells[slot.key], slot)

    def _cell(self, cell: etree._Element, held, slot: Slot | None) -> None:
        if isinstance(held, str):  # a start value's year, an own indicator's code: words, not facts
            cell.text = held
            return
        tidy, element, fact_lang = held
        self.shown.add(id(element))
        attributes = {"name": self._name(element), "contextRef": element.get("contextRef"),
                      "id": self.ids[id(element)]}
        nil = (element.get(XSI_NIL) or "").strip() in ("true", "1")
        if nil:
            attributes[XSI_NIL] = "true"
        if element.get("unitRef") is not None:
            attributes["unitRef"] = element.get("unitRef")
            for accuracy in ("decimals", "precision"):
                if element.get(accuracy) is not None:
                    attributes[accuracy] = element.get(accuracy)
            cell.set("class", "n")
            tag = etree.SubElement(cell, f"{{{IX}}}nonFraction", attributes)
            if not nil and tidy.number is None:  # not a number (an invalid fact): written as it is, for Arelle to say
                tag.text = tidy.value
            elif not nil:
                value = Decimal(tidy.value.strip())
                tag.set("format", f"ixt:{NUMBER_FORMAT[self.lang]}")
                tag.set("scale", "0")
                if value.is_signed():
                    tag.set("sign", "-")
                tag.text = _digits(abs(value), self.lang)
            return
        if fact_lang:
            attributes[XML_LANG] = fact_lang
        if not nil and tidy.local in BOOLEANS and tidy.value.strip() in ("true", "1", "false", "0"):
            true = tidy.value.strip() in ("true", "1")
            attributes["format"] = "ixt:fixed-true" if true else "ixt:fixed-false"
            etree.SubElement(cell, f"{{{IX}}}nonNumeric", attributes).text = BOOLEAN_WORDS[self.lang][0 if true else 1]
            return
        etree.SubElement(cell, f"{{{IX}}}nonNumeric", attributes).text = None if nil else tidy.value

    def _other(self, body: etree._Element) -> None:
        """Facts the form has no cell for: listed with where they belong, tagged like the others."""
        rest = [held for held in self.facts if id(held[1]) not in self.shown]
        if not rest:
            return
        words = WORDS[self.lang]
        etree.SubElement(body, f"{{{XHTML}}}h2").text = words["other"]
        etree.SubElement(body, f"{{{XHTML}}}p", {"class": "hint"}).text = words["other_hint"]
        table = etree.SubElement(body, f"{{{XHTML}}}table")
        head = etree.SubElement(etree.SubElement(table, f"{{{XHTML}}}thead"), f"{{{XHTML}}}tr")
        for word in ("what", "period", "value"):
            etree.SubElement(head, f"{{{XHTML}}}th").text = words[word]
        tbody = etree.SubElement(table, f"{{{XHTML}}}tbody")
        for held in rest:
            tidy = held[0]
            tr = etree.SubElement(tbody, f"{{{XHTML}}}tr")
            about = Finding(code="", severity=Severity.INFO, concept=tidy.concept, context=tidy.context)
            etree.SubElement(tr, f"{{{XHTML}}}td", {"class": "label"}).text = (
                locate(about, tidy, self.filing.catalogue, self.lang) or tidy.concept)
            etree.SubElement(tr, f"{{{XHTML}}}td").text = _period(tidy, self.lang)
            self._cell(etree.SubElement(tr, f"{{{XHTML}}}td"), held, None)

    def _name(self, element: etree._Element) -> str:
        namespace, local = element.tag[1:].split("}")
        return f"{self.prefixes[namespace]}:{local}"


def _digits(value: Decimal, lang: str) -> str:
    """A non-negative number with exactly the decimals it was written with, grouped as the language groups
    digits (Dutch 1.234,50; English 1,234.50): the transformation gives back the very same decimal."""
    places = max(0, -value.as_tuple().exponent) if isinstance(value.as_tuple().exponent, int) else 0
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(value, format=pattern, locale=formats.locale(lang), decimal_quantization=False)


def _period(fact: TidyFact, lang: str) -> str:
    if fact.period_start is not None and fact.period_end is not None and fact.period_start != fact.period_end:
        return f"{formats.day(fact.period_start, lang)} – {formats.day(fact.period_end, lang)}"
    return formats.day(fact.period_end, lang) if fact.period_end is not None else fact.period_text
