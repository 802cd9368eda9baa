"""MBO-W004: the workbook is not one of the form: not made by `mbo-xbrl workbook`, a sheet missing, foreign or unknown."""

from __future__ import annotations

from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, rule

PROBLEMS = {
    "no_identity": ("de werkmap is niet gemaakt met mbo-xbrl workbook (het verborgen blad '{sheet}' ontbreekt of "
                    "is onleesbaar)",
                    "the workbook was not made with mbo-xbrl workbook (the hidden sheet '{sheet}' is missing or "
                    "unreadable)"),
    "unknown_release": ("de werkmap hoort bij taxonomie {release}, die dit programma niet kent",
                        "the workbook belongs to taxonomy {release}, which this program does not know"),
    "missing_sheet": ("blad '{sheet}' ontbreekt", "sheet '{sheet}' is missing"),
    "other_workbook": ("blad '{sheet}' hoort bij een andere werkmap ({found}); deze werkmap is van {expected}",
                       "sheet '{sheet}' belongs to another workbook ({found}); this workbook is {expected}"),
    "unknown_sheet": ("blad '{sheet}' hoort niet bij het formulier; wat erin staat wordt niet aangeleverd",
                      "sheet '{sheet}' is not part of the form; what it holds is not delivered"),
}


@rule(
    code="MBO-W004", name="workbook-not-of-form", layer=Layer.WORKBOOK, severity=Severity.ERROR,
    message_nl="De werkmap past niet bij het formulier: {problem_nl}.",
    message_en="The workbook does not fit the form: {problem_en}.",
    fix_nl="Vraag met mbo-xbrl workbook een nieuwe werkmap aan voor uw instelling en verslagjaar, en neem daarin uw "
           "waarden over; hernoem, verplaats of kopieer geen bladen uit andere werkmappen.",
    fix_en="Make a new workbook for your institution and reporting year with mbo-xbrl workbook and copy your values "
           "into it; do not rename, move or copy sheets from other workbooks.",
    why_nl="Een werkmap wordt cel voor cel omgezet volgens het formulier van haar taxonomie; een blad van een andere "
           "instelling, een ander jaar of een onbekende vorm zou waarden op de verkeerde plek aanleveren.",
)
def workbook_not_of_form(kind: str, severity: Severity | None = None, **fields: object) -> Finding:
    """A workbook is converted cell by cell along the form of its taxonomy release. It says whose it is
    (institution, reporting year, release) in a hidden sheet, and again on every sheet. A workbook
    without that identity, of a release this program does not know, with a sheet missing, or with a
    sheet copied from another institution's or year's workbook would deliver values in the wrong
    place, and is not converted. A sheet the form does not have (a scratch sheet) is only a warning:
    what it holds is not delivered, and the finding says so.
    """
    finding = workbook_not_of_form.problem(PROBLEMS, kind, **fields)
    return finding.model_copy(update={"severity": severity}) if severity else finding
