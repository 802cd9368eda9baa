"""MBO-W003: a cell OCW pre-filled was changed in the workbook."""

from __future__ import annotations

from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, rule


@rule(
    code="MBO-W003", name="prefilled-cell-changed", layer=Layer.WORKBOOK, severity=Severity.ERROR,
    message_nl="Cel {cell} is vooraf ingevuld met '{was_nl}' en is gewijzigd in '{now_nl}'.",
    message_en="Cell {cell} was pre-filled with '{was_en}' and has been changed to '{now_en}'.",
    fix_nl="Zet de waarde in cel {cell} terug op '{was_nl}'. Klopt de vooraf ingevulde waarde niet, meld dat dan bij "
           "OCW in plaats van haar te wijzigen.",
    fix_en="Set cell {cell} back to '{was_en}'. If the pre-filled value is wrong, tell OCW instead of changing it.",
    why_nl="Wat OCW vooraf invult (startwaarden uit landelijke bronnen, geoormerkte bedragen) is voor alle "
           "instellingen gelijk gemeten; een gewijzigde waarde maakt de vergelijking tussen instellingen onjuist.",
)
def prefilled_cell_changed(cell: str, was: dict[str, str], now: dict[str, str]) -> Finding:
    """The grey cells of a workbook hold what OCW knows and pre-fills: start values from national
    sources, earmarked amounts, the institution's name. They are locked, but sheet protection has no
    password and a value can be pasted over. The workbook keeps every pre-filled value in a hidden
    sheet; a cell that no longer holds it is named with both values. (Against the pre-fill register
    itself, MBO-V003 checks the filing whatever software made it.) Both values are shown as the
    language writes them (`4,7` in Dutch, `4.7` in English).
    """
    return prefilled_cell_changed.finding(cell=cell, was_nl=was["nl"], was_en=was["en"], now_nl=now["nl"],
                                          now_en=now["en"])
