"""MBO-W005: a formula cell has no saved result."""

from __future__ import annotations

from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, rule


@rule(
    code="MBO-W005", name="formula-without-value", layer=Layer.WORKBOOK, severity=Severity.ERROR,
    message_nl="Cel {cell} bevat de formule {formula}, maar de uitkomst ervan is niet in de werkmap opgeslagen.",
    message_en="Cell {cell} holds the formula {formula}, but its result is not saved in the workbook.",
    fix_nl="Open de werkmap in Excel of LibreOffice, laat de formules berekenen en sla haar op; of vul in cel {cell} "
           "de waarde zelf in.",
    fix_en="Open the workbook in Excel or LibreOffice, let the formulas calculate and save it; or enter the value "
           "in cell {cell} yourself.",
    why_nl="De controle rekent geen formules na: zij leest de uitkomst die het rekenprogramma bij het opslaan "
           "bewaarde. Zonder die uitkomst is er geen waarde om aan te leveren.",
)
def formula_without_value(cell: str, formula: str, **about: str) -> Finding:
    """Formulas are welcome in a workbook (a total as a SUM of its measures): the conversion reads the
    result the spreadsheet program saved with the formula, never evaluating one itself. A workbook
    written by a program that does not calculate (a script, some exports) has formulas without a saved
    result; such a cell has no value to deliver and is named, with its formula.
    """
    return formula_without_value.finding(cell=cell, formula=formula, **about)
