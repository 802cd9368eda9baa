"""The form: the questionnaire's sections, each one link role shared by presentation, definition and tables.

A section is what an institution fills in on one page of the questionnaire, in the order the
monitoring plan asks for it: general information; per objective the works-on declaration, the
indicators (start value, target 2027, realisation, with their breakdowns), the measures (apply or
explain) and the budget per year; own indicators; alternative sources; the progress narrative.

Each section declares, once, three views of the same content under one link role:

* its **dimensional model** (hypercubes of the definition linkbase: which dimensions each item takes);
* its **presentation** (the tree a taxonomy viewer shows);
* its **tables** (Table Linkbase 1.0: rows, columns and the aspects of each cell), which a generic
  XBRL processor renders as the form, and, given a filing, fills with its values.

Everything is derived from the catalogue and the concepts of `model.py`; the writers only serialise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mbo_xbrl.catalogue import Catalogue, Indicator
from mbo_xbrl.taxonomy.generate.model import Builder, Concept, Dimension, Node

BUDGET_MEASURES_ROLE = "budget-measures"
DIMENSION_DEFAULTS_ROLE = "dimension-defaults"


@dataclass
class Hypercube:
    """Line items and the closed hypercube (in the scenario) their facts are valid in.

    Two hypercubes of one link role may share at most one dimension (XDT forbids undirected cycles of
    hypercube-dimension arcs), so a hypercube that shares more (the indicator tables) keeps its
    dimensions in a role of its own, `dimensions_role`, reached by the `all` arc's target role.
    """

    head: Concept
    items: list[Concept]
    table: Concept
    dimensions: list[Dimension]
    dimensions_role: str | None = None
    # A `notAll` hypercube without dimensions, open: every context is valid against it, so its items are
    # valid in none. The non-funded entry point puts what it does not ask (budgets, measures...) in one.
    negated: bool = False


def helper_roles(sections: list[Section]) -> dict[str, tuple[str, str]]:
    """The definition-only link roles the sections point into, with their Dutch and English titles."""
    roles: dict[str, tuple[str, str]] = {}
    for section in sections:
        for cube in section.hypercubes:
            if cube.dimensions_role:
                roles[cube.dimensions_role] = (f"Dimensies: {cube.table.label_nl}", f"Dimensions: {cube.table.label_en}")
            for d in cube.dimensions:
                if d.target_role == BUDGET_MEASURES_ROLE:
                    roles[d.target_role] = ("Maatregelen in een begroting", "Measures in a budget")
    roles[DIMENSION_DEFAULTS_ROLE] = ("Standaardleden van dimensies", "Dimension defaults")
    return roles


@dataclass
class TableNode:
    """A row or column of a form table: a rule node (fixed aspects) or an aspect node (open rows).

    A child inherits its ancestors' aspects. `abstract` nodes only group and label their children.
    """

    label_nl: str
    label_en: str
    concept: Concept | None = None
    members: list[tuple[Concept, Concept]] = field(default_factory=list)  # (axis, member)
    year: int | None = None  # the calendar year as the period
    open_axis: Concept | None = None  # an aspect node: one row per value found in the filing
    # a dimension relationship node: one row per child of (axis, member) in the domain of a link role (code)
    children_of: tuple[Concept, Concept, str] | None = None
    abstract: bool = False
    # False where the taxonomy's own label of the node's concept or member is the header: a processor
    # shows that label itself, so the table linkbase need not repeat it (a third of its size)
    labelled: bool = True
    children: list[TableNode] = field(default_factory=list)

    def walk(self) -> list[TableNode]:
        return [self] + [n for child in self.children for n in child.walk()]


@dataclass
class FormTable:
    """One Table Linkbase 1.0 table: a column breakdown and one or more row breakdowns."""

    columns: list[TableNode]
    rows: list[list[TableNode]]  # each inner list is one breakdown's trees


@dataclass
class Section:
    """One page of the form: one link role shared by the three linkbases."""

    number: int
    slug: str
    title_nl: str
    title_en: str
    hypercubes: list[Hypercube]
    presentation: Node
    table: FormTable  # one per link role: that is what a table processor renders per role

    @property
    def code(self) -> str:
        """The link role's last path step, numbered so sorting by URI gives questionnaire order."""
        return f"{self.number:02d}-{self.slug}"

    @property
    def heading_nl(self) -> str:
        return f"{self.number:02d} {self.title_nl}"

    @property
    def heading_en(self) -> str:
        return f"{self.number:02d} {self.title_en}"


