"""Between facts and cells: a filing's facts keyed as the workbook's cells are, and back to filing content.

`keyed_values` reads a filing (any writer's: it works on the engine's tidy facts) into values by
`FactKey`; `content_from_values` turns keyed values (read from a workbook's cells) into the
`FilingContent` the project's writer makes an instance of. The round trip filing -> workbook -> filing
therefore gives the same facts (tests/workbook/test_round_trip.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from mbo_xbrl.catalogue import Catalogue
from mbo_xbrl.filing.model import (
    AlternativeSource,
    BudgetLine,
    Earmark,
    FilingContent,
    IndicatorValue,
    MeasureChoice,
    ObjectiveChoice,
    OwnIndicator,
)
from mbo_xbrl.parsing.filing import Filing, TidyFact
from mbo_xbrl.taxonomy import names
from mbo_xbrl.workbook.layout import START, FactKey

Value = str | bool | Decimal | int
BOOLEANS = {names.WORKS_ON_OBJECTIVE, names.MEASURE_APPLIED, names.ALTERNATIVE_SOURCE_USED}
DERIVED_OBJECTIVE = {"indicator", names.MEASURE_APPLIED, names.MEASURE_EXPLANATION, names.ALTERNATIVE_SOURCE_USED,
                     names.ALTERNATIVE_SOURCE_DESCRIPTION}
# the facts of a choice: (the key's field that says of what, the attribute of the choice it fills)
CHOICES = {names.WORKS_ON_OBJECTIVE: ("objective", "works_on"), names.OBJECTIVE_NARRATIVE: ("objective", "narrative"),
           names.MEASURE_APPLIED: ("measure", "applied"), names.MEASURE_EXPLANATION: ("measure", "explanation"),
           names.ALTERNATIVE_SOURCE_USED: ("about", "used"),
           names.ALTERNATIVE_SOURCE_DESCRIPTION: ("about", "description")}
NEW_CHOICE = {"objective": lambda code: ObjectiveChoice(objective=code, works_on=None),
              "measure": lambda code: MeasureChoice(measure=code, applied=None),
              "about": lambda code: AlternativeSource(indicator=code, used=None)}
OWN_TEXTS = {names.OWN_INDICATOR_NAME: "name", names.OWN_INDICATOR_DEFINITION: "definition",
             names.OWN_INDICATOR_UNIT: "unit", names.OWN_INDICATOR_DIRECTION: "direction",
             names.OWN_INDICATOR_SOURCE: "source"}


@dataclass(frozen=True)
class Identity:
    """Whose filing, on which year, against which release and entry point."""

    institution: str
    report_year: int
    release: int
    funded: bool = True


def fact_key(fact: TidyFact) -> FactKey | None:
    """The key of a fact's cell; None for a fact no cell holds (a period that is no calendar year, ...)."""
    if fact.whole_year is None:
        return None
    local = "indicator" if fact.indicator is not None else fact.local
    start = fact.value_kind == START
    # the objective of an indicator, a measure's choice or an alternative source follows from the catalogue; it is
    # part of the key only where the context names it (declarations, budgets, earmarks, own indicators)
    objective = None if local in DERIVED_OBJECTIVE else fact.objective
    return FactKey(local=local, year=None if start else fact.whole_year,
                   indicator=fact.indicator.code if fact.indicator is not None else None,
                   value_kind=fact.value_kind, objective=objective, measure=fact.measure,
                   about=fact.about_indicator, breakdown=tuple(sorted(fact.breakdown)), own=fact.own_indicator)


def keyed_values(filing: Filing) -> tuple[dict[FactKey, Value], list[TidyFact]]:
    """The filing's values by key (a start value's year under the key's `part="year"`), and the facts that
    have no cell (returned, so whoever makes a workbook can say what it leaves out)."""
    values: dict[FactKey, Value] = {}
    left: list[TidyFact] = []
    for fact in filing.facts:
        if fact.local == names.REPORTING_YEAR:
            continue  # the workbook's own reporting year, written again from it
        key = fact_key(fact)
        value = _value(fact)
        if key is None or value is None or key in values:
            left.append(fact)
            continue
        values[key] = value
        if key.value_kind == START:
            values[replace(key, part="year")] = fact.whole_year
    return values, left


