"""Findings on a converted workbook, pointed back at its cells.

A finding on a fact names that fact's cell; a finding on something missing (a target, a budget, a
choice) names the empty cell where it belongs. The place is put first in the finding's location
("cel '05 Doel 1.1 begroting'!D14 · Begroting 2025, doelstelling 1.1 ...") and kept as `cell`; the
XBRL line numbers, which are those of the converted instance and not of anything the user has, are
left out. A finding on a cell whose value could not be read (MBO-W002, MBO-W005) follows from that.
"""

from __future__ import annotations

from mbo_xbrl.parsing.filing import Filing
from mbo_xbrl.report.model import Finding
from mbo_xbrl.taxonomy import names
from mbo_xbrl.workbook.content import fact_key
from mbo_xbrl.workbook.layout import START, FactKey, code_key
from mbo_xbrl.workbook.read import Conversion, cell_ref

WORDS = {"nl": "cel {cell}", "en": "cell {cell}"}
UNREADABLE = ("MBO-W002", "MBO-W005")


def with_cells(findings: list[Finding], filing: Filing | None, conversion: Conversion) -> list[Finding]:
    """The findings of the converted instance, each with the cell it is about where one is known."""
    if not findings:  # a valid workbook: no index of its facts and cells to build
        return findings
    in_context: dict[str, list] = {}
    for fact in filing.facts if filing is not None else []:
        in_context.setdefault(fact.context, []).append(fact)
    layout = conversion.layout
    empty = {key: cell_ref(sheet, row, column)
             for key, (sheet, row, column, _) in (layout.slots(conversion.lang).items() if layout else [])}
    unreadable = {f.args.get("cell"): f.code for f in conversion.findings if f.code in UNREADABLE}
    out = []
    for finding in findings:
        cell = _cell(finding, in_context, conversion, empty, filing)
        if cell is None:
            out.append(finding.model_copy(update={"line": None}))
            continue
        update = {"cell": cell, "line": None,
                  "location_nl": _located(cell, finding.location_nl, "nl"),
                  "location_en": _located(cell, finding.location_en, "en")}
        if cell in unreadable and finding.caused_by is None:
            update["caused_by"] = unreadable[cell]
        out.append(finding.model_copy(update=update))
    return out


def _located(cell: str, location: str | None, lang: str) -> str:
    where = WORDS[lang].format(cell=cell)
    return f"{where} · {location}" if location else where


def _cell(finding: Finding, in_context: dict, conversion: Conversion, empty: dict[FactKey, str],
          filing: Filing | None) -> str | None:
    """The fact's cell (the fact of the finding's concept in its context, or any fact of that context); else the
    empty cell of what the finding says is missing."""
    near = in_context.get(finding.context or "", [])
    fact = next((f for f in near if f.concept == finding.concept), near[0] if near else None)
    if fact is not None:
        key = fact_key(fact)
        if key is None:
            return None
        if key.own and finding.concept is None:  # an own indicator as a whole: its row, by its code
            key = code_key(key.objective, key.own)
        return conversion.cells.get(key)
    key = _missing(finding, filing)
    return empty.get(key) if key is not None else None


def _missing(finding: Finding, filing: Filing | None) -> FactKey | None:
    """The key of the cell a finding about something missing points at (a target, a budget, a choice)."""
    local = (finding.concept or "").rpartition(":")[2]
    args = finding.args
    if finding.indicator and args.get("value_kind"):
        kind = args["value_kind"]
        cat = filing.catalogue if filing is not None else None
        year = None if kind == START else cat.target_year if kind == "target" and cat else args.get(
            "report_year", filing.report_year if filing is not None else None)
        return FactKey(local="indicator", year=year, indicator=finding.indicator, value_kind=kind)
    year = filing.report_year if filing is not None else None
    if local == names.WORKS_ON_OBJECTIVE and finding.objective:
        return FactKey(local=local, year=year, objective=finding.objective)
    if local in (names.MEASURE_APPLIED, names.MEASURE_EXPLANATION) and finding.measure:
        return FactKey(local=local, year=year, measure=finding.measure)
    if local == names.BUDGET_AMOUNT and isinstance(args.get("year"), int):
        return FactKey(local=local, year=args["year"], objective=finding.objective, measure=finding.measure)
    if local in (names.ALTERNATIVE_SOURCE_USED, names.ALTERNATIVE_SOURCE_DESCRIPTION) and finding.indicator:
        return FactKey(local=local, year=year, about=finding.indicator)
    return None


def own_findings(conversion: Conversion) -> list[Finding]:
    """The workbook's own findings (MBO-W...), with the cell they name as their place, and what that cell is."""
    out = []
    for finding in conversion.findings:
        cell = finding.args.get("cell")
        if isinstance(cell, str):
            nl, en = conversion.describe(cell)
            finding = finding.model_copy(update={"cell": cell, "location_nl": _located(cell, nl, "nl"),
                                                 "location_en": _located(cell, en, "en")})
        out.append(finding)
    return out