@dataclass
class Vocabulary:
    """The concepts the form arranges (made by `model.build_model`)."""

    institution_name: Concept
    reporting_year: Concept | None  # from the release that states the reporting year as a fact
    narrative: Concept
    works_on: Concept
    objective_narrative: Concept
    applied: Concept
    explanation: Concept
    budget: Concept
    earmarked: Concept
    objective_axis: Concept
    objective_total: Concept
    objective_members: dict[str, Concept]  # by objective code
    own_measures_members: dict[str, Concept]  # by objective code
    measure_axis: Concept
    measure_total: Concept
    measure_members: dict[str, Concept]  # by measure code
    value_kinds: Dimension
    value_kind_members: dict[str, Concept]  # by value kind code
    breakdowns: dict[str, tuple[Concept, Concept, list[Concept]]]  # by code: (axis, total, members)
    indicator_items: dict[str, Concept]  # by indicator code
    own_axis: Concept
    own_definition: list[Concept]
    own_value: Concept
    alternative_items: list[Concept]
    indicator_axis: Concept
    indicator_domain: Concept
    indicator_members: dict[str, Concept]  # by indicator code


def _row(concept: Concept, lang_labels: tuple[str, str] | None = None, **kw: object) -> TableNode:
    nl, en = lang_labels or (concept.label_nl, concept.label_en)
    return TableNode(nl, en, concept=concept, labelled=lang_labels is not None, **kw)  # type: ignore[arg-type]


def _member_row(axis: Concept, member: Concept, **kw: object) -> TableNode:
    return TableNode(member.label_nl, member.label_en, members=[(axis, member)], labelled=False,
                     **kw)  # type: ignore[arg-type]


def _total_row(nl: str = "Totaal", en: str = "Total") -> TableNode:
    """The row of a group's own value: it adds no aspect to what the group fixes.

    A group is abstract with its total as first child, not a non-abstract parent: plain Arelle (2.47)
    lays out a non-abstract parent with children twice, once for itself and once as their roll-up.
    """
    return TableNode(nl, en)


def _value_column() -> list[TableNode]:
    return [TableNode("Waarde", "Value")]


