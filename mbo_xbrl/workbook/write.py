"""Write the institution's workbook: the form as sheets, pre-filled cells locked, input cells open.

A cover sheet says whose workbook it is (institution, reporting year, taxonomy release), how to fill
it in and what the colours mean, with a link to every sheet. Each section of the form is a sheet
(`layout`): its title, the workbook's identity (checked when the workbook is read back), the column
headers and the rows of the form. Input cells are unlocked and yellow, with data validation where
Excel has one (ja/nee lists, numbers within the unit's range, years); pre-filled cells (what OCW
knows) are grey and locked; the sheets are protected, without a password, so that a locked cell is
not changed by accident. A hidden sheet keeps what reading the workbook back needs: its identity,
the number of own-indicator rows and every pre-filled value, so a changed one is found.

The same content gives the same bytes (fixed timestamps in the package).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from mbo_xbrl.taxonomy import names
from mbo_xbrl.taxonomy.releases import RELEASES
from mbo_xbrl.version import __version__
from mbo_xbrl.workbook.content import Identity, Value, plain_text
from mbo_xbrl.workbook.layout import FIRST_ROW, FactKey, Layout, Slot, code_key, placement
from mbo_xbrl.workbook.words import BOOLEAN_WORDS, META_SHEET, WORDS, identity_line

INPUT = PatternFill("solid", fgColor="FFF2CC")
PREFILLED = PatternFill("solid", fgColor="D9D9D9")
HEADER = PatternFill("solid", fgColor="DDEBF7")
THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FORMATS = {"percentage": "0.0", "mark": "0.0", "ratio": "0.00", "count": "#,##0", "euro": '"€" #,##0'}
FIXED_TIME = (2024, 1, 1, 0, 0, 0)
TEXT_KEYS = {names.INSTITUTION_NAME, names.OBJECTIVE_NARRATIVE, names.MEASURE_EXPLANATION, names.PROGRESS_NARRATIVE,
             names.ALTERNATIVE_SOURCE_DESCRIPTION, names.OWN_INDICATOR_DEFINITION, names.OWN_INDICATOR_SOURCE}


def write_workbook(identity: Identity, name: str | None, values: dict[FactKey, Value],
                   prefilled: set[FactKey] = frozenset(), lang: str = "nl") -> bytes:
    """The workbook of one filing: `values` fill its cells, those in `prefilled` are locked."""
    placed = placement(values, identity.release, identity.funded, identity.report_year)
    cells: dict[FactKey, Value] = {}
    for key, value in values.items():
        cells[placed.place(key)] = value
        if key.own:
            cells.setdefault(code_key(key.objective, placed.place(key).own), key.own)
    locked = {placed.place(k) for k in prefilled}
    locked |= {replace(k, part="year") for k in locked if k.value_kind == "start"}
    return _Book(placed.layout, identity, name, lang).write(cells, locked)


class _Book:
    def __init__(self, layout: Layout, identity: Identity, name: str | None, lang: str) -> None:
        self.layout, self.identity, self.name, self.lang = layout, identity, name, lang
        self.words = WORDS[lang]
        self.wb = Workbook()
        for style in _styles():  # named once: setting a cell's style by name is far cheaper than part by part
            self.wb.add_named_style(style)

    def write(self, cells: dict[FactKey, Value], locked: set[FactKey]) -> bytes:
        cover = self.wb.active
        cover.title = self.words["cover"]
        prefilled_cells: list[tuple[str, str, str]] = []
        for sheet in self.layout.sheets:
            ws = self.wb.create_sheet(sheet.name(self.lang))
            prefilled_cells += self._sheet(ws, sheet, cells, locked)
        self._cover(cover)
        self._meta(prefilled_cells)
        self.wb.properties.creator = f"mbo-xbrl {__version__}"
        buffer = io.BytesIO()
        self.wb.save(buffer)
        return with_fixed_timestamps(buffer.getvalue())

    def _sheet(self, ws: Worksheet, sheet, cells: dict[FactKey, Value], locked: set[FactKey]) -> list:
        lang = self.lang
        ws["A1"] = sheet.title_en if lang == "en" else sheet.title_nl
        ws["A1"].font = Font(bold=True, size=13)
        ws["A2"] = identity_line(self.identity, lang)
        ws["A2"].font = Font(italic=True, color="595959")
        ws["A3"] = self.words["sheet_hint"]
        ws["A3"].font = Font(color="595959")
        ws.column_dimensions["A"].width = 62
        for column, (nl, en) in enumerate(sheet.headers, start=2):
            cell = ws.cell(row=FIRST_ROW - 1, column=column, value=en if lang == "en" else nl)
            cell.font, cell.fill, cell.border = Font(bold=True), HEADER, BOX
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.column_dimensions[get_column_letter(column)].width = 18
        ws.cell(row=FIRST_ROW - 1, column=1).fill = HEADER
        validations: dict[str, tuple[DataValidation, list[str]]] = {}
        prefilled: list[tuple[str, str, str]] = []
        wide: set[int] = set()
        for index, row in enumerate(sheet.rows):
            number = FIRST_ROW + index
            label = ws.cell(row=number, column=1, value=row.label_en if lang == "en" else row.label_nl)
            label.style = f"mbo-heading-{min(row.indent, 4)}" if row.heading else f"mbo-label-{min(row.indent, 4)}"
            for column, slot in row.slots.items():
                cell = ws.cell(row=number, column=column)
                value = cells.get(slot.key)
                if value is None and slot.default is not None:
                    value = slot.default
                if slot.key.local == names.REPORTING_YEAR:
                    value = self.identity.report_year
                cell.value = _shown(value, slot, lang)
                text = slot.key.local in TEXT_KEYS
                if slot.key in locked or slot.key.local == names.REPORTING_YEAR:
                    cell.style = "mbo-prefilled-text" if text else "mbo-prefilled"
                    prefilled.append((ws.title, cell.coordinate, plain_text(cells.get(slot.key, value))))
                else:
                    cell.style = "mbo-input-text" if text else "mbo-input"
                    self._validate(cell.coordinate, slot, validations)
                if slot.unit in FORMATS:
                    cell.number_format = FORMATS[slot.unit]
                if text:
                    wide.add(column)
        for validation, coordinates in validations.values():  # one range per rule, set at once (adding is slow)
            validation.sqref = MultiCellRange(" ".join(coordinates))
            ws.add_data_validation(validation)
        for column in wide:
            ws.column_dimensions[get_column_letter(column)].width = 60
        ws.freeze_panes = ws.cell(row=FIRST_ROW, column=2)
        _printable(ws)
        ws.protection.sheet = True
        ws.protection.formatColumns = False  # widths and heights stay the reader's to change
        ws.protection.formatRows = False
        return prefilled

    def _validate(self, coordinate: str, slot: Slot, validations: dict[str, tuple[DataValidation, list[str]]]) -> None:
        rule = _validation(slot, self.layout, self.lang)
        if rule is None:
            return
        kind, options = rule
        if kind not in validations:
            validations[kind] = (DataValidation(**options, allow_blank=True, showErrorMessage=True,
                                                errorTitle=self.words["invalid_title"],
                                                error=self.words[f"invalid_{options['type']}"]), [])
        validations[kind][1].append(coordinate)

    def _cover(self, ws: Worksheet) -> None:
        w, identity = self.words, self.identity
        release = RELEASES[identity.release]
        entry = release.funded if identity.funded else release.non_funded
        rows = [
            (w["title"], None),
            (None, None),
            (w["institution"], identity.institution),
            (w["name"], self.name or ""),
            (w["report_year"], identity.report_year),
            (w["release"], f"{identity.release} ({entry.url})"),
            (w["kind"], w["funded"] if identity.funded else w["non_funded"]),
            (None, None),
        ]
        for row in rows:
            ws.append(list(row))
        ws["A1"].font = Font(bold=True, size=14)
        for line in w["instructions"]:
            ws.append([line])
        ws.append([])
        ws.append([w["legend_input"]])
        ws.cell(row=ws.max_row, column=1).fill = INPUT
        ws.append([w["legend_prefilled"]])
        ws.cell(row=ws.max_row, column=1).fill = PREFILLED
        ws.append([])
        ws.append([w["contents"]])
        ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
        for sheet in self.layout.sheets:
            ws.append([sheet.title_en if self.lang == "en" else sheet.title_nl])
            cell = ws.cell(row=ws.max_row, column=1)
            cell.hyperlink = f"#{quote_sheetname(sheet.name(self.lang))}!A1"
            cell.font = Font(color="0563C1", underline="single")
        ws.column_dimensions["A"].width = 90
        ws.column_dimensions["B"].width = 70
        ws.protection.sheet = True

    def _meta(self, prefilled: list[tuple[str, str, str]]) -> None:
        ws = self.wb.create_sheet(META_SHEET)
        identity = self.identity
        own = ";".join(f"{o}={n}" for o, n in sorted(self.layout.own_rows.items()))
        for key, value in (("format", "mbo-xbrl-workbook"), ("format_version", "1"), ("tool", __version__),
                           ("institution", identity.institution), ("report_year", str(identity.report_year)),
                           ("release", str(identity.release)), ("funded", "1" if identity.funded else "0"),
                           ("lang", self.lang), ("own_rows", own)):
            ws.append([key, value])
        for sheet, coordinate, value in prefilled:
            ws.append(["prefilled", sheet, coordinate, value])
        ws.sheet_state = "veryHidden"
        ws.protection.sheet = True


def _printable(ws: Worksheet) -> None:
    """Printed on A4 landscape, as wide as the page, with the column headers on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{FIRST_ROW - 1}:{FIRST_ROW - 1}"


