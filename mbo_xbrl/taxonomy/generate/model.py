"""The taxonomy as data: every concept, label, reference, link role and dimension tree.

Computed from the catalogue alone; the writers in this package only serialise it. Keeping the
decisions here (one place) is what lets the engine's `concepts` module and the generator agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mbo_xbrl.catalogue import Catalogue, Indicator
from mbo_xbrl.taxonomy import names
from mbo_xbrl.taxonomy.releases import PARTS, Release

MONITORING_PLAN = "Zicht op wat werkt: monitoringsplan Werkagenda mbo en Stagepact 2023-2027"
WERKAGENDA = "Werkagenda mbo 2023-2027"
SEED_TITLES = {
    "001": "Voortgangsbrief Werkagenda mbo en Stagepact (juli 2024)",
    "002": "Syntheserapport monitor Werkagenda mbo en Stagepact (2024)",
    "003": MONITORING_PLAN,
}
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


@dataclass
class DefinitionRole:
    """A definition link role: line items, their hypercube and its dimensions."""

    code: str
    title_nl: str
    title_en: str
    head: Concept
    items: list[Concept]
    table: Concept
    dimensions: list[Dimension]


@dataclass
class Node:
    concept: Concept
    children: list[Node] = field(default_factory=list)


@dataclass
class PresentationRole:
    code: str
    title_nl: str
    title_en: str
    root: Node


@dataclass
class TaxonomyModel:
    release: Release
    concepts: list[Concept]
    definition_roles: list[DefinitionRole]
    presentation_roles: list[PresentationRole]
    defaults: list[tuple[Concept, Concept]]  # (axis, default member)

    def concepts_in(self, part: str) -> list[Concept]:
        return [c for c in self.concepts if c.part == part]

    def role_uri(self, code: str) -> str:
        return f"{self.release.role_base}{code}"


class _Builder:
    def __init__(self) -> None:
        self.concepts: list[Concept] = []
        self._by_key: dict[tuple[str, str], Concept] = {}

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


def werkagenda_ref(objective_code: str, priority: str) -> Reference:
    return Reference(DISCLOSURE_REF, [("Name", WERKAGENDA), ("Chapter", f"Prioriteit {priority}"),
                                      ("Number", objective_code)])


def indicator_ref(indicator: Indicator) -> Reference:
    return Reference(DEFINITION_REF, [("Name", MONITORING_PLAN),
                                      ("Section", f"Indicatoren {indicator.monitoring_ref}"),
                                      ("Number", indicator.code)])


def build_model(catalogue: Catalogue, release: Release) -> TaxonomyModel:
    """Every concept and relationship of the taxonomy, derived from the catalogue."""
    b = _Builder()
    cat = catalogue
    objective_priority = {o.code: o.priority for o in cat.objectives}

    # --- general information -------------------------------------------------------------
    institution_name = b.item(
        names.INSTITUTION_NAME, "mbo-types:textItemType", "Naam instelling", "Name of the institution",
        "De statutaire naam van de bekostigde mbo-instelling.", "The registered name of the funded mbo institution.")
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
        "budgets and measures are required.")
    objective_narrative = b.item(
        names.OBJECTIVE_NARRATIVE, "mbo-types:textItemType", "Toelichting op de doelstelling",
        "Explanation of the objective",
        "Voortgang op de doelstelling, of waarom de instelling er niet aan werkt.",
        "Progress on the objective, or why the institution does not work on it.")

    objective_axis = b.axis(names.OBJECTIVE_AXIS, "Doelstelling", "Objective")
    objective_total = b.member(names.OBJECTIVE_TOTAL, "Alle doelstellingen (totaal)", "All objectives (total)")
    objective_members = []
    for o in cat.objectives:
        objective_members.append(b.member(
            names.objective_member(o), f"{o.code} {o.label_nl}", f"{o.code} {o.label_en}",
            f"Werkagenda-doelstelling {o.code}: {o.seed.passage}", f"Werkagenda objective {o.code}.",
            [werkagenda_ref(o.code, o.priority)]))

    # --- measures ------------------------------------------------------------------------
    applied = b.item(
        names.MEASURE_APPLIED, "xbrli:booleanItemType", "Maatregel wordt toegepast", "Measure is applied",
        "Pas toe of leg uit: of de instelling de maatregel toepast.",
        "Apply or explain: whether the institution applies the measure.")
    explanation = b.item(
        names.MEASURE_EXPLANATION, "mbo-types:textItemType", "Uitleg bij niet toepassen van de maatregel",
        "Explanation for not applying the measure",
        "Waarom de instelling de maatregel niet toepast (leg uit).", "Why the institution does not apply the measure.")
    measure_axis = b.axis(names.MEASURE_AXIS, "Maatregel", "Measure")
    measure_total = b.member(names.MEASURE_TOTAL, "Alle maatregelen (totaal)", "All measures (total)")
    measure_members = []
    for m in cat.measures:
        flags_nl = ", ".join(x for x in ("verplicht" if m.mandatory else "", "geoormerkt" if m.earmarked else "") if x)
        flags_en = ", ".join(x for x in ("mandatory" if m.mandatory else "", "earmarked" if m.earmarked else "") if x)
        measure_members.append(b.member(
            names.measure_member(m), f"{m.code} {m.label_nl}", f"{m.code} {m.label_en}",
            f"Maatregel bij doelstelling {m.objective}{' (' + flags_nl + ')' if flags_nl else ''}.",
            f"Measure of objective {m.objective}{' (' + flags_en + ')' if flags_en else ''}.",
            [werkagenda_ref(m.objective, objective_priority[m.objective]),
             Reference(DEFINITION_REF, [("Name", SEED_TITLES[m.seed.document]), ("Note", m.seed.passage)])]))
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
        "objective's total, with a measure the part for that measure.")
    earmarked = b.item(
        names.EARMARKED_AMOUNT, "xbrli:monetaryItemType", "Geoormerkt bedrag", "Earmarked amount",
        "Het bedrag dat OCW voor een doelstelling heeft geoormerkt (vooraf ingevuld).",
        "The amount OCW earmarked for an objective (pre-filled).")

    # --- indicators ----------------------------------------------------------------------
    value_kind_axis = b.axis(names.VALUE_KIND_AXIS, "Soort waarde", "Kind of value")
    value_kind_domain = b.member(names.VALUE_KIND_DOMAIN, "Soorten waarden", "Kinds of value")
    value_kind_members = [b.member(names.value_kind_member(v), v.label_nl, v.label_en) for v in cat.value_kinds]
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
        indicator_items[ind.code] = b.item(
            ind.name, UNIT_TYPES[ind.unit], ind.label_nl, ind.label_en,
            f"{ind.definition_nl} Eenheid: {unit.label_nl}; {direction_nl}; bron: {source.label_nl}; "
            f"frequentie: {freq.label_nl}. Indicator {ind.code}.",
            f"{ind.definition_en} Unit: {unit.label_en}; {direction_en}; source: {source.label_en}; "
            f"frequency: {freq.label_en}. Indicator {ind.code}.",
            [indicator_ref(ind), werkagenda_ref(ind.objective, objective_priority[ind.objective])])

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

    # --- definition link roles -----------------------------------------------------------
    def table(name: str, nl: str, en: str) -> Concept:
        return b.abstract("tables", name, nl, en, group="xbrldt:hypercubeItem")

    def head(name: str, nl: str, en: str) -> Concept:
        return b.abstract("tables", name, nl, en)

    roles: list[DefinitionRole] = []
    roles.append(DefinitionRole(
        "general", "Algemene gegevens", "General information",
        head("GeneralLineItems", "Algemene gegevens (regels)", "General information (line items)"),
        [institution_name, narrative],
        table("GeneralTable", "Algemene gegevens (tabel)", "General information (table)"), []))
    roles.append(DefinitionRole(
        "objectives", "Doelstellingen", "Objectives",
        head("ObjectivesLineItems", "Doelstellingen (regels)", "Objectives (line items)"),
        [works_on, objective_narrative],
        table("ObjectivesTable", "Doelstellingen (tabel)", "Objectives (table)"),
        [Dimension(objective_axis, objective_total, False, objective_members)]))
    roles.append(DefinitionRole(
        "measures", "Maatregelen: pas toe of leg uit", "Measures: apply or explain",
        head("MeasuresLineItems", "Maatregelen (regels)", "Measures (line items)"),
        [applied, explanation],
        table("MeasuresTable", "Maatregelen (tabel)", "Measures (table)"),
        [Dimension(measure_axis, measure_total, False, measure_members)]))
    roles.append(DefinitionRole(
        "budget", "Begroting kwaliteitsmiddelen", "Budget of the quality funds",
        head("BudgetLineItems", "Begroting (regels)", "Budget (line items)"), [budget],
        table("BudgetTable", "Begroting (tabel)", "Budget (table)"),
        [Dimension(objective_axis, objective_total, True, objective_members),
         Dimension(measure_axis, measure_total, True, measure_members + own_measure_members)]))
    roles.append(DefinitionRole(
        "earmarks", "Geoormerkte bedragen", "Earmarked amounts",
        head("EarmarksLineItems", "Geoormerkte bedragen (regels)", "Earmarked amounts (line items)"), [earmarked],
        table("EarmarksTable", "Geoormerkte bedragen (tabel)", "Earmarked amounts (table)"),
        [Dimension(objective_axis, objective_total, True,
                   [m for o, m in zip(cat.objectives, objective_members) if cat.is_earmarked(o.code)])]))
    value_kinds = Dimension(value_kind_axis, value_kind_domain, False, value_kind_members)
    indicator_table = table("IndicatorValuesTable", "Indicatorwaarden (tabel)", "Indicator values (table)")
    indicator_head = head("IndicatorLineItems", "Indicatoren (regels)", "Indicators (line items)")
    for signature in _signatures(cat):
        members = [indicator_items[i.code] for i in cat.indicators if tuple(i.breakdowns) == signature]
        dims = [value_kinds] + [Dimension(breakdown_dims[s][0], breakdown_dims[s][1], True, breakdown_dims[s][2])
                                for s in signature]
        nl = ", ".join(cat.breakdown_by_code[s].label_nl.lower() for s in signature) or "geen uitsplitsing"
        en = ", ".join(cat.breakdown_by_code[s].label_en.lower() for s in signature) or "no breakdown"
        roles.append(DefinitionRole(
            "indicators-" + ("-".join(s.replace("_", "") for s in signature) or "total"),
            f"Indicatoren: {nl}", f"Indicators: {en}", indicator_head, members, indicator_table, dims))
    roles.append(DefinitionRole(
        "own-indicators", "Eigen indicatoren: definitie", "Own indicators: definition",
        head("OwnIndicatorsLineItems", "Eigen indicatoren (regels)", "Own indicators (line items)"), own_def,
        table("OwnIndicatorsTable", "Eigen indicatoren (tabel)", "Own indicators (table)"),
        [Dimension(own_axis, None), Dimension(objective_axis, objective_total, False, objective_members)]))
    roles.append(DefinitionRole(
        "own-indicator-values", "Eigen indicatoren: waarden", "Own indicators: values",
        head("OwnIndicatorValuesLineItems", "Waarden eigen indicatoren (regels)", "Own indicator values (line items)"),
        [own_value],
        table("OwnIndicatorValuesTable", "Waarden eigen indicatoren (tabel)", "Own indicator values (table)"),
        [Dimension(own_axis, None), Dimension(objective_axis, objective_total, False, objective_members), value_kinds]))
    roles.append(DefinitionRole(
        "alternative-sources", "Alternatieve bronnen", "Alternative sources",
        head("AlternativeSourcesLineItems", "Alternatieve bronnen (regels)", "Alternative sources (line items)"),
        alt_items,
        table("AlternativeSourcesTable", "Alternatieve bronnen (tabel)", "Alternative sources (table)"),
        [Dimension(indicator_axis, indicator_domain, False, indicator_members)]))

    defaults = [(objective_axis, objective_total), (measure_axis, measure_total)]
    defaults += [(axis, total) for axis, total, _ in breakdown_dims.values()]

    # --- presentation link roles ---------------------------------------------------------
    def title(name: str, nl: str, en: str) -> Concept:
        return b.abstract("abstracts", name, nl, en)

    pres = [
        PresentationRole("pres-general", "Algemene gegevens", "General information",
                         Node(title("GeneralTitle", "Algemene gegevens", "General information"),
                              [Node(institution_name), Node(narrative)])),
        PresentationRole("pres-objectives", "Doelstellingen", "Objectives",
                         Node(title("ObjectivesTitle", "Doelstellingen", "Objectives"),
                              [Node(works_on), Node(objective_narrative)])),
    ]
    for p in cat.priorities:
        objective_nodes = []
        for o in cat.objectives_of(p.code):
            inds = [Node(indicator_items[i.code]) for i in cat.indicators_of(o.code)]
            if inds:
                objective_nodes.append(Node(title(f"{o.name}Title", f"{o.code} {o.label_nl}", f"{o.code} {o.label_en}"), inds))
        pres.append(PresentationRole(
            f"pres-indicators-priority-{p.code}", f"Indicatoren prioriteit {p.code}", f"Indicators priority {p.code}",
            Node(title(f"Priority{p.code}Title", f"Prioriteit {p.code}: {p.label_nl}", f"Priority {p.code}: {p.label_en}"),
                 objective_nodes)))
    pres += [
        PresentationRole("pres-own-indicators", "Eigen indicatoren", "Own indicators",
                         Node(title("OwnIndicatorsTitle", "Eigen indicatoren", "Own indicators"),
                              [Node(c) for c in own_def] + [Node(own_value)])),
        PresentationRole("pres-alternative-sources", "Alternatieve bronnen", "Alternative sources",
                         Node(title("AlternativeSourcesTitle", "Alternatieve bronnen", "Alternative sources"),
                              [Node(c) for c in alt_items])),
        PresentationRole("pres-budget", "Begroting", "Budget",
                         Node(title("BudgetTitle", "Begroting kwaliteitsmiddelen", "Budget of the quality funds"),
                              [Node(budget), Node(earmarked)])),
        PresentationRole("pres-measures", "Maatregelen", "Measures",
                         Node(title("MeasuresTitle", "Maatregelen: pas toe of leg uit", "Measures: apply or explain"),
                              [Node(applied), Node(explanation)])),
    ]
    return TaxonomyModel(release, b.concepts, roles, pres, defaults)


def _signatures(cat: Catalogue) -> list[tuple[str, ...]]:
    """Distinct breakdown combinations, in catalogue order."""
    seen: list[tuple[str, ...]] = []
    for i in cat.indicators:
        if tuple(i.breakdowns) not in seen:
            seen.append(tuple(i.breakdowns))
    return seen
