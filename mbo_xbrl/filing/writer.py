"""Write a `FilingContent` as an XBRL instance of the mbo taxonomy.

The output follows the Dutch filing rules the product checks: one schemaRef to the published entry
point, `xml:lang` on the root, only contexts and units that facts use, no duplicates, no nil,
`decimals` on every number, whole calendar years as periods. Identical content gives identical bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lxml import etree

from mbo_xbrl.catalogue import Catalogue
from mbo_xbrl.filing.model import FilingContent
from mbo_xbrl.taxonomy import names
from mbo_xbrl.taxonomy.concepts import QName, indicator_concept, qname
from mbo_xbrl.taxonomy.releases import CURRENT, PARTS, EntryPoint, Release

XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XBRLDI = "http://xbrl.org/2006/xbrldi"
ISO4217 = "http://www.xbrl.org/2003/iso4217"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class _Context:
    year: int
    explicit: tuple[tuple[str, str], ...]  # (axis local name, member local name), sorted
    typed: tuple[tuple[str, str], ...] = ()  # (axis local name, typed value)

    @property
    def id(self) -> str:
        parts = [f"Y{self.year}"]
        parts += [member.removesuffix("Member") for _, member in self.explicit]
        parts += [f"{axis.removesuffix('Axis')}-{value}" for axis, value in self.typed]
        return "_".join(parts)


@dataclass(frozen=True)
class _Fact:
    concept: QName
    context: _Context
    value: str
    unit: str | None = None  # "pure" or "EUR"
    decimals: int | None = None


class _Facts:
    def __init__(self, release: Release) -> None:
        self.release = release
        self.facts: list[_Fact] = []

    def ctx(self, year: int, explicit: dict[str, str] | None = None, typed: dict[str, str] | None = None) -> _Context:
        return _Context(year, tuple(sorted((explicit or {}).items())), tuple(sorted((typed or {}).items())))

    def text(self, concept: str, context: _Context, value: str | None) -> None:
        if value is not None:
            self.facts.append(_Fact(qname("data", concept, self.release), context, value))

    def boolean(self, concept: str, context: _Context, value: bool | None) -> None:
        if value is not None:
            self.text(concept, context, "true" if value else "false")

    def number(self, concept: QName, context: _Context, value: Decimal, unit: str, decimals: int) -> None:
        self.facts.append(_Fact(concept, context, _format(value, decimals), unit, decimals))


def _format(value: Decimal, decimals: int) -> str:
    quantum = Decimal(1).scaleb(-decimals)
    return str(value.quantize(quantum))


def collect_facts(content: FilingContent, catalogue: Catalogue, release: Release) -> list[_Fact]:
    cat = catalogue
    f = _Facts(release)
    year = content.report_year
    plain = f.ctx(year)
    f.text(names.INSTITUTION_NAME, plain, content.institution_name or None)  # an empty name: none
    if cat.reporting_year_fact:
        f.text(names.REPORTING_YEAR, plain, str(year))
    f.text(names.PROGRESS_NARRATIVE, plain, content.narrative)

    def objective(code: str) -> dict[str, str]:
        return {names.OBJECTIVE_AXIS: names.objective_member(cat.objective_by_code[code])}

    for choice in content.objectives:
        context = f.ctx(year, objective(choice.objective))
        f.boolean(names.WORKS_ON_OBJECTIVE, context, choice.works_on)
        f.text(names.OBJECTIVE_NARRATIVE, context, choice.narrative)
    for m in content.measures:
        context = f.ctx(year, {names.MEASURE_AXIS: names.measure_member(cat.measure_by_code[m.measure])})
        f.boolean(names.MEASURE_APPLIED, context, m.applied)
        f.text(names.MEASURE_EXPLANATION, context, m.explanation)

    kinds = {v.code: v for v in cat.value_kinds}
    for v in content.indicator_values:
        indicator = cat.indicator_by_code[v.indicator]
        dims = {names.VALUE_KIND_AXIS: names.value_kind_member(kinds[v.kind])}
        for code, member in v.breakdown.items():
            breakdown = cat.breakdown_by_code[code]
            member_def = next(m for m in breakdown.members if m.code == member)
            dims[names.breakdown_axis(breakdown)] = names.breakdown_member(breakdown, member_def)
        unit = cat.unit_by_code[indicator.unit]
        f.number(indicator_concept(indicator, release), f.ctx(v.year, dims), v.value, "pure", unit.decimals)

    for own in content.own_indicators:
        typed = {names.OWN_INDICATOR_AXIS: own.code}
        context = f.ctx(year, objective(own.objective), typed)
        f.text(names.OWN_INDICATOR_NAME, context, own.name)
        f.text(names.OWN_INDICATOR_DEFINITION, context, own.definition)
        f.text(names.OWN_INDICATOR_UNIT, context, own.unit)
        f.text(names.OWN_INDICATOR_DIRECTION, context, own.direction)
        f.text(names.OWN_INDICATOR_SOURCE, context, own.source)
        for kind, value_year, value in own.values:
            dims = objective(own.objective) | {names.VALUE_KIND_AXIS: names.value_kind_member(kinds[kind])}
            decimals = cat.unit_by_code[own.unit].decimals if own.unit in cat.unit_by_code else 2
            f.number(qname("data", names.OWN_INDICATOR_VALUE, release), f.ctx(value_year, dims, typed), value,
                     "pure", decimals)

    for alt in content.alternative_sources:
        indicator = cat.indicator_by_code[alt.indicator]
        context = f.ctx(year, {names.INDICATOR_AXIS: names.indicator_member(indicator)})
        f.boolean(names.ALTERNATIVE_SOURCE_USED, context, alt.used)
        f.text(names.ALTERNATIVE_SOURCE_DESCRIPTION, context, alt.description)

    euro = cat.unit_by_code["euro"].decimals
    for line in content.budgets:
        dims = objective(line.objective) if line.objective else {}
        if line.measure == "own":
            dims[names.MEASURE_AXIS] = names.own_measures_member(cat.objective_by_code[line.objective])
        elif line.measure:
            dims[names.MEASURE_AXIS] = names.measure_member(cat.measure_by_code[line.measure])
        f.number(qname("data", names.BUDGET_AMOUNT, release), f.ctx(line.year, dims), line.amount, "EUR", euro)
    for earmark in content.earmarks:
        f.number(qname("data", names.EARMARKED_AMOUNT, release), f.ctx(earmark.year, objective(earmark.objective)),
                 earmark.amount, "EUR", euro)
    return f.facts


def write_instance(content: FilingContent, catalogue: Catalogue | None = None, release: Release = CURRENT,
                   entry_point: EntryPoint | None = None) -> bytes:
    """The XBRL instance of one filing against `release` (its funded institutions' entry point unless another
    is given), as UTF-8 bytes."""
    entry_point = entry_point or release.funded
    cat = catalogue or entry_point.catalogue
    facts = collect_facts(content, cat, release)
    # Only the namespaces the filing uses (NT): dimensions, euros and own-indicator codes only when present.
    explicit = any(f.context.explicit for f in facts)
    typed = any(f.context.typed for f in facts)
    nsmap = {"xbrli": XBRLI, "link": LINK, "xlink": XLINK, PARTS["data"][0]: release.namespace("data")}
    if explicit or typed:
        nsmap |= {"xbrldi": XBRLDI, PARTS["axes"][0]: release.namespace("axes")}
    if explicit:
        nsmap[PARTS["domains"][0]] = release.namespace("domains")
    if typed:
        nsmap[PARTS["types"][0]] = release.namespace("types")
    if any(f.unit == "EUR" for f in facts):
        nsmap["iso4217"] = ISO4217
    root = etree.Element(f"{{{XBRLI}}}xbrl", nsmap=nsmap)
    root.set(XML_LANG, "nl")
    ref = etree.SubElement(root, f"{{{LINK}}}schemaRef")
    ref.set(f"{{{XLINK}}}type", "simple")
    ref.set(f"{{{XLINK}}}href", entry_point.url)

    contexts: dict[str, _Context] = {}
    for fact in facts:
        contexts.setdefault(fact.context.id, fact.context)
    for context in contexts.values():
        _write_context(root, context, content.institution_code, release)
    units = {fact.unit for fact in facts if fact.unit}
    if "EUR" in units:
        unit = etree.SubElement(root, f"{{{XBRLI}}}unit", id="EUR")
        etree.SubElement(unit, f"{{{XBRLI}}}measure").text = "iso4217:EUR"
    if "pure" in units:
        unit = etree.SubElement(root, f"{{{XBRLI}}}unit", id="pure")
        etree.SubElement(unit, f"{{{XBRLI}}}measure").text = "xbrli:pure"
    for number, fact in enumerate(facts, start=1):
        element = etree.SubElement(root, f"{{{fact.concept.namespace}}}{fact.concept.local}", contextRef=fact.context.id)
        if fact.unit:
            element.set("unitRef", fact.unit)
            element.set("decimals", str(fact.decimals))
        element.set("id", f"F{number}")
        element.text = fact.value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _write_context(root: etree._Element, context: _Context, institution: str, release: Release) -> None:
    element = etree.SubElement(root, f"{{{XBRLI}}}context", id=context.id)
    entity = etree.SubElement(element, f"{{{XBRLI}}}entity")
    identifier = etree.SubElement(entity, f"{{{XBRLI}}}identifier", scheme=release.entity_scheme)
    identifier.text = institution
    period = etree.SubElement(element, f"{{{XBRLI}}}period")
    etree.SubElement(period, f"{{{XBRLI}}}startDate").text = f"{context.year}-01-01"
    etree.SubElement(period, f"{{{XBRLI}}}endDate").text = f"{context.year}-12-31"
    if not context.explicit and not context.typed:
        return
    scenario = etree.SubElement(element, f"{{{XBRLI}}}scenario")
    dims = ([(axis, "explicit", member) for axis, member in context.explicit]
            + [(axis, "typed", value) for axis, value in context.typed])
    for axis, kind, value in sorted(dims):
        dimension = f"{PARTS['axes'][0]}:{axis}"
        if kind == "explicit":
            etree.SubElement(scenario, f"{{{XBRLDI}}}explicitMember", dimension=dimension).text = \
                f"{PARTS['domains'][0]}:{value}"
        else:
            typed = etree.SubElement(scenario, f"{{{XBRLDI}}}typedMember", dimension=dimension)
            code = etree.SubElement(typed, f"{{{release.namespace('types')}}}{names.OWN_INDICATOR_CODE}")
            code.text = value
