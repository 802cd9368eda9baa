"""The catalogue's data model: what the Werkagenda and the Stagepact declare, typed and cross-checked.

Why pydantic: the catalogue is hand-edited data; a typo in an objective code or a unit must fail
loudly at load time with the field that is wrong, not deep inside the taxonomy generator.
"""

from __future__ import annotations

from enum import Enum
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field, model_validator

_PASCAL = r"^[A-Z][A-Za-z0-9]*$"


class Direction(str, Enum):
    """Which way an indicator improves."""

    HIGHER = "higher"
    LOWER = "lower"


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SeedPassage(_Item):
    """Where in the seed documents a declaration comes from."""

    document: str = Field(description="Seed number: 001, 002 or 003 (see the header of catalogue.yaml).")
    passage: str = Field(description="The passage, quoted in Dutch.")


class Priority(_Item):
    code: str
    label_nl: str
    label_en: str


class Objective(_Item):
    code: str = Field(pattern=r"^[1-3]\.[1-9]$")
    priority: str
    name: str = Field(pattern=_PASCAL, description="Stem of the XBRL member name.")
    label_nl: str
    label_en: str
    seed: SeedPassage


class Measure(_Item):
    code: str = Field(pattern=r"^M[1-3]\.[1-9]\.[0-9]{2}$")
    objective: str
    name: str = Field(pattern=_PASCAL)
    label_nl: str
    label_en: str
    mandatory: bool = False
    earmarked: bool = False
    seed: SeedPassage


class Unit(_Item):
    code: str
    decimals: int = Field(description="The decimals a filing normally reports for this unit.")
    label_nl: str
    label_en: str
    minimum: float | None = None
    maximum: float | None = None
    plausible_maximum: float | None = Field(
        None, description="Beyond this no real value of this unit can lie (MBO-V004), with the reason why.")
    plausible_basis_nl: str | None = None
    plausible_basis_en: str | None = None


class Source(_Item):
    code: str
    label_nl: str
    label_en: str
    prefilled: bool = Field(description="OCW pre-fills start values that come from this source.")


class Frequency(_Item):
    code: str
    label_nl: str
    label_en: str
    delivery_years: list[int] = Field(description="Plan years in which the source delivers a realisation.")


class ValueKind(_Item):
    code: str
    name: str = Field(pattern=_PASCAL)
    label_nl: str
    label_en: str


class BreakdownMember(_Item):
    code: str
    name: str = Field(pattern=_PASCAL)
    label_nl: str
    label_en: str


class Breakdown(_Item):
    code: str
    name: str = Field(pattern=_PASCAL)
    label_nl: str
    label_en: str
    members: list[BreakdownMember]


class Level(str, Enum):
    """At which level the monitoring plan (seed 003, column "Niveau") reports an indicator."""

    NATIONAL = "national"  # "landelijk cijfer": the national figure only
    INSTITUTIONS = "institutions"  # "landelijk cijfer met spreiding instellingen": also the spread over institutions


class Indicator(_Item):
    code: str = Field(pattern=r"^I[1-3]\.[1-9]\.[0-9]{2}$")
    objective: str
    name: str = Field(pattern=_PASCAL, description="The XBRL concept's local name.")
    label_nl: str
    label_en: str
    definition_nl: str
    definition_en: str
    unit: str
    direction: Direction
    source: str
    frequency: str
    start_year: int = 2022
    level: Level = Field(description="National figure only, or also the spread over institutions (seed 003).")
    breakdowns: list[str]
    monitoring_ref: str = Field(description="The table of the monitoring plan (seed 003) it comes from.")
    non_funded: bool = Field(False, description="Non-funded institutions report it too (seed 003); their entry point "
                                                "asks only these indicators.")


class SectorIndicator(_Item):
    """A national figure the monitoring plan names that no institution can report: the sector report computes it
    from the filings' values of the indicator it derives from; the taxonomy does not ask it."""

    code: str = Field(pattern=r"^I[1-3]\.[1-9]\.[0-9]{2}$")
    objective: str
    label_nl: str
    label_en: str
    definition_nl: str
    definition_en: str
    unit: str
    source: str
    frequency: str
    level: Level
    derived_from: str = Field(description="The indicator institutions report, from which it is computed.")
    monitoring_ref: str
    seed: SeedPassage


