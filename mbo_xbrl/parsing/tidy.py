"""Tidy fact rows: one row per fact, fixed columns (product.md), for `mbo-xbrl facts` and the store."""

from __future__ import annotations

from typing import Any

from mbo_xbrl.catalogue import Catalogue
from mbo_xbrl.parsing.filing import Filing

BASE_COLUMNS = ["concept", "context", "indicator", "objective", "measure", "value_kind", "period_start",
                "period_end", "value", "unit", "decimals"]
TAIL_COLUMNS = ["own_indicator", "line"]


def fact_columns(catalogue: Catalogue) -> list[str]:
    """The base columns, one column per breakdown (in catalogue order), then the tail."""
    return BASE_COLUMNS + [b.code for b in catalogue.breakdowns] + TAIL_COLUMNS


def fact_rows(filing: Filing) -> list[dict[str, Any]]:
    breakdowns = [b.code for b in filing.catalogue.breakdowns]
    rows = []
    for fact in filing.facts:
        row: dict[str, Any] = {
            "concept": fact.concept, "context": fact.context, "indicator": fact.indicator_code,
            "objective": fact.objective, "measure": fact.measure, "value_kind": fact.value_kind,
            "period_start": fact.period_start.isoformat() if fact.period_start else None,
            "period_end": fact.period_end.isoformat() if fact.period_end else None,
            "value": fact.value.strip(), "unit": fact.unit, "decimals": fact.decimals,
        }
        members = dict(fact.breakdown)
        row |= {code: members.get(code) for code in breakdowns}
        row |= {"own_indicator": fact.own_indicator, "line": fact.line}
        rows.append(row)
    return rows
