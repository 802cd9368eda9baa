"""Workbooks as institutions fill them in: the sample 99XB's workbook, cells set by code, and its defects.

`filled_workbook` is 99XB's workbook made from the pre-fill register and filled in with the values of
its filing, as a controller would; `with_cells` sets cells the way a user does (a value, a text, a
formula), through openpyxl. The failing samples of the workbook rules (MBO-W...) are built from these.
"""

from __future__ import annotations

import io

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from mbo_xbrl.catalogue import Catalogue
from mbo_xbrl.filing.writer import write_instance
from mbo_xbrl.limits import Limits
from mbo_xbrl.prefill import PrefillRegister, register_rows
from mbo_xbrl.synthetic.samples import delta, veen
from mbo_xbrl.workbook.make import from_filing
from mbo_xbrl.workbook.write import repackaged, with_fixed_timestamps


def filled_workbook(cat: Catalogue, lang: str = "nl") -> bytes:
    """99XB's 2024 workbook: what the register pre-fills locked, the rest filled in as its filing has it."""
    register = PrefillRegister.from_rows(register_rows(delta(cat), cat) + register_rows(veen(cat), cat), cat, "register")
    return from_filing(write_instance(veen(cat), cat), Limits(), register, lang).data


def with_cells(data: bytes, cells: dict[tuple[str, str], object]) -> bytes:
    """The workbook with cells set, as a user sets them ({(sheet, "D14"): value}; a str starting with "=" is a
    formula, saved without a result, as every program that does not calculate saves one)."""
    book = load_workbook(io.BytesIO(data))
    for (sheet, coordinate), value in cells.items():
        book[sheet][coordinate].value = value
    buffer = io.BytesIO()
    book.save(buffer)
    return with_fixed_timestamps(buffer.getvalue())


def with_macros(data: bytes) -> bytes:
    """The workbook saved as Excel saves one with macros (.xlsm): a VBA project and its content type."""
    def macro_enabled(name: str, content: bytes) -> bytes:
        if name != "[Content_Types].xml":
            return content
        return content.replace(b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                               b"application/vnd.ms-excel.sheet.macroEnabled.main+xml").replace(
            b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
    vba = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504  # an (empty) OLE container, as VBA is kept
    return repackaged(data, macro_enabled, {"xl/vbaProject.bin": vba})


def filled_in(data: bytes, values: dict, lang: str = "nl") -> bytes:
    """A workbook with its empty input cells filled in from keyed values (`workbook.content.keyed_values`), cell
    by cell through openpyxl, as a controller types them: numbers as numbers, choices as ja/nee, own indicators
    in the next free rows of their objective. Cells that already hold a value (pre-filled) are left alone."""
    from decimal import Decimal

    from mbo_xbrl.workbook.layout import code_key, placement
    from mbo_xbrl.workbook.read import read_workbook
    from mbo_xbrl.workbook.words import BOOLEAN_WORDS

    conversion = read_workbook(data, 50 << 20)
    identity = conversion.identity
    rows = placement(values, identity.release, identity.funded, identity.report_year)  # its rows: the next free ones
    slots = conversion.layout.slots(lang)
    cells: dict[tuple[str, str], object] = {}
    for key, value in values.items():
        placed = rows.place(key)
        if placed in conversion.values or placed not in slots:
            continue
        sheet, row, column, _ = slots[placed]
        shown = BOOLEAN_WORDS[lang][0 if value else 1] if isinstance(value, bool) else \
            float(value) if isinstance(value, Decimal) else value
        cells[(sheet, f"{get_column_letter(column)}{row}")] = shown
        if key.own:
            sheet, row, column, _ = slots[code_key(key.objective, placed.own)]
            cells[(sheet, f"{get_column_letter(column)}{row}")] = key.own
    return with_cells(data, cells)
