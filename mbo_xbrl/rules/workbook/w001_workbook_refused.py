"""MBO-W001: the file is no workbook this tool reads, or one it refuses to open (macros, links, bombs)."""

from __future__ import annotations

from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, rule

PROBLEMS = {
    "not_a_workbook": ("het is geen Excel-werkmap (.xlsx)", "it is not an Excel workbook (.xlsx)"),
    "damaged": ("onderdeel {part} van de werkmap is beschadigd", "part {part} of the workbook is damaged"),
    "encrypted": ("de werkmap is versleuteld of in het oude .xls-formaat opgeslagen",
                  "the workbook is encrypted or saved in the old .xls format"),
    "macros": ("de werkmap bevat macro's ({part})", "the workbook contains macros ({part})"),
    "external": ("de werkmap verwijst naar andere bestanden of gegevensbronnen ({part})",
                 "the workbook refers to other files or data sources ({part})"),
    "entities": ("onderdeel {part} bevat een DOCTYPE- of entiteitdeclaratie",
                 "part {part} contains a DOCTYPE or entity declaration"),
    "too_large": ("uitgepakt is de werkmap groter dan {limit:int} bytes ({part})",
                  "unpacked, the workbook is larger than {limit:int} bytes ({part})"),
    "compression": ("onderdeel {part} pakt uit tot meer dan {ratio:int} keer zijn grootte (een zip-bom)",
                    "part {part} unpacks to more than {ratio:int} times its size (a zip bomb)"),
    "too_many_parts": ("de werkmap heeft {parts:int} onderdelen; de grens is {limit:int}",
                       "the workbook has {parts:int} parts; the limit is {limit:int}"),
    "part_too_large": ("onderdeel {part} is uitgepakt groter dan {limit:int} bytes; een blad van het formulier is "
                       "hooguit enkele honderden kilobytes",
                       "part {part} unpacks to more than {limit:int} bytes; a sheet of the form is a few hundred "
                       "kilobytes at most"),
}


@rule(
    code="MBO-W001", name="workbook-refused", layer=Layer.WORKBOOK, severity=Severity.ERROR,
    message_nl="De werkmap is niet gelezen: {problem_nl}.",
    message_en="The workbook was not read: {problem_en}.",
    fix_nl="Gebruik de werkmap die mbo-xbrl workbook maakte, opgeslagen als gewone Excel-werkmap (.xlsx) zonder "
           "macro's, koppelingen naar andere bestanden of wachtwoord.",
    fix_en="Use the workbook mbo-xbrl workbook made, saved as a plain Excel workbook (.xlsx) without macros, links "
           "to other files or a password.",
    why_nl="Een werkmap is een zip-pakket met XML: macro's, koppelingen naar andere bestanden, entiteiten en "
           "zip-bommen kunnen de controle misleiden, andere bestanden laten lezen of het geheugen uitputten.",
)
def workbook_refused(kind: str, **fields: object) -> list[Finding]:
    """A workbook is a zip package of XML parts, read before anything else is done with it.

    It is refused, with one finding that says why, when it is not a readable .xlsx package (an old
    .xls, an encrypted file, a broken zip), when it carries macros (.xlsm, vbaProject.bin), links to
    other files or data connections (what it says must be in the file itself, and nothing else may
    be read), a DOCTYPE or entity declaration in any XML part, or when it unpacks beyond the size
    limit or far beyond its packed size (a zip bomb), or has more parts, or a part far larger, than a
    workbook of the form can have. Nothing of a refused workbook is parsed as a spreadsheet.
    """
    return [workbook_refused.problem(PROBLEMS, kind, **fields)]
