"""A progress filing's content as plain data: what an institution reports, before it is XBRL.

The instance writer turns a `FilingContent` into an XBRL instance; the sample filings, the
pre-filled filings and the synthetic sector are all built as `FilingContent`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ValueKindCode = Literal["start", "target", "realisation"]


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid")


class IndicatorValue(_Data):
    indicator: str = Field(description="Catalogue code, e.g. I1.2.01.")
    kind: ValueKindCode
    year: int = Field(description="The calendar year the value describes.")
    value: Decimal
    breakdown: dict[str, str] = Field(default_factory=dict,
                                      description="Breakdown code -> member code, e.g. {'level': '2'}.")


class OwnIndicator(_Data):
    code: str
    objective: str
    name: str | None
    definition: str | None
    unit: str | None
    direction: str | None
    source: str | None
    values: list[tuple[ValueKindCode, int, Decimal]] = Field(default_factory=list)


class MeasureChoice(_Data):
    measure: str
    applied: bool | None = Field(description="Applied or not; None when no choice is made (only an explanation).")
    explanation: str | None = None


class BudgetLine(_Data):
    """One budget amount: no objective = the year's total; objective and measure narrow it down.

    `measure` is a catalogue measure code, or `own` for the objective's own measures.
    """

    year: int
    amount: Decimal
    objective: str | None = None
    measure: str | None = None


class Earmark(_Data):
    year: int
    objective: str
    amount: Decimal


class ObjectiveChoice(_Data):
    objective: str
    works_on: bool | None = Field(description="Works on it or not; None when not declared (only a narrative).")
    narrative: str | None = None


class AlternativeSource(_Data):
    indicator: str
    used: bool | None = True
    description: str | None = None


class FilingContent(_Data):
    institution_code: str
    institution_name: str
    report_year: int
    narrative: str | None = None
    objectives: list[ObjectiveChoice] = Field(default_factory=list)
    measures: list[MeasureChoice] = Field(default_factory=list)
    indicator_values: list[IndicatorValue] = Field(default_factory=list)
    own_indicators: list[OwnIndicator] = Field(default_factory=list)
    alternative_sources: list[AlternativeSource] = Field(default_factory=list)
    budgets: list[BudgetLine] = Field(default_factory=list)
    earmarks: list[Earmark] = Field(default_factory=list)
