"""A checked filing as tidy rows for the store: one row per observation, typed, with provenance.

Rows are tuples in the column order of `mbo_xbrl.store.schema`. A rejected filing keeps only its
`filings` row and its findings: its data never reaches the analysis tables.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

from mbo_xbrl.catalogue import Catalogue
from mbo_xbrl.parsing.filing import Filing, TidyFact
from mbo_xbrl.report.model import Problem, Report, Severity
from mbo_xbrl.store.schema import TABLE_BY_NAME
from mbo_xbrl.taxonomy import names


@dataclass
class NormalisedFiling:
    """What one file contributes to the store."""

    filing: dict[str, Any]  # the filings row, without the store-assigned columns (sequence, run, current)
    rows: dict[str, list[tuple]] = field(default_factory=dict)  # table name -> rows
    problems: list[Problem] = field(default_factory=list)  # why the check did not finish: then nothing is stored


def _year(fact: TidyFact) -> int | None:
    """The year a value describes: its calendar year, the first year of its school year, else its end's year."""
    if fact.whole_year is not None:
        return fact.whole_year
    if fact.school_year is not None:
        return fact.school_year
    return fact.period_end.year if fact.period_end else None


def _number(fact: TidyFact) -> float | None:
    """The value as a float; None where it has none, or none a float can hold (the store never holds inf or NaN:
    such a value is also an error of MBO-V004, so its filing is rejected and never reaches these tables)."""
    if fact.number is None:
        return None
    value = float(fact.number)
    return value if math.isfinite(value) else None


def normalise(report: Report, filing: Filing | None) -> NormalisedFiling:
    accepted = report.valid
    base = {"filing_id": report.sha256, "institution": report.institution, "report_year": report.report_year}
    keys = (report.sha256, report.institution, report.report_year)
    facts = filing.facts if filing is not None else []
    first = {f.local: f.value.strip() for f in reversed(facts) if f.local in (names.INSTITUTION_NAME,
                                                                            names.PROGRESS_NARRATIVE)}
    out = NormalisedFiling(base | {
        "status": "accepted" if accepted else "rejected", "sha256": report.sha256,
        "errors": report.count(Severity.ERROR), "warnings": report.count(Severity.WARNING),
        "institution_name": first.get(names.INSTITUTION_NAME), "progress_narrative": first.get(names.PROGRESS_NARRATIVE),
        "tool_version": report.tool_version, "catalogue_version": report.catalogue_version,
        "taxonomy_release": report.taxonomy_release, "funded": report.funded},
        problems=list(report.problems))
    out.rows["findings"] = [keys + (
        f.code, f.severity.value, f.message("nl"), f.message("en"), f.indicator, f.objective, f.measure,
        json.dumps(f.args, ensure_ascii=False, default=str), f.concept, f.context, f.line, f.location_nl,
        f.location_en, f.caused_by)
        for f in report.findings]
    if not accepted or filing is None:
        return out
    out.rows |= _data_rows(keys, filing, filing.catalogue)  # the catalogue of the release it was checked against
    for table, rows in out.rows.items():
        width = len(TABLE_BY_NAME[table].columns)
        assert all(len(r) == width for r in rows), table
    return out


def _data_rows(keys: tuple, filing: Filing, cat: Catalogue) -> dict[str, list[tuple]]:
    alternative = {f.about_indicator for f in filing.of(names.ALTERNATIVE_SOURCE_USED) if f.flag}
    breakdowns = ["study_route", "level", "domain", "age", "gender", "exam_level"]
    rows: dict[str, list[tuple]] = {name: [] for name in ("indicator_values", "budgets", "earmarks", "measures",
                                                           "objectives", "own_indicators", "own_indicator_values",
                                                           "alternative_sources")}
    for f in filing.indicator_values:
        members = dict(f.breakdown)
        indicator = f.indicator
        alt = indicator.code in alternative
        rows["indicator_values"].append(keys + (
            indicator.objective, indicator.code, f.value_kind, _year(f), *[members.get(b) for b in breakdowns],
            _number(f), indicator.unit, f.accuracy_text, "ALTERNATIVE" if alt else indicator.source, alt,
            f.value_kind == "start" and cat.is_prefilled(indicator) and not alt, f.concept, f.context, f.line,
            f.school_year is not None))
    for f in filing.budgets:
        own = bool(f.measure and f.measure.startswith("own:"))
        level = "measure" if f.measure else "objective" if f.objective else "total"
        rows["budgets"].append(keys + (_year(f), level, f.objective, None if own else f.measure, own, _number(f),
                                       f.accuracy_text, f.concept, f.context, f.line))
    for f in filing.of(names.EARMARKED_AMOUNT):
        rows["earmarks"].append(keys + (_year(f), f.objective, _number(f), f.concept, f.context, f.line))
    for code, f in filing.applied.items():
        measure = cat.measure_by_code[code]
        explanation = filing.explanations.get(code)
        rows["measures"].append(keys + (measure.objective, code, f.flag, explanation.value.strip() if explanation else None,
                                        measure.mandatory, measure.earmarked, f.concept, f.context, f.line))
    narratives = {f.objective: f.value.strip() for f in filing.of(names.OBJECTIVE_NARRATIVE)}
    for code, f in filing.works_on.items():
        rows["objectives"].append(keys + (code, f.flag, narratives.get(code), f.concept, f.context, f.line))
    definitions: dict[tuple, dict[str, str]] = {}
    for f in filing.facts:
        if f.own_indicator is None:
            continue
        if f.local == names.OWN_INDICATOR_VALUE:
            rows["own_indicator_values"].append(keys + (f.objective, f.own_indicator, f.value_kind, _year(f),
                                                        _number(f), f.concept, f.context, f.line))
        else:
            definitions.setdefault((f.objective, f.own_indicator), {})[f.local] = f.value.strip()
    for (objective, code), parts in sorted(definitions.items(), key=lambda kv: (kv[0][1], kv[0][0] or "")):
        rows["own_indicators"].append(keys + (objective, code, parts.get(names.OWN_INDICATOR_NAME),
                                              parts.get(names.OWN_INDICATOR_DEFINITION), parts.get(names.OWN_INDICATOR_UNIT),
                                              parts.get(names.OWN_INDICATOR_DIRECTION), parts.get(names.OWN_INDICATOR_SOURCE)))
    descriptions = {f.about_indicator: f.value.strip() for f in filing.of(names.ALTERNATIVE_SOURCE_DESCRIPTION)}
    for f in filing.of(names.ALTERNATIVE_SOURCE_USED):
        rows["alternative_sources"].append(keys + (f.about_indicator, f.flag, descriptions.get(f.about_indicator)))
    return rows


