"""MBO-W002: a cell's value cannot become the fact it stands for (text in a number cell, a bad year, ...)."""

from __future__ import annotations

from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, rule

PROBLEMS = {
    "not_a_number": ("'{value}' is geen getal", "'{value}' is not a number"),
    "not_a_choice": ("'{value}' is geen keuze ja of nee", "'{value}' is not a choice yes or no"),
    "not_a_year": ("'{value}' is geen jaartal", "'{value}' is not a year"),
    "no_year": ("bij de startwaarde ontbreekt het jaar", "the start value has no year"),
    "no_code": ("de eigen indicator in deze rij heeft geen code", "the own indicator in this row has no code"),
    "code_twice": ("de code '{value}' staat twee keer bij deze doelstelling",
                   "the code '{value}' is used twice under this objective"),
    "rounded": ("{value:num} is afgerond tot {rounded:num}, het aantal decimalen dat de eenheid aanlevert",
                "{value:num} was rounded to {rounded:num}, the decimals its unit reports"),
}


@rule(
    code="MBO-W002", name="cell-not-convertible", layer=Layer.WORKBOOK, severity=Severity.ERROR,
    message_nl="Cel {cell}: {problem_nl}.",
    message_en="Cell {cell}: {problem_en}.",
    fix_nl="Vul in cel {cell} een waarde in zoals de kolom vraagt: een getal (zonder tekst of eenheid), 'ja' of "
           "'nee', een jaartal of een code.",
    fix_en="Enter in cell {cell} a value as its column asks: a number (without text or unit), 'yes' or 'no', a year "
           "or a code.",
    why_nl="Elke cel wordt een XBRL-feit van een vast type; een waarde van een ander type kan niet worden "
           "aangeleverd en wordt dus niet stilzwijgend overgeslagen.",
)
def cell_not_convertible(kind: str, cell: str, severity: Severity | None = None, **fields: object) -> Finding:
    """Each input cell of the workbook becomes one fact of a fixed type: a number in the unit of its
    indicator or in euro, a choice yes/no, a year, a text or an own indicator's code.

    A value that is not of that type (text in a number cell, "misschien" for a choice, a start value
    without a year, an own indicator without a code) cannot be delivered; it is not skipped in
    silence but named, with its cell. A number shown with a % format is the percentage the user sees
    (Excel stores a typed "12,5%" as 0.125). A number with more decimals than the unit reports is
    rounded as the filing writes it, and said so (a warning).
    """
    finding = cell_not_convertible.problem(PROBLEMS, kind, cell=cell, **fields)
    return finding.model_copy(update={"severity": severity}) if severity else finding