def _styles() -> list[NamedStyle]:
    top = {"vertical": "top"}
    styles = [NamedStyle("mbo-input", fill=INPUT, border=BOX, protection=Protection(locked=False),
                         alignment=Alignment(**top)),
              NamedStyle("mbo-input-text", fill=INPUT, border=BOX, protection=Protection(locked=False),
                         alignment=Alignment(wrap_text=True, **top)),
              NamedStyle("mbo-prefilled", fill=PREFILLED, border=BOX, font=Font(italic=True),
                         alignment=Alignment(**top)),
              NamedStyle("mbo-prefilled-text", fill=PREFILLED, border=BOX, font=Font(italic=True),
                         alignment=Alignment(wrap_text=True, **top))]
    for indent in range(5):
        styles.append(NamedStyle(f"mbo-label-{indent}", alignment=Alignment(indent=indent * 2, wrap_text=True, **top)))
        styles.append(NamedStyle(f"mbo-heading-{indent}", font=Font(bold=True),
                                 alignment=Alignment(indent=indent * 2, wrap_text=True, **top)))
    return styles


def _validation(slot: Slot, layout: Layout, lang: str) -> tuple[str, dict] | None:
    if slot.kind == "bool":
        yes, no = BOOLEAN_WORDS[lang]
        return "bool", {"type": "list", "formula1": f'"{yes},{no}"'}
    if slot.kind == "year":
        return "year", {"type": "whole", "operator": "between", "formula1": "2000", "formula2": "2100"}
    if slot.kind in ("number", "amount") and slot.unit:
        unit = layout.release.catalogue.unit_by_code[slot.unit]
        if unit.minimum is not None and unit.maximum is not None:
            return (f"range-{slot.unit}", {"type": "decimal", "operator": "between",
                                           "formula1": _num(unit.minimum), "formula2": _num(unit.maximum)})
        if unit.minimum is not None:
            return (f"min-{slot.unit}", {"type": "decimal", "operator": "greaterThanOrEqual",
                                         "formula1": _num(unit.minimum)})
        return "decimal", {"type": "decimal", "operator": "between", "formula1": "-1E+15", "formula2": "1E+15"}
    if slot.kind == "number":
        return "decimal", {"type": "decimal", "operator": "between", "formula1": "-1E+15", "formula2": "1E+15"}
    return None


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _shown(value: Value | None, slot: Slot, lang: str) -> object:
    """A value as the cell holds it: ja/nee for a boolean, exact decimals for a number."""
    if value is None:
        return None
    if isinstance(value, bool):
        return BOOLEAN_WORDS[lang][0 if value else 1]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and slot.unit in ("euro", "count") else value
    return value


_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>")
_CREATED = re.compile(rb"<dcterms:created[^>]*>[^<]*</dcterms:created>")


def with_fixed_timestamps(data: bytes) -> bytes:
    """The package with fixed timestamps (entries and document properties): the same workbook, the same bytes."""
    def scrub(name: str, content: bytes) -> bytes:
        return _CREATED.sub(b"", _MODIFIED.sub(b"", content)) if name == "docProps/core.xml" else content
    return repackaged(data, scrub)


def repackaged(data: bytes, change: Callable[[str, bytes], bytes], added: dict[str, bytes] | None = None) -> bytes:
    """The package with each part passed through `change(name, content)` and `added` parts after them, every
    entry with the same fixed timestamp."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        parts = [(info.filename, change(info.filename, source.read(info.filename))) for info in source.infolist()]
        for name, content in parts + list((added or {}).items()):
            entry = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, content)
    return out.getvalue()
