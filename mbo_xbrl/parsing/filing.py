"""A filing as tidy facts: each fact of the raw instance read through the catalogue.

One `TidyFact` per fact says which indicator, value kind, objective, measure and breakdown it is
about, with its period, value and where it stands (concept, context, line). The semantic rules,
`mbo-xbrl facts` and the store all read this one view.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cached_property

from mbo_xbrl.catalogue import Catalogue, Indicator
from mbo_xbrl.parsing.instance import Context, RawInstance
from mbo_xbrl.parsing.vocabulary import Vocabulary, vocabulary
from mbo_xbrl.taxonomy import names
from mbo_xbrl.taxonomy.releases import CURRENT, entry_point_of

_TYPED_VALUE = re.compile(r">([^<]*)<")
_GYEAR = re.compile(r"(-?[0-9]{4,})(?:Z|[+-][0-9]{2}:[0-9]{2})?")  # xs:gYear; the timezone says nothing here


@dataclass(frozen=True, slots=True)
class TidyFact:
    concept: str  # prefixed, as written
    local: str  # the concept's local name
    context: str
    line: int | None
    period_start: date | None
    period_end: date | None
    whole_year: int | None  # the calendar year when the period is exactly 1 January - 31 December
    value: str
    number: Decimal | None
    unit: str | None
    decimals: str | None
    precision: str | None = None
    period_text: str = ""  # the period as written
    indicator: Indicator | None = None
    value_kind: str | None = None
    objective: str | None = None
    measure: str | None = None  # a measure code, or "own:<objective>" for own measures
    own_indicator: str | None = None
    breakdown: tuple[tuple[str, str], ...] = ()  # (breakdown code, member code)
    about_indicator: str | None = None  # the indicator an alternative-source fact is about
    school_year: int | None = None  # Y when the period is the school year 1 August Y - 31 July Y+1 (start values)

    @property
    def indicator_code(self) -> str | None:
        return self.indicator.code if self.indicator else self.about_indicator

    @property
    def accuracy(self) -> int | float | None:
        """The decimals XBRL 2.1 reads for a number: `decimals`, or what `precision` implies (4.6.6).

        An int; `math.inf` when the value is exact (INF, or a zero); None when nothing is known of it
        (precision="0") or it is no number.
        """
        if self.number is None:
            return None
        if self.decimals is not None:
            text = self.decimals.strip()
            try:
                return math.inf if text == "INF" else int(text)
            except ValueError:
                return None
        text = (self.precision or "").strip()
        if text == "INF" or (text and self.number.is_zero()):
            return math.inf
        try:
            precision = int(text)
        except ValueError:
            return None
        # adjusted(): the exponent of the first significant digit, floor(log10(|value|)), without float overflow
        return precision - self.number.adjusted() - 1 if precision > 0 else None

    @property
    def accuracy_text(self) -> str | None:
        """`accuracy` as the store keeps it: "INF", an integer, or nothing."""
        accuracy = self.accuracy
        return None if accuracy is None else "INF" if accuracy == math.inf else str(accuracy)

    @property
    def flag(self) -> bool | None:
        text = self.value.strip()
        return True if text in ("true", "1") else False if text in ("false", "0") else None

    @property
    def where(self) -> dict[str, object]:
        """Location fields for a finding about this fact."""
        return {"concept": self.concept, "context": self.context, "line": self.line}


@dataclass
class Filing:
    """The tidy facts of one filing, with the look-ups the rules need."""

    catalogue: Catalogue
    facts: list[TidyFact]
    institution: str | None
    report_year: int | None
    release: int | None = None  # the taxonomy release (year) the filing is checked against
    funded: bool = True  # made against the funded institutions' entry point (else the non-funded one)

    def of(self, local: str) -> list[TidyFact]:
        return self._by_local.get(local, [])

    @cached_property
    def _by_local(self) -> dict[str, list[TidyFact]]:
        out: dict[str, list[TidyFact]] = {}
        for fact in self.facts:
            out.setdefault(fact.local, []).append(fact)
        return out

    @cached_property
    def indicator_values(self) -> list[TidyFact]:
        return [f for f in self.facts if f.indicator is not None]

    @cached_property
    def works_on(self) -> dict[str, TidyFact]:
        """Objective code -> its WorksOnObjective fact."""
        return {f.objective: f for f in self.of(names.WORKS_ON_OBJECTIVE) if f.objective}

    def objective_in_scope(self, objective: str) -> bool:
        """Completeness applies unless the institution declares it does not work on the objective."""
        fact = self.works_on.get(objective)
        return fact is None or fact.flag is not False

    @cached_property
    def applied(self) -> dict[str, TidyFact]:
        """Measure code -> its MeasureApplied fact."""
        return {f.measure: f for f in self.of(names.MEASURE_APPLIED) if f.measure}

    @cached_property
    def explanations(self) -> dict[str, TidyFact]:
        return {f.measure: f for f in self.of(names.MEASURE_EXPLANATION) if f.measure}

    @cached_property
    def budgets(self) -> list[TidyFact]:
        return self.of(names.BUDGET_AMOUNT)


def _number(text: str, unit: str | None) -> Decimal | None:
    if unit is None:
        return None
    try:
        return Decimal(text.strip())
    except InvalidOperation:
        return None


def _school_year(start: date | None, end: date | None) -> int | None:
    """Y for the school year 1 August Y to 31 July Y+1 (seed 002: start values are often 2022-2023)."""
    if start and end and start == date(start.year, 8, 1) and end == date(start.year + 1, 7, 31):
        return start.year
    return None


def _whole_year(start: date | None, end: date | None) -> int | None:
    if start and end and start == date(start.year, 1, 1) and end == date(start.year, 12, 31):
        return start.year
    return None


@dataclass(frozen=True)
class _Where:
    """What a context says about each fact in it, read once per context."""

    start: date | None
    end: date | None
    whole_year: int | None
    school_year: int | None
    period_text: str
    dims: dict[str, str]  # objective, measure, value_kind, indicator -> member code
    breakdown: tuple[tuple[str, str], ...]
    own: str | None


_NOWHERE = _Where(None, None, None, None, "", {}, (), None)


def _where(context: Context, v: Vocabulary) -> _Where:
    start, end = context.period.dates()
    dims: dict[str, str] = {}
    breakdown: list[tuple[str, str]] = []
    own = None
    for axis, member in context.explicit:
        kind = v.axes.get(axis)
        if kind is None:
            continue
        code = v.members.get(kind, {}).get(member)
        if code is None:
            continue
        if kind in ("objective", "measure", "value_kind", "indicator"):
            dims[kind] = code
        else:
            breakdown.append((kind, code))
    for axis, value in context.typed:
        if v.axes.get(axis) == "own_indicator":
            match = _TYPED_VALUE.search(value)
            own = (match.group(1) if match else value).strip()
    return _Where(start, end, _whole_year(start, end), _school_year(start, end), context.period.text, dims,
                  tuple(sorted(breakdown)), own)


def read_filing(raw: RawInstance, catalogue: Catalogue | None = None, vocab: Vocabulary | None = None) -> Filing:
    """Classify every fact of an instance of our taxonomy through the catalogue of the release its schemaRef
    names (the first release when it names none of ours)."""
    entry_point = entry_point_of(raw.references) or CURRENT.funded
    release = entry_point.release
    cat = catalogue or entry_point.catalogue  # a non-funded filing: only the indicators asked of it
    v = vocab or vocabulary(release)
    unit_names = {u.id: "/".join(m.rpartition("}")[2] for m in u.numerator)
                  + ("/" + "/".join(m.rpartition("}")[2] for m in u.denominator) if u.denominator else "")
                  for u in raw.units.values()}
    places = {context_id: _where(context, v) for context_id, context in raw.contexts.items()}
    facts = []
    for fact in raw.facts:
        where = places.get(fact.context_ref or "", _NOWHERE)
        dims = where.dims
        measure = dims.get("measure")
        objective = dims.get("objective")
        if objective is None and measure:  # a measure's objective follows from the catalogue
            objective = measure[4:] if measure.startswith("own:") else cat.measure_by_code[measure].objective
        indicator = v.indicators.get(fact.concept)
        if indicator is not None and objective is None:
            objective = indicator.objective
        local = indicator.name if indicator else v.items.get(fact.concept, fact.concept.rpartition("}")[2])
        facts.append(TidyFact(
            concept=fact.prefixed, local=local, context=fact.context_ref or "", line=fact.line,
            period_start=where.start, period_end=where.end, whole_year=where.whole_year, value=fact.value,
            number=_number(fact.value, fact.unit_ref), unit=unit_names.get(fact.unit_ref or ""), decimals=fact.decimals,
            precision=fact.precision, period_text=where.period_text, indicator=indicator,
            value_kind=dims.get("value_kind"), objective=objective, measure=measure, own_indicator=where.own,
            breakdown=where.breakdown, about_indicator=dims.get("indicator"), school_year=where.school_year))
    institution = _institution(raw)
    return Filing(cat, facts, institution, _report_year(facts), release.year, entry_point.is_funded)


def _institution(raw: RawInstance) -> str | None:
    identifiers = Counter(c.identifier.strip() for c in raw.contexts.values())
    return identifiers.most_common(1)[0][0] if identifiers else None


PLAN_LEVEL = {names.INSTITUTION_NAME, names.REPORTING_YEAR, names.PROGRESS_NARRATIVE, names.WORKS_ON_OBJECTIVE, names.OBJECTIVE_NARRATIVE,
              names.MEASURE_APPLIED, names.MEASURE_EXPLANATION, names.ALTERNATIVE_SOURCE_USED,
              names.ALTERNATIVE_SOURCE_DESCRIPTION, names.OWN_INDICATOR_NAME, names.OWN_INDICATOR_DEFINITION,
              names.OWN_INDICATOR_UNIT, names.OWN_INDICATOR_DIRECTION, names.OWN_INDICATOR_SOURCE}


def reporting_year_value(fact: TidyFact) -> int | None:
    """The year a ReportingYear fact states, or None when its value is not a year."""
    match = _GYEAR.fullmatch(fact.value.strip())
    return int(match.group(1)) if match else None


def _report_year(facts: list[TidyFact]) -> int | None:
    """The reporting year: the ReportingYear fact (from the 2025 release), else the year of InstitutionName,
    else the most common year of plan-level facts."""
    for fact in facts:
        year = reporting_year_value(fact) if fact.local == names.REPORTING_YEAR else None
        if year is not None:
            return year
    for fact in facts:
        if fact.local == names.INSTITUTION_NAME and fact.period_end:
            return fact.period_end.year
    years = Counter(f.period_end.year for f in facts if f.local in PLAN_LEVEL and f.period_end)
    return years.most_common(1)[0][0] if years else None