def _value(fact: TidyFact) -> Value | None:
    if fact.local in BOOLEANS:
        return fact.flag
    if fact.unit is not None:
        return fact.number
    return fact.value


def content_from_values(identity: Identity, name: str | None, values: dict[FactKey, Value],
                        cat: Catalogue) -> FilingContent:
    """The filing content of keyed values (own indicators keyed by their codes); a start value takes its year
    from `part="year"`."""
    content = FilingContent(institution_code=identity.institution, institution_name=name or "",
                            report_year=identity.report_year)
    # a choice and its words, per objective, measure or indicator: made on the first of its facts
    choices: dict[str, dict[str, ObjectiveChoice | MeasureChoice | AlternativeSource]] = {
        "objective": {}, "measure": {}, "about": {}}
    own: dict[tuple[str, str], OwnIndicator] = {}
    for key in [k for k in values if k.part == "value"]:
        value = values[key]
        if key.local == names.INSTITUTION_NAME:
            content.institution_name = str(value)
        elif key.local == names.PROGRESS_NARRATIVE:
            content.narrative = str(value)
        elif key.local in CHOICES and getattr(key, CHOICES[key.local][0]):
            field, attribute = CHOICES[key.local]
            code = getattr(key, field)
            choice = choices[field].setdefault(code, NEW_CHOICE[field](code))
            setattr(choice, attribute, value if isinstance(value, bool) else str(value))
        elif key.local == "indicator" and key.indicator and key.value_kind:
            year = values.get(replace(key, part="year")) if key.value_kind == START else key.year
            if year is not None:
                content.indicator_values.append(IndicatorValue(indicator=key.indicator, kind=key.value_kind,
                                                               year=int(year), value=Decimal(value),
                                                               breakdown=dict(key.breakdown)))
        elif (key.local in OWN_TEXTS or key.local == names.OWN_INDICATOR_VALUE) and key.own and key.objective:
            indicator = own.setdefault((key.objective, key.own), OwnIndicator(
                code=key.own, objective=key.objective, name=None, definition=None, unit=None, direction=None,
                source=None))
            if key.local in OWN_TEXTS:
                setattr(indicator, OWN_TEXTS[key.local], str(value))
            elif key.value_kind:
                year = values.get(replace(key, part="year")) if key.value_kind == START else key.year
                if year is not None:
                    indicator.values.append((key.value_kind, int(year), Decimal(value)))
        elif key.local == names.BUDGET_AMOUNT and key.year is not None:
            measure = "own" if key.measure and key.measure.startswith("own:") else key.measure
            content.budgets.append(BudgetLine(year=key.year, amount=Decimal(value), objective=key.objective,
                                              measure=measure))
        elif key.local == names.EARMARKED_AMOUNT and key.year is not None and key.objective:
            content.earmarks.append(Earmark(year=key.year, objective=key.objective, amount=Decimal(value)))
    order = {o.code: n for n, o in enumerate(cat.objectives)}
    content.objectives = sorted(choices["objective"].values(), key=lambda c: order.get(c.objective, len(order)))
    measure_order = {m.code: n for n, m in enumerate(cat.measures)}
    content.measures = sorted(choices["measure"].values(),
                              key=lambda c: measure_order.get(c.measure, len(measure_order)))
    content.alternative_sources = list(choices["about"].values())
    content.own_indicators = list(own.values())
    return content


def plain_text(value: Value | None) -> str:
    """A value as one plain text (how a workbook keeps its pre-filled values to compare them later)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return str(value.normalize()) if value != value.to_integral_value() else str(int(value))
    return str(value)
