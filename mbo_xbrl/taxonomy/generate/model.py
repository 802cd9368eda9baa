"""The taxonomy as data: every concept, label, reference, link role and dimension tree.

Computed from the catalogue alone; the writers in this package only serialise it. Keeping the
decisions here (one place) is what lets the engine's `concepts` module and the generator agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mbo_xbrl.catalogue import Catalogue, Indicator
from mbo_xbrl.taxonomy import names
from mbo_xbrl.taxonomy.releases import PARTS, Release

if TYPE_CHECKING:
    from mbo_xbrl.taxonomy.generate.form import Section

MONITORING_PLAN = "Zicht op wat werkt: monitoringsplan Werkagenda mbo en Stagepact 2023-2027"
WERKAGENDA = "Werkagenda mbo 2023-2027"
SEED_TITLES = {
    "001": "Voortgangsbrief Werkagenda mbo en Stagepact (juli 2024)",
    "002": "Syntheserapport monitor Werkagenda mbo en Stagepact (2024)",
    "003": MONITORING_PLAN,
}
LINKROLE_ORDER = "linkrole-order"  # the arcrole type's id; NT: sbr_linkrole-order
LINKROLE_ORDER_ELEMENT = "linkroleOrder"  # the resource holding a link role's position; NT: sbr:linkroleOrder
REGELING = "Regeling kwaliteitsafspraken mbo 2024-2027"
MANDATORY_REF = "http://www.xbrl.org/2003/role/mandatoryDisclosureRef"
DEFINITION_REF = "http://www.xbrl.org/2003/role/definitionRef"
DISCLOSURE_REF = "http://www.xbrl.org/2003/role/disclosureRef"

# XML Schema / XBRL types of the indicator units.
UNIT_TYPES = {
    "percentage": "mbo-types:percentageItemType",
    "mark": "mbo-types:markItemType",
    "count": "mbo-types:countItemType",
    "ratio": "mbo-types:ratioItemType",
}


@dataclass
class Reference:
    role: str
    parts: list[tuple[str, str]]  # (ref-2006 part name, value)


@dataclass
class Concept:
    part: str
    name: str
    type: str
    substitution_group: str = "xbrli:item"
    abstract: bool = False
    label_nl: str = ""
    label_en: str = ""
    doc_nl: str | None = None
    doc_en: str | None = None
    references: list[Reference] = field(default_factory=list)
    typed_domain_ref: str | None = None
    terse_nl: str | None = None  # a short label (NT: terseLabel): the catalogue code where there is one
    terse_en: str | None = None
    balance: str | None = None  # monetary items: debit (funds spent) or credit (funds received)

    @property
    def prefix(self) -> str:
        return PARTS[self.part][0]

    @property
    def id(self) -> str:
        return f"{self.prefix}_{self.name}"

    @property
    def schema_path(self) -> str:
        return PARTS[self.part][1]


@dataclass
class Dimension:
    """One axis of a hypercube in one link role, with its usable domain."""

    axis: Concept
    domain: Concept | None  # None for a typed dimension
    domain_usable: bool = False
    members: list[Concept] = field(default_factory=list)
    target_role: str | None = None  # the link role (code) holding the domain, when not the hypercube's own

    def key(self) -> tuple[str, str | None]:
        return (self.axis.id, self.target_role)


@dataclass
class Node:
    concept: Concept
    children: list[Node] = field(default_factory=list)


@dataclass
class TaxonomyModel:
    release: Release
    concepts: list[Concept]
    sections: list[Section]  # the form, in questionnaire order: one link role each
    defaults: list[tuple[Concept, Concept]]  # (axis, default member)
    non_funded_sections: list[Section] = field(default_factory=list)  # the non-funded institutions' part of it

    def concepts_in(self, part: str) -> list[Concept]:
        return [c for c in self.concepts if c.part == part]

    def role_uri(self, code: str) -> str:
        return f"{self.release.role_base}{code}"

    @property
    def linkrole_order_arcrole(self) -> str:
        return f"{self.release.base_url}arcrole/{LINKROLE_ORDER}"


class Builder:
    def __init__(self) -> None:
        self.concepts: list[Concept] = []
        self._by_key: dict[tuple[str, str], Concept] = {}

    def concept(self, part: str, name: str) -> Concept | None:
        """The concept already declared under this name, if any (form parts reuse line items and tables)."""
        return self._by_key.get((part, name))

    def add(self, concept: Concept) -> Concept:
        key = (concept.part, concept.name)
        if key in self._by_key:
            raise ValueError(f"concept {concept.id} would be declared twice")
        self._by_key[key] = concept
        self.concepts.append(concept)
        return concept

    def item(self, name: str, type_: str, nl: str, en: str, doc_nl: str, doc_en: str,
             refs: list[Reference] | None = None) -> Concept:
        return self.add(Concept("data", name, type_, label_nl=nl, label_en=en, doc_nl=doc_nl,
                                doc_en=doc_en, references=refs or []))

    def abstract(self, part: str, name: str, nl: str, en: str, group: str = "xbrli:item") -> Concept:
        return self.add(Concept(part, name, "xbrli:stringItemType", substitution_group=group,
                                abstract=True, label_nl=nl, label_en=en))

    def member(self, name: str, nl: str, en: str, doc_nl: str | None = None, doc_en: str | None = None,
               refs: list[Reference] | None = None) -> Concept:
        return self.add(Concept("domains", name, "xbrli:stringItemType", abstract=True, label_nl=nl,
                                label_en=en, doc_nl=doc_nl, doc_en=doc_en, references=refs or []))

    def axis(self, name: str, nl: str, en: str, typed_domain_ref: str | None = None) -> Concept:
        return self.add(Concept("axes", name, "xbrli:stringItemType",
                                substitution_group="xbrldt:dimensionItem", abstract=True,
                                label_nl=nl, label_en=en, typed_domain_ref=typed_domain_ref))


def legal_ref(note: str) -> Reference:
    """The legal basis of what is asked: the regulation whose measures and funds the filing reports on."""
    return Reference(MANDATORY_REF, [("Name", REGELING), ("Note", note)])


def _terse(concept: Concept, nl: str, en: str | None = None) -> Concept:
    concept.terse_nl, concept.terse_en = nl, en or nl
    return concept


def werkagenda_ref(objective_code: str, priority: str) -> Reference:
    return Reference(DISCLOSURE_REF, [("Name", WERKAGENDA), ("Chapter", f"Prioriteit {priority}"),
                                      ("Number", objective_code)])


def indicator_ref(indicator: Indicator) -> Reference:
    return Reference(DEFINITION_REF, [("Name", MONITORING_PLAN),
                                      ("Section", f"Indicatoren {indicator.monitoring_ref}"),
                                      ("Number", indicator.code)])


def build_model(catalogue: Catalogue, release: Release) -> TaxonomyModel:
    """Every concept and relationship of the taxonomy, derived from the catalogue."""
    b = Builder()
    cat = catalogue
    objective_priority = {o.code: o.priority for o in cat.objectives}

    # --- general information -------------------------------------------------------------
    institution_name = b.item(
        names.INSTITUTION_NAME, "mbo-types:textItemType", "Naam instelling", "Name of the institution",
        "De statutaire naam van de bekostigde mbo-instelling.", "The registered name of the funded mbo institution.")
    reporting_year = b.item(
        names.REPORTING_YEAR, "xbrli:gYearItemType", "Verslagjaar", "Reporting year",
        "Het jaar waarover de instelling rapporteert; de context van dit feit is dat jaar.",
        "The year the institution reports on; this fact's context is that year.",
        [legal_ref("Jaarlijkse voortgangsrapportage over het verslagjaar")]) if cat.reporting_year_fact else None
    narrative = b.item(
        names.PROGRESS_NARRATIVE, "mbo-types:textItemType", "Voortgangsparagraaf", "Progress narrative",
        "De voortgangsparagraaf: hoe de instelling in het verslagjaar werkte aan haar kwaliteitsagenda.",
        "The progress section: how the institution worked on its quality agenda in the reporting year.",
        [Reference(DEFINITION_REF, [("Name", MONITORING_PLAN), ("Section", "Wijze van evalueren en kennisdelen")])])

    # --- objectives ----------------------------------------------------------------------
    works_on = b.item(
        names.WORKS_ON_OBJECTIVE, "xbrli:booleanItemType", "Instelling werkt aan deze doelstelling",
        "Institution works on this objective",
        "Of de instelling in haar kwaliteitsagenda aan deze doelstelling werkt; bepaalt welke indicatoren, "
        "begrotingen en maatregelen verplicht zijn.",
        "Whether the institution works on this objective in its quality agenda; decides which indicators, "
        "budgets and measures are required.",
        [legal_ref("De kwaliteitsagenda van de instelling: aan welke doelstellingen zij werkt")])
    objective_narrative = b.item(
        names.OBJECTIVE_NARRATIVE, "mbo-types:textItemType", "Toelichting op de doelstelling",
        "Explanation of the objective",
        "Voortgang op de doelstelling, of waarom de instelling er niet aan werkt.",
        "Progress on the objective, or why the institution does not work on it.")

    objective_axis = b.axis(names.OBJECTIVE_AXIS, "Doelstelling", "Objective")
    objective_total = b.member(names.OBJECTIVE_TOTAL, "Alle doelstellingen (totaal)", "All objectives (total)")
    objective_members = []
    for o in cat.objectives:
        objective_members.append(_terse(b.member(
            names.objective_member(o), f"{o.code} {o.label_nl}", f"{o.code} {o.label_en}",
            f"Werkagenda-doelstelling {o.code}: {o.seed.passage}", f"Werkagenda objective {o.code}.",
            [werkagenda_ref(o.code, o.priority)]), o.code))

    # --- measures ------------------------------------------------------------------------
    applied = b.item(
        names.MEASURE_APPLIED, "xbrli:booleanItemType", "Maatregel wordt toegepast", "Measure is applied",
        "Pas toe of leg uit: of de instelling de maatregel toepast.",
        "Apply or explain: whether the institution applies the measure.",
        [legal_ref("Pas toe of leg uit: per maatregel uit de regeling")])
    explanation = b.item(
        names.MEASURE_EXPLANATION, "mbo-types:textItemType", "Uitleg bij niet toepassen van de maatregel",
        "Explanation for not applying the measure",
        "Waarom de instelling de maatregel niet toepast (leg uit).", "Why the institution does not apply the measure.",
        [legal_ref("Pas toe of leg uit: per maatregel uit de regeling")])
    measure_axis = b.axis(names.MEASURE_AXIS, "Maatregel", "Measure")
    measure_total = b.member(names.MEASURE_TOTAL, "Alle maatregelen (totaal)", "All measures (total)")
    measure_members = []
    for m in cat.measures:
        flags_nl = ", ".join(x for x in ("verplicht" if m.mandatory else "", "geoormerkt" if m.earmarked else "") if x)
        flags_en = ", ".join(x for x in ("mandatory" if m.mandatory else "", "earmarked" if m.earmarked else "") if x)
        measure_members.append(_terse(b.member(
            names.measure_member(m), f"{m.code} {m.label_nl}", f"{m.code} {m.label_en}",
            f"Maatregel bij doelstelling {m.objective}{' (' + flags_nl + ')' if flags_nl else ''}.",
            f"Measure of objective {m.objective}{' (' + flags_en + ')' if flags_en else ''}.",
            [werkagenda_ref(m.objective, objective_priority[m.objective]),
             Reference(DEFINITION_REF, [("Name", SEED_TITLES[m.seed.document]), ("Note", m.seed.passage)]),
             legal_ref("Verplichte maatregel" if m.mandatory else "Maatregel: pas toe of leg uit")]), m.code))
    own_measure_members = [
        b.member(names.own_measures_member(o), f"{o.code} Eigen maatregelen", f"{o.code} Own measures",
                 f"Begroting voor maatregelen die de instelling zelf aan doelstelling {o.code} toevoegt.",
                 f"Budget for measures the institution adds to objective {o.code} itself.")
        for o in cat.objectives]

    # --- budgets -------------------------------------------------------------------------
    budget = b.item(
        names.BUDGET_AMOUNT, "xbrli:monetaryItemType", "Begroot bedrag kwaliteitsmiddelen", "Budgeted quality funds",
        "Begrote inzet van de kwaliteitsmiddelen in een jaar: zonder doelstelling het totaal, met doelstelling "
        "het totaal van die doelstelling, met maatregel het deel voor die maatregel.",
        "Budgeted use of the quality funds in one year: without an objective the total, with an objective that "
        "objective's total, with a measure the part for that measure.",
        [legal_ref("Besteding van de kwaliteitsmiddelen per doelstelling en maatregel")])
    budget.balance = "debit"  # funds to be spent
    earmarked = b.item(
        names.EARMARKED_AMOUNT, "xbrli:monetaryItemType", "Geoormerkt bedrag", "Earmarked amount",
        "Het bedrag dat OCW voor een doelstelling heeft geoormerkt (vooraf ingevuld).",
        "The amount OCW earmarked for an objective (pre-filled).",
        [legal_ref("Geoormerkte middelen per doelstelling")])
    earmarked.balance = "credit"  # funds the institution receives for the objective

    # --- indicators ----------------------------------------------------------------------
    value_kind_axis = b.axis(names.VALUE_KIND_AXIS, "Soort waarde", "Kind of value")
    value_kind_domain = b.member(names.VALUE_KIND_DOMAIN, "Soorten waarden", "Kinds of value")
    terse_kinds = {"start": ("Start", "Start"), "target": ("Streef", "Target"), "realisation": ("Realisatie", "Actual")}
    value_kind_members = [_terse(b.member(names.value_kind_member(v), v.label_nl, v.label_en), *terse_kinds[v.code])
                          for v in cat.value_kinds]
    breakdown_dims: dict[str, tuple[Concept, Concept, list[Concept]]] = {}
    for bd in cat.breakdowns:
        axis = b.axis(names.breakdown_axis(bd), bd.label_nl, bd.label_en)
        total = b.member(names.breakdown_total(bd), f"{bd.label_nl}: totaal", f"{bd.label_en}: total")
        members = [b.member(names.breakdown_member(bd, m), m.label_nl, m.label_en) for m in bd.members]
        breakdown_dims[bd.code] = (axis, total, members)

    indicator_items: dict[str, Concept] = {}
    for ind in cat.indicators:
        unit = cat.unit_by_code[ind.unit]
        source = cat.source_by_code[ind.source]
        freq = cat.frequency_by_code[ind.frequency]
        direction_nl = "hoger is beter" if ind.direction.value == "higher" else "lager is beter"
        direction_en = "higher is better" if ind.direction.value == "higher" else "lower is better"
        national = ind.level.value == "national"
        level_nl = "alleen landelijk cijfer" if national else "landelijk cijfer met spreiding over instellingen"
        level_en = "national figure only" if national else "national figure with the spread over institutions"
        indicator_items[ind.code] = b.item(
            ind.name, UNIT_TYPES[ind.unit], ind.label_nl, ind.label_en,
            f"{ind.definition_nl} Eenheid: {unit.label_nl}; {direction_nl}; bron: {source.label_nl}; "
            f"frequentie: {freq.label_nl}; monitor: {level_nl}. Indicator {ind.code}.",
            f"{ind.definition_en} Unit: {unit.label_en}; {direction_en}; source: {source.label_en}; "
            f"frequency: {freq.label_en}; monitor: {level_en}. Indicator {ind.code}.",
            [indicator_ref(ind), werkagenda_ref(ind.objective, objective_priority[ind.objective])])
        _terse(indicator_items[ind.code], ind.code)

    # --- own indicators and alternative sources ------------------------------------------
    # The typed domain element: written by the types schema writer, labelled like every concept.
    b.add(Concept("types", names.OWN_INDICATOR_CODE, "xs:token", substitution_group="",
                  label_nl="Code eigen indicator", label_en="Own indicator code",
                  doc_nl="De eigen code van de instelling voor een eigen indicator.",
                  doc_en="The institution's own code for an own indicator."))
    own_axis = b.axis(names.OWN_INDICATOR_AXIS, "Eigen indicator", "Own indicator",
                      typed_domain_ref=f"mbo-types.xsd#mbo-types_{names.OWN_INDICATOR_CODE}")
    own_def = [
        b.item(names.OWN_INDICATOR_NAME, "mbo-types:textItemType", "Naam eigen indicator", "Name of own indicator",
               "De naam van een indicator die de instelling zelf toevoegt.", "The name of an indicator the institution adds."),
        b.item(names.OWN_INDICATOR_DEFINITION, "mbo-types:textItemType", "Definitie eigen indicator",
               "Definition of own indicator", "Wat de eigen indicator meet en hoe.", "What the own indicator measures and how."),
        b.item(names.OWN_INDICATOR_UNIT, "mbo-types:unitCodeItemType", "Eenheid eigen indicator", "Unit of own indicator",
               "De eenheid: percentage, mark (rapportcijfer), count (aantal) of ratio.",
               "The unit: percentage, mark, count or ratio."),
        b.item(names.OWN_INDICATOR_DIRECTION, "mbo-types:directionItemType", "Richting eigen indicator",
               "Direction of own indicator", "higher (hoger is beter) of lower (lager is beter).",
               "higher (higher is better) or lower (lower is better)."),
        b.item(names.OWN_INDICATOR_SOURCE, "mbo-types:textItemType", "Bron eigen indicator", "Source of own indicator",
               "De bron van de eigen indicator, met de kwaliteitsinformatie ervan.",
               "The source of the own indicator, with its quality information."),
    ]
    own_value = b.item(names.OWN_INDICATOR_VALUE, "xbrli:decimalItemType", "Waarde eigen indicator",
                       "Value of own indicator", "Start-, streef- of realisatiewaarde van een eigen indicator.",
                       "Start, target or realised value of an own indicator.",
                       [Reference(DEFINITION_REF, [("Name", MONITORING_PLAN), ("Section", "Eigen indicatoren van instellingen")])])
    alt_items = [
        b.item(names.ALTERNATIVE_SOURCE_USED, "xbrli:booleanItemType", "Alternatieve bron gebruikt",
               "Alternative source used", "Of de instelling voor deze indicator een alternatieve bron gebruikt.",
               "Whether the institution uses an alternative source for this indicator.",
               [Reference(DEFINITION_REF, [("Name", MONITORING_PLAN), ("Section", "Alternatieve bronnen")])]),
        b.item(names.ALTERNATIVE_SOURCE_DESCRIPTION, "mbo-types:textItemType", "Beschrijving alternatieve bron",
               "Description of the alternative source",
               "Welke bron de instelling gebruikt en de kwaliteitsinformatie ervan.",
               "Which source the institution uses and its quality information.",
               [Reference(DEFINITION_REF, [("Name", MONITORING_PLAN), ("Section", "Alternatieve bronnen")])]),
    ]
    indicator_axis = b.axis(names.INDICATOR_AXIS, "Indicator", "Indicator")
    indicator_domain = b.member(names.INDICATOR_DOMAIN, "Indicatoren", "Indicators")
    indicator_members = [b.member(names.indicator_member(i), f"{i.code} {i.label_nl}", f"{i.code} {i.label_en}")
                         for i in cat.indicators]

    defaults = [(objective_axis, objective_total), (measure_axis, measure_total)]
    defaults += [(axis, total) for axis, total, _ in breakdown_dims.values()]

    from mbo_xbrl.taxonomy.generate.form import Vocabulary, build_sections  # the form arranges these concepts

    vocabulary = Vocabulary(
        institution_name=institution_name, reporting_year=reporting_year, narrative=narrative, works_on=works_on,
        objective_narrative=objective_narrative, applied=applied, explanation=explanation, budget=budget,
        earmarked=earmarked, objective_axis=objective_axis, objective_total=objective_total,
        objective_members={o.code: m for o, m in zip(cat.objectives, objective_members)},
        own_measures_members={o.code: m for o, m in zip(cat.objectives, own_measure_members)},
        measure_axis=measure_axis, measure_total=measure_total,
        measure_members={m.code: c for m, c in zip(cat.measures, measure_members)},
        value_kinds=Dimension(value_kind_axis, value_kind_domain, False, value_kind_members),
        value_kind_members={k.code: c for k, c in zip(cat.value_kinds, value_kind_members)},
        breakdowns=breakdown_dims, indicator_items=indicator_items, own_axis=own_axis, own_definition=own_def,
        own_value=own_value, alternative_items=alt_items, indicator_axis=indicator_axis,
        indicator_domain=indicator_domain,
        indicator_members={i.code: c for i, c in zip(cat.indicators, indicator_members)})
    sections = build_sections(cat, vocabulary, b)
    non_funded = build_sections(cat, vocabulary, b, non_funded=True)  # adds the hypercube of what it does not ask
    return TaxonomyModel(release, b.concepts, sections, defaults, non_funded)
