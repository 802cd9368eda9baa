"""Local names of the taxonomy's concepts, shared by the generator and the engine.

Names of catalogue-driven concepts (objectives, measures, indicators, breakdowns) are derived
here from the catalogue's `name` fields, so that a catalogue change is the only change needed.
"""

from __future__ import annotations

from mbo_xbrl.catalogue.model import Breakdown, BreakdownMember, Indicator, Measure, Objective, ValueKind

# Primary items (prefix mbo-i)
INSTITUTION_NAME = "InstitutionName"
REPORTING_YEAR = "ReportingYear"  # from the 2025 release (catalogue: reporting_year_fact)
PROGRESS_NARRATIVE = "ProgressNarrative"
WORKS_ON_OBJECTIVE = "WorksOnObjective"
OBJECTIVE_NARRATIVE = "ObjectiveNarrative"
MEASURE_APPLIED = "MeasureApplied"
MEASURE_EXPLANATION = "MeasureExplanation"
BUDGET_AMOUNT = "BudgetAmount"
EARMARKED_AMOUNT = "EarmarkedAmount"
OWN_INDICATOR_NAME = "OwnIndicatorName"
OWN_INDICATOR_DEFINITION = "OwnIndicatorDefinition"
OWN_INDICATOR_UNIT = "OwnIndicatorUnit"
OWN_INDICATOR_DIRECTION = "OwnIndicatorDirection"
OWN_INDICATOR_SOURCE = "OwnIndicatorSource"
OWN_INDICATOR_VALUE = "OwnIndicatorValue"
ALTERNATIVE_SOURCE_USED = "AlternativeSourceUsed"
ALTERNATIVE_SOURCE_DESCRIPTION = "AlternativeSourceDescription"

# Axes (prefix mbo-dim) and fixed members (prefix mbo-dm)
OBJECTIVE_AXIS = "ObjectiveAxis"
OBJECTIVE_TOTAL = "ObjectiveTotalMember"
MEASURE_AXIS = "MeasureAxis"
MEASURE_TOTAL = "MeasureTotalMember"
VALUE_KIND_AXIS = "ValueKindAxis"
VALUE_KIND_DOMAIN = "ValueKindDomain"
INDICATOR_AXIS = "IndicatorAxis"
INDICATOR_DOMAIN = "IndicatorDomain"
OWN_INDICATOR_AXIS = "OwnIndicatorAxis"
OWN_INDICATOR_CODE = "OwnIndicatorCode"  # the typed domain element (prefix mbo-types)


def objective_member(objective: Objective) -> str:
    return f"{objective.name}Member"


def own_measures_member(objective: Objective) -> str:
    return f"OwnMeasures{objective.name}Member"


def measure_member(measure: Measure) -> str:
    return f"{measure.name}Member"


def value_kind_member(kind: ValueKind) -> str:
    return f"{kind.name}Member"


def breakdown_axis(breakdown: Breakdown) -> str:
    return f"{breakdown.name}Axis"


def breakdown_total(breakdown: Breakdown) -> str:
    return f"{breakdown.name}TotalMember"


def breakdown_member(breakdown: Breakdown, member: BreakdownMember) -> str:
    return f"{breakdown.name}{member.name}Member"


def indicator_member(indicator: Indicator) -> str:
    return f"{indicator.name}Member"