class Catalogue(_Item):
    """The whole catalogue, with every cross-reference checked."""

    catalogue_version: str
    taxonomy_year: int
    plan_years: list[int]
    target_year: int
    reporting_year_fact: bool = Field(
        False, description="The filing states its reporting year as a fact of its own (from the 2025 release).")
    priorities: list[Priority]
    objectives: list[Objective]
    measures: list[Measure]
    units: list[Unit]
    sources: list[Source]
    frequencies: list[Frequency]
    value_kinds: list[ValueKind]
    breakdowns: list[Breakdown]
    indicators: list[Indicator]
    sector_indicators: list[SectorIndicator] = []

    @model_validator(mode="after")
    def _check_references(self) -> Catalogue:
        problems: list[str] = []

        def unique(kind: str, values: list[str]) -> None:
            seen: set[str] = set()
            for value in values:
                if value in seen:
                    problems.append(f"{kind} {value!r} is declared twice")
                seen.add(value)

        unique("priority", [p.code for p in self.priorities])
        unique("objective", [o.code for o in self.objectives])
        unique("measure", [m.code for m in self.measures])
        unique("indicator", [i.code for i in self.indicators] + [s.code for s in self.sector_indicators])
        unique("XBRL name", [o.name for o in self.objectives] + [m.name for m in self.measures]
               + [i.name for i in self.indicators])
        unique("breakdown", [b.code for b in self.breakdowns])
        for b in self.breakdowns:
            unique(f"member of breakdown {b.code}", [m.code for m in b.members])

        priorities = {p.code for p in self.priorities}
        objectives = {o.code for o in self.objectives}
        units = {u.code for u in self.units}
        sources = {s.code for s in self.sources}
        frequencies = {f.code for f in self.frequencies}
        breakdowns = {b.code for b in self.breakdowns}
        for o in self.objectives:
            if o.priority not in priorities:
                problems.append(f"objective {o.code}: unknown priority {o.priority!r}")
            if not o.code.startswith(o.priority + "."):
                problems.append(f"objective {o.code}: code does not start with its priority {o.priority}")
        for m in self.measures:
            if m.objective not in objectives:
                problems.append(f"measure {m.code}: unknown objective {m.objective!r}")
            elif not m.code.startswith(f"M{m.objective}."):
                problems.append(f"measure {m.code}: code does not match objective {m.objective}")
        for i in self.indicators:
            if i.objective not in objectives:
                problems.append(f"indicator {i.code}: unknown objective {i.objective!r}")
            elif not i.code.startswith(f"I{i.objective}."):
                problems.append(f"indicator {i.code}: code does not match objective {i.objective}")
            if i.unit not in units or i.unit == "euro":
                problems.append(f"indicator {i.code}: unknown or unsuitable unit {i.unit!r}")
            if i.source not in sources:
                problems.append(f"indicator {i.code}: unknown source {i.source!r}")
            if i.frequency not in frequencies:
                problems.append(f"indicator {i.code}: unknown frequency {i.frequency!r}")
            for b in i.breakdowns:
                if b not in breakdowns:
                    problems.append(f"indicator {i.code}: unknown breakdown {b!r}")
        indicators = {i.code for i in self.indicators}
        for si in self.sector_indicators:
            if si.derived_from not in indicators:
                problems.append(f"sector indicator {si.code}: unknown indicator {si.derived_from!r} to derive from")
            if si.objective not in objectives or si.unit not in units or si.source not in sources:
                problems.append(f"sector indicator {si.code}: unknown objective, unit or source")
        if {v.code for v in self.value_kinds} != {"start", "target", "realisation"}:
            problems.append("value_kinds must be exactly start, target and realisation")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    # Look-ups used by the generator and the engine.
    @cached_property
    def objective_by_code(self) -> dict[str, Objective]:
        return {o.code: o for o in self.objectives}

    @cached_property
    def measure_by_code(self) -> dict[str, Measure]:
        return {m.code: m for m in self.measures}

    @cached_property
    def indicator_by_code(self) -> dict[str, Indicator]:
        return {i.code: i for i in self.indicators}

    @cached_property
    def breakdown_by_code(self) -> dict[str, Breakdown]:
        return {b.code: b for b in self.breakdowns}

    @cached_property
    def source_by_code(self) -> dict[str, Source]:
        return {s.code: s for s in self.sources}

    @cached_property
    def unit_by_code(self) -> dict[str, Unit]:
        return {u.code: u for u in self.units}

    @cached_property
    def frequency_by_code(self) -> dict[str, Frequency]:
        return {f.code: f for f in self.frequencies}

    def objectives_of(self, priority: str) -> list[Objective]:
        return [o for o in self.objectives if o.priority == priority]

    def measures_of(self, objective: str) -> list[Measure]:
        return [m for m in self.measures if m.objective == objective]

    def indicators_of(self, objective: str) -> list[Indicator]:
        return [i for i in self.indicators if i.objective == objective]

    def is_earmarked(self, objective: str) -> bool:
        """An objective is earmarked when one of its measures has earmarked money."""
        return any(m.earmarked for m in self.measures_of(objective))

    def is_measured(self, indicator: Indicator) -> bool:
        """Whether a source measures the indicator yet. Seed 003 marks some as *nieuw te ontwikkelen* (frequency
        `to_be_developed`, no delivery year): no start value can be demanded of them until a source delivers one."""
        return bool(self.frequency_by_code[indicator.frequency].delivery_years)

    def for_non_funded(self) -> Catalogue:
        """The catalogue as a non-funded institution's filing knows it: the indicators seed 003 names for them,
        no measures (no quality funds: no budgets, no apply-or-explain)."""
        data = self.model_dump()
        data["indicators"] = [i for i in data["indicators"] if i["non_funded"]]
        data["measures"] = []
        data["sector_indicators"] = []  # the sector report is of the funded institutions (seed 002)
        return Catalogue.model_validate(data)

    def is_prefilled(self, indicator: Indicator) -> bool:
        """OCW pre-fills an indicator's start value when its source is one OCW holds."""
        return self.source_by_code[indicator.source].prefilled