def build_sections(cat: Catalogue, v: Vocabulary, b: Builder, non_funded: bool = False) -> list[Section]:
    """The sections of the form, in questionnaire order.

    `non_funded`: the form of a non-funded institution (seed 003): general information, the indicators
    that apply to them, alternative sources and the narrative; no declarations, measures, budgets or own
    indicators. Its sections keep the numbers (and so the link roles) they have in the whole form, and
    every other reportable item is made invalid in its general section (a `notAll` hypercube)."""
    def asked(indicators: list[Indicator]) -> list[Indicator]:
        return [i for i in indicators if i.non_funded] if non_funded else indicators

    def title(name: str, nl: str, en: str) -> Concept:
        return b.concept("abstracts", name) or b.abstract("abstracts", name, nl, en)

    def hypercube(name: str, nl: str, en: str, items: list[Concept], dims: list[Dimension],
                  own_role: bool = False) -> Hypercube:
        head = b.concept("tables", f"{name}LineItems") or b.abstract(
            "tables", f"{name}LineItems", f"{nl} (regels)", f"{en} (line items)")
        table = b.concept("tables", f"{name}Table") or b.abstract(
            "tables", f"{name}Table", f"{nl} (tabel)", f"{en} (table)", group="xbrldt:hypercubeItem")
        return Hypercube(head, items, table, dims, _kebab(name) if own_role else None)

    value_kind_columns = [_member_row(v.value_kinds.axis, v.value_kind_members[k.code]) for k in cat.value_kinds]
    year_columns = [TableNode(str(y), str(y), year=y) for y in cat.plan_years]
    sections: list[Section] = []
    numbers = iter(range(1, 1000))

    def add(slug: str, nl: str, en: str, cubes: list[Hypercube], presentation: tuple[str, list[Concept]],
            table: FormTable, funded_only: bool = False) -> None:
        number = next(numbers)  # counted in either form: a section has one number, one link role
        if non_funded and funded_only:
            return
        name, items = presentation
        root = Node(title(name, nl, en), [Node(c) for c in items])
        sections.append(Section(number, slug, nl, en, cubes, root, table))

    # --- general information -------------------------------------------------------------
    general = [v.institution_name] + ([v.reporting_year] if v.reporting_year is not None else [])
    add("general", "Algemene gegevens", "General information",
        [hypercube("General", "Algemene gegevens", "General information", general, [])],
        ("GeneralTitle", general),
        FormTable(_value_column(), [[_row(c) for c in general]]))
    add("budget-total", "Begroting kwaliteitsmiddelen: totaal", "Budget of the quality funds: total",
        [hypercube("BudgetTotal", "Begroting totaal", "Budget total", [v.budget], [])],
        ("BudgetTotalTitle", [v.budget]),
        FormTable(year_columns, [[_row(v.budget, ("Totaal begroot", "Total budgeted"))]]), funded_only=True)

    # --- per objective: declaration, indicators, measures, budget -------------------------
    # A budget may name any measure (a measure under another objective is a finding, not a malformed fact);
    # its domain lives in a role of its own because the apply-or-explain section of the same objective
    # needs the measure axis with an unusable total and only the objective's measures.
    budget_measures = Dimension(v.measure_axis, v.measure_total, True,
                                list(v.measure_members.values()) + list(v.own_measures_members.values()),
                                target_role=BUDGET_MEASURES_ROLE)
    # each breakdown's members, read from the domain in the first indicator-values role that has it
    domain_roles: dict[str, str] = {}
    for signature in _signatures(asked(cat.indicators)):
        for code in signature:
            domain_roles.setdefault(code, _kebab(_indicator_values(v, signature)))
    for o in cat.objectives:
        member = v.objective_members[o.code]
        of_objective = [(v.objective_axis, member)]
        only_this = Dimension(v.objective_axis, v.objective_total, False, [member])
        heading_nl, heading_en = f"Doelstelling {o.code} {o.label_nl}", f"Objective {o.code} {o.label_en}"
        slug = f"objective-{o.code}"

        add(f"{slug}-declaration", heading_nl, heading_en,
            [hypercube("Objectives", "Doelstellingen", "Objectives", [v.works_on, v.objective_narrative], [only_this])],
            (f"{o.name}Title", [v.works_on, v.objective_narrative]),
            FormTable(_value_column(), [[_row(v.works_on, members=of_objective),
                                         _row(v.objective_narrative, members=of_objective)]]), funded_only=True)

        indicators = asked(cat.indicators_of(o.code))
        if cat.indicators_of(o.code) and not indicators:
            next(numbers)  # a section of the whole form only
        if indicators:
            cubes = []
            for signature in _signatures(indicators):
                nl = ", ".join(cat.breakdown_by_code[s].label_nl.lower() for s in signature) or "zonder uitsplitsing"
                en = ", ".join(cat.breakdown_by_code[s].label_en.lower() for s in signature) or "no breakdown"
                dims = [v.value_kinds] + [Dimension(v.breakdowns[s][0], v.breakdowns[s][1], True, v.breakdowns[s][2])
                                          for s in signature]
                cubes.append(hypercube(
                    _indicator_values(v, signature), f"Indicatorwaarden ({nl})", f"Indicator values ({en})",
                    [v.indicator_items[i.code] for i in indicators if tuple(i.breakdowns) == signature], dims,
                    own_role=True))
            add(f"{slug}-indicators", f"{heading_nl}: indicatoren", f"{heading_en}: indicators", cubes,
                (f"{o.name}IndicatorsTitle", [v.indicator_items[i.code] for i in indicators]),
                FormTable(value_kind_columns, [[_indicator_rows(cat, i, v, domain_roles) for i in indicators]]))

        measures = cat.measures_of(o.code)
        if measures:
            add(f"{slug}-measures", f"{heading_nl}: maatregelen (pas toe of leg uit)",
                f"{heading_en}: measures (apply or explain)",
                [hypercube("Measures", "Maatregelen", "Measures", [v.applied, v.explanation],
                           [Dimension(v.measure_axis, v.measure_total, False,
                                      [v.measure_members[m.code] for m in measures])])],
                (f"{o.name}MeasuresTitle", [v.applied, v.explanation]),
                FormTable([_row(v.applied, ("Pas toe", "Applied")), _row(v.explanation, ("Uitleg", "Explanation"))],
                          [[_member_row(v.measure_axis, v.measure_members[m.code]) for m in measures]]),
                funded_only=True)

        cubes = [hypercube("Budget", "Begroting", "Budget", [v.budget], [only_this, budget_measures])]
        rows = [_row(v.budget, members=of_objective, abstract=True, children=[_total_row("Totaal doelstelling",
                                                                                         "Objective total")]
                     + [_member_row(v.measure_axis, v.measure_members[m.code]) for m in measures]
                     + [_member_row(v.measure_axis, v.own_measures_members[o.code])])]
        items = [v.budget]
        if cat.is_earmarked(o.code):
            cubes.append(hypercube("Earmarks", "Geoormerkte bedragen", "Earmarked amounts", [v.earmarked],
                                   [only_this]))
            rows.append(_row(v.earmarked, members=of_objective, abstract=True,
                             children=[_total_row("Totaal doelstelling", "Objective total")]))
            items.append(v.earmarked)
        add(f"{slug}-budget", f"{heading_nl}: begroting", f"{heading_en}: budget", cubes,
            (f"{o.name}BudgetTitle", items), FormTable(year_columns, [rows]), funded_only=True)

    # --- own indicators ------------------------------------------------------------------
    all_objectives = Dimension(v.objective_axis, v.objective_total, False, list(v.objective_members.values()))
    own_values = [_row(v.own_value, (f"Waarde: {m.label_nl}", f"Value: {m.label_en}"), members=[(v.value_kinds.axis, m)])
                  for m in v.value_kind_members.values()]
    add("own-indicators", "Eigen indicatoren", "Own indicators",
        [hypercube("OwnIndicators", "Eigen indicatoren", "Own indicators", v.own_definition,
                   [Dimension(v.own_axis, None), all_objectives]),
         hypercube("OwnIndicatorValues", "Waarden eigen indicatoren", "Own indicator values", [v.own_value],
                   [Dimension(v.own_axis, None), all_objectives, v.value_kinds], own_role=True)],
        ("OwnIndicatorsTitle", v.own_definition + [v.own_value]),
        FormTable([_row(c) for c in v.own_definition] + own_values,
                  [[TableNode(m.label_nl, m.label_en, members=[(v.objective_axis, m)], abstract=True,
                              children=[TableNode("Code eigen indicator", "Own indicator code", open_axis=v.own_axis)])
                    for m in v.objective_members.values()]]), funded_only=True)

    # --- alternative sources ---------------------------------------------------------------
    add("alternative-sources", "Alternatieve bronnen", "Alternative sources",
        [hypercube("AlternativeSources", "Alternatieve bronnen", "Alternative sources", v.alternative_items,
                   [Dimension(v.indicator_axis, v.indicator_domain, False,
                              [v.indicator_members[i.code] for i in asked(cat.indicators)])])],
        ("AlternativeSourcesTitle", v.alternative_items),
        FormTable([_row(c) for c in v.alternative_items],
                  [[TableNode(f"{o.code} {o.label_nl}", f"{o.code} {o.label_en}", abstract=True, children=[
                      _member_row(v.indicator_axis, v.indicator_members[i.code]) for i in asked(cat.indicators_of(o.code))])
                    for o in cat.objectives if asked(cat.indicators_of(o.code))]]))

    # --- the progress narrative ------------------------------------------------------------
    add("narrative", "Voortgangsparagraaf", "Progress narrative",
        [hypercube("Narrative", "Voortgangsparagraaf", "Progress narrative", [v.narrative], [])],
        ("NarrativeTitle", [v.narrative]), FormTable(_value_column(), [[_row(v.narrative)]]))
    if non_funded:
        in_form = {item.id for section in sections for cube in section.hypercubes for item in cube.items}
        not_asked = [c for c in b.concepts if c.part == "data" and not c.abstract and c.id not in in_form]
        sections[0].hypercubes.append(Hypercube(
            *_cube_concepts(b, "NotAskedOfNonFunded", "Niet gevraagd van niet-bekostigde instellingen",
                            "Not asked of non-funded institutions"), [], negated=True))
        sections[0].hypercubes[-1].items.extend(not_asked)
    return sections


def _cube_concepts(b: Builder, name: str, nl: str, en: str) -> tuple[Concept, list[Concept], Concept]:
    """The line-items head and the hypercube of a hypercube named `name` (made once), items to fill in."""
    head = b.concept("tables", f"{name}LineItems") or b.abstract("tables", f"{name}LineItems", f"{nl} (regels)",
                                                                 f"{en} (line items)")
    table = b.concept("tables", f"{name}Table") or b.abstract("tables", f"{name}Table", f"{nl} (tabel)",
                                                              f"{en} (table)", group="xbrldt:hypercubeItem")
    return head, [], table


def _indicator_rows(cat: Catalogue, indicator: Indicator, v: Vocabulary, domain_roles: dict[str, str]) -> TableNode:
    """The indicator's total row, then a row per member of each breakdown the monitoring plan names.

    Every row sits at the same depth (no level of its own per breakdown): plain Arelle (2.47) writes a
    table whose rows differ in depth to XLSX with values in merged cells. A member's label says which
    breakdown it belongs to ("Niveau 2", "Vrouw", "Zorg en welzijn").
    """
    concept = v.indicator_items[indicator.code]
    rows = [_total_row()]
    for code in indicator.breakdowns:
        axis, total, _members = v.breakdowns[code]
        rows.append(TableNode("", "", children_of=(axis, total, domain_roles[code]), labelled=False))
    return _row(concept, (f"{indicator.code} {indicator.label_nl}", f"{indicator.code} {indicator.label_en}"),
                abstract=True, children=rows)


def _indicator_values(v: Vocabulary, signature: tuple[str, ...]) -> str:
    """The name of the hypercube (and, kebab-cased, of its dimensions' role) of one breakdown combination."""
    return "IndicatorValues" + ("".join(v.breakdowns[s][0].name.removesuffix("Axis") for s in signature) or "Total")


def _kebab(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def _signatures(indicators: list[Indicator]) -> list[tuple[str, ...]]:
    """Distinct breakdown combinations, in catalogue order."""
    seen: list[tuple[str, ...]] = []
    for i in indicators:
        if tuple(i.breakdowns) not in seen:
            seen.append(tuple(i.breakdowns))
    return seen
