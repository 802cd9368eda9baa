"""Read a workbook back: its cells, along the form's layout, into filing content, with findings by cell.

1. the package is inspected before any spreadsheet code reads it (`package`, MBO-W001);
2. the hidden sheet says whose workbook it is and which release's form it follows; every sheet of that
   form must be there and say the same (MBO-W004);
3. each input cell is read as its column asks (a number, ja/nee, a year, a text, a code: MBO-W002), a
   formula by the result the spreadsheet program saved with it (MBO-W005), and every pre-filled cell is
   compared with the value the workbook was made with (MBO-W003).

openpyxl reads the workbook in read-only mode (sheets streamed, only the rows and columns of the form),
twice: once for formulas as written, once for their saved results.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, quote_sheetname

from mbo_xbrl import formats
from mbo_xbrl.filing.model import FilingContent
from mbo_xbrl.report.model import Finding, Report, Severity
from mbo_xbrl.rules.workbook.w002_cell_not_convertible import cell_not_convertible
from mbo_xbrl.rules.workbook.w003_prefilled_cell_changed import prefilled_cell_changed
from mbo_xbrl.rules.workbook.w004_workbook_not_of_form import workbook_not_of_form
from mbo_xbrl.rules.workbook.w005_formula_without_value import formula_without_value
from mbo_xbrl.taxonomy import names
from mbo_xbrl.taxonomy.releases import RELEASES
from mbo_xbrl.workbook.content import Identity, Value, content_from_values, plain_text
from mbo_xbrl.workbook.layout import FactKey, Layout, Sheet, Slot, layout_for
from mbo_xbrl.workbook.package import PackageLimits, inspect
from mbo_xbrl.workbook.words import BOOLEAN_WORDS, META_SHEET, WORDS, identity_line

TRUE = {"ja", "yes", "true", "waar", "j", "y", "1"}
FALSE = {"nee", "no", "false", "onwaar", "n", "0"}
_OWN_ROWS = re.compile(r"^([0-9.]+)=([0-9]{1,3})$")
MAX_META_ROWS = 20_000


@dataclass
class Conversion:
    """What a workbook holds: its identity and content (None when it cannot be converted), findings by cell,
    and the cell of every fact it delivers (to point a finding on a fact back at its cell)."""

    findings: list[Finding] = field(default_factory=list)
    identity: Identity | None = None
    name: str | None = None
    lang: str = "nl"
    content: FilingContent | None = None
    values: dict[FactKey, Value] = field(default_factory=dict)
    cells: dict[FactKey, str] = field(default_factory=dict)
    layout: Layout | None = None

    def identify(self, report: Report) -> None:
        """Say in the report whose workbook it is, as the workbook says (when it says: its hidden sheet)."""
        if self.identity is None:
            return
        release = RELEASES[self.identity.release]
        entry_point = release.funded if self.identity.funded else release.non_funded
        report.institution, report.report_year = self.identity.institution, self.identity.report_year
        report.taxonomy_release, report.funded = self.identity.release, self.identity.funded
        report.catalogue_version = entry_point.catalogue.catalogue_version
        report.institution_name = report.institution_name or self.name

    def place(self, ref: str) -> tuple[Sheet, int, int, Slot] | None:
        """The sheet, row, column and slot of a cell of the form ('07 Doel 1.2 indicatoren'!E7)."""
        return self._places.get(ref)

    def describe(self, ref: str) -> tuple[str | None, str | None]:
        """What a cell is, in Dutch and English (its column, row and group), when it is a cell of the form."""
        place = self.place(ref)
        return place[0].describe(place[1], place[2]) if place else (None, None)

    @cached_property
    def _places(self) -> dict[str, tuple[Sheet, int, int, Slot]]:  # built only when a finding asks for a cell
        if self.layout is None:
            return {}
        return {cell_ref(sheet.name(self.lang), r, c): (sheet, r, c, slot)
                for sheet in self.layout.sheets for r, c, slot in sheet.cells()}

    @property
    def stopped(self) -> bool:
        return self.content is None


def cell_ref(sheet: str, row: int, column: int) -> str:
    """A cell as a spreadsheet names it: '05 Doel 1.1 begroting'!D14."""
    return f"{quote_sheetname(sheet)}!{get_column_letter(column)}{row}"


def read_workbook(data: bytes, max_bytes: int) -> Conversion:
    """The conversion of a workbook's bytes (never raises for what the file holds)."""
    result = Conversion()
    inspected = inspect(data, PackageLimits.for_file_limit(max_bytes))
    if inspected.findings:
        result.findings += inspected.findings
        return result
    try:
        values = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
        formulas = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False) \
            if inspected.formulas else None
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a malformed package: each is the same answer
        from mbo_xbrl.rules.workbook.w001_workbook_refused import workbook_refused

        result.findings += workbook_refused.check("damaged", part="xl/workbook.xml")
        return result
    try:
        _Reader(formulas, values, result).read()
    finally:
        values.close()
        if formulas is not None:
            formulas.close()
    return result


class _Reader:
    def __init__(self, formulas, values, result: Conversion) -> None:
        self.formulas, self.book, self.result = formulas, values, result
        self.findings = result.findings
        self.read_cells: dict[tuple[str, str], object] = {}  # (sheet, coordinate) -> value, of the form's cells

    def read(self) -> None:
        meta = self._meta()
        if meta is None:
            return
        identity, lang, own_rows, prefilled = meta
        layout = layout_for(identity.release, identity.funded, identity.report_year, own_rows)
        self.result.identity, self.result.lang, self.result.layout = identity, lang, layout
        expected = {sheet.name(lang) for sheet in layout.sheets}
        cover = {words["cover"] for words in WORDS.values()} | {META_SHEET}
        missing = [s.name(lang) for s in layout.sheets if s.name(lang) not in self.book.sheetnames]
        for name in missing:
            self.findings.append(workbook_not_of_form.check("missing_sheet", sheet=name))
        line = identity_line(identity, lang)
        for sheet in layout.sheets:
            name = sheet.name(lang)
            if name in missing:
                continue
            found = self._value(name, 2, 1)
            if found != line:
                self.findings.append(workbook_not_of_form.check("other_workbook", sheet=name, found=str(found or "-"),
                                                     expected=line))
        for name in self.book.sheetnames:  # said also when the workbook is not converted: a renamed sheet shows
            if name not in expected and name not in cover:
                self.findings.append(workbook_not_of_form.check("unknown_sheet", severity=Severity.WARNING,
                                                                       sheet=name))
        if any(f.severity is Severity.ERROR for f in self.findings):
            return  # a sheet of another workbook or a missing one: no content, nothing delivered in the wrong place
        keyed = self._cells(layout, lang)
        self._prefilled(prefilled)
        self.result.values = keyed
        cat = layout.release.catalogue
        self.result.content = content_from_values(identity, self.result.name, keyed, cat)

    # --- the hidden sheet -----------------------------------------------------------------------------------
    def _meta(self) -> tuple[Identity, str, dict[str, int], list[tuple[str, str, str]]] | None:
        if META_SHEET not in self.book.sheetnames:
            self.findings.append(workbook_not_of_form.check("no_identity", sheet=META_SHEET))
            return None
        fields: dict[str, str] = {}
        prefilled: list[tuple[str, str, str]] = []
        for n, row in enumerate(self.book[META_SHEET].iter_rows(max_col=4, values_only=True)):
            if n > MAX_META_ROWS:
                break
            cells = ["" if v is None else str(v) for v in row] + ["", "", "", ""]
            if cells[0] == "prefilled":
                prefilled.append((cells[1], cells[2], cells[3]))
            elif cells[0]:
                fields[cells[0]] = cells[1]
        try:
            identity = Identity(fields["institution"], int(fields["report_year"]), int(fields["release"]),
                                fields["funded"] == "1")
            lang = fields.get("lang", "nl") if fields.get("lang") in ("nl", "en") else "nl"
            own_rows = {}
            for part in filter(None, fields.get("own_rows", "").split(";")):
                match = _OWN_ROWS.match(part)
                if match is None:
                    raise ValueError(part)
                own_rows[match[1]] = int(match[2])
            if fields.get("format") != "mbo-xbrl-workbook":
                raise ValueError("format")
        except (KeyError, ValueError):
            self.findings.append(workbook_not_of_form.check("no_identity", sheet=META_SHEET))
            return None
        if identity.release not in RELEASES:
            self.findings.append(workbook_not_of_form.check("unknown_release", release=identity.release))
            return None
        known = {o.code for o in RELEASES[identity.release].catalogue.objectives}
        own_rows = {o: n for o, n in own_rows.items() if o in known}
        return identity, lang, own_rows, prefilled

    # --- the cells ------------------------------------------------------------------------------------------
    def _rows(self, name: str, last_row: int, last_column: int, book) -> dict[tuple[int, int], object]:
        """The values of a sheet's cells up to the form's last row and column, as the user sees them: a number
        shown as a percentage (Excel turns a typed "12,5%" into 0.125 shown as 12,5%) is the percentage."""
        out: dict[tuple[int, int], object] = {}
        for row in book[name].iter_rows(min_row=1, max_row=last_row, max_col=last_column):
            for cell in row:
                value = getattr(cell, "value", None)
                if value is None:
                    continue
                if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in str(
                        getattr(cell, "number_format", "") or ""):
                    value = _percent(value)
                out[(cell.row, cell.column)] = value
        return out

    def _value(self, name: str, row: int, column: int) -> object:
        return self._rows(name, row, column, self.book).get((row, column))

    def _cells(self, layout: Layout, lang: str) -> dict[FactKey, Value]:
        keyed: dict[FactKey, Value] = {}
        cells: dict[FactKey, str] = {}
        for sheet in layout.sheets:
            name = sheet.name(lang)
            placed = sheet.cells()
            if not placed:
                continue
            last_row = max(r for r, _, _ in placed)
            last_column = max(c for _, c, _ in placed)
            saved = self._rows(name, last_row, last_column, self.book)
            written = self._rows(name, last_row, last_column, self.formulas) if self.formulas is not None else {}
            for (r, c), value in saved.items():
                self.read_cells[(name, f"{get_column_letter(c)}{r}")] = value
            own_codes: dict[tuple[str | None, str], str] = {}  # (objective, "#n") -> code
            for r, c, slot in sorted(placed, key=lambda p: (p[0], p[2].key.part != "code")):
                ref = cell_ref(name, r, c)
                formula = written.get((r, c))
                value = saved.get((r, c))
                if isinstance(formula, str) and formula.startswith("=") and value is None:
                    self.findings.append(formula_without_value.check(ref, formula, **_about(slot, layout)))
                    continue
                if slot.key.local == names.REPORTING_YEAR:
                    continue  # written again from the workbook's reporting year
                own = own_codes.get((slot.key.objective, slot.key.own)) if slot.key.own else None
                parsed = self._parse(value, slot, ref, layout, keyed, own)
                if parsed is None:
                    continue
                key = slot.key
                if key.part == "code":
                    code = str(parsed)
                    if code in {v for (o, _), v in own_codes.items() if o == key.objective}:
                        self.findings.append(cell_not_convertible.check("code_twice", ref, value=code))
                        continue
                    own_codes[(key.objective, key.own)] = code
                    cells[replace(key, own=code)] = ref
                    continue
                if key.own:
                    code = own_codes.get((key.objective, key.own))
                    if code is None:
                        self.findings.append(cell_not_convertible.check(
                            "no_code", cell_ref(name, r, 2)))
                        own_codes[(key.objective, key.own)] = ""  # said once per row
                        continue
                    if not code:
                        continue
                    key = replace(key, own=code)
                keyed[key] = parsed
                cells[key] = ref
        for key in [k for k in keyed if k.value_kind == "start" and k.part == "value"]:
            if replace(key, part="year") not in keyed:
                self.findings.append(cell_not_convertible.check("no_year", cells[key]))
                del keyed[key]
        for key in [k for k in keyed if k.part == "year"]:
            if replace(key, part="value") not in keyed:
                del keyed[key]  # a year (the catalogue's, filled in beforehand) without a start value
        name_key = next((k for k in keyed if k.local == names.INSTITUTION_NAME), None)
        self.result.name = str(keyed[name_key]) if name_key else None
        self.result.cells = cells
        return keyed

    def _parse(self, value: object, slot: Slot, ref: str, layout: Layout, keyed: dict,
               own: str | None = None) -> Value | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        kind = slot.kind
        if kind == "bool":
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if isinstance(value, (int, float)) and value in (0, 1):
                return bool(value)
            if text in TRUE or text in FALSE:
                return text in TRUE
            self.findings.append(cell_not_convertible.check("not_a_choice", ref, value=_shown(value),
                                                                   **_about(slot, layout)))
            return None
        if kind == "year":
            if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer() \
                    and 1900 <= value <= 2200:
                return int(value)
            if isinstance(value, str) and value.strip().isdigit() and 1900 <= int(value.strip()) <= 2200:
                return int(value.strip())
            self.findings.append(cell_not_convertible.check("not_a_year", ref, value=_shown(value),
                                                                   **_about(slot, layout)))
            return None
        if kind in ("number", "amount"):
            number = _number(value)
            if number is None:
                self.findings.append(cell_not_convertible.check("not_a_number", ref, value=_shown(value),
                                                                       **_about(slot, layout)))
                return None
            decimals = self._decimals(slot, layout, keyed, own)
            rounded = number.quantize(Decimal(1).scaleb(-decimals)) if abs(number.adjusted()) < 24 else number
            if rounded != number:
                self.findings.append(cell_not_convertible.check(
                    "rounded", ref, severity=Severity.WARNING, value=str(number), decimals=decimals,
                    rounded=str(rounded), **_about(slot, layout)))
            return rounded
        if kind == "code":
            text = _text(value).strip()
            return text or None
        return _text(value)

    def _decimals(self, slot: Slot, layout: Layout, keyed: dict, own: str | None) -> int:
        """The decimals the writer reports a number with: its unit's; an own indicator's, its row's unit cell's
        (read before its values: the unit column comes first), else two."""
        units = layout.release.catalogue.unit_by_code
        if slot.unit in units:
            return units[slot.unit].decimals
        unit = keyed.get(FactKey(local=names.OWN_INDICATOR_UNIT, year=layout.report_year, objective=slot.key.objective,
                                 own=own)) if own else None
        return units[unit].decimals if unit in units else 2

    def _prefilled(self, prefilled: list[tuple[str, str, str]]) -> None:
        for sheet, coordinate, was in prefilled:
            now = self.read_cells.get((sheet, coordinate))
            shown = plain_text(_comparable(now))
            if shown != was:
                ref = f"{quote_sheetname(sheet)}!{coordinate}"
                place = self.result.place(ref)
                unit = place[3].unit if place else None
                self.findings.append(prefilled_cell_changed.check(
                    ref, {lang: _shown_as(was, unit, lang) for lang in ("nl", "en")},
                    {lang: _shown_as(shown, unit, lang) for lang in ("nl", "en")}))


def _shown_as(text: str, unit: str | None, lang: str) -> str:
    """A value kept as plain text, as `lang` writes it: an amount in euro, a number with its decimal sign."""
    if not text:
        return "(leeg)" if lang == "nl" else "(empty)"
    if unit == "euro":
        return formats.euro(text, lang)
    if unit is not None:
        return formats.number(text, lang)
    return text


def _about(slot: Slot, layout: Layout) -> dict[str, str]:
    """What a cell is about (indicator, objective, measure): so a finding on it is shown with its objective."""
    key, cat = slot.key, layout.release.catalogue
    objective = key.objective
    if objective is None and key.indicator:
        objective = cat.indicator_by_code[key.indicator].objective
    if objective is None and key.measure and key.measure in cat.measure_by_code:
        objective = cat.measure_by_code[key.measure].objective
    about = {"indicator": key.indicator or key.about, "objective": objective, "measure": key.measure}
    return {k: v for k, v in about.items() if v}


def _number(value: object) -> Decimal | None:
    if isinstance(value, (bool, datetime, date)):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return Decimal(format(value, ".15g"))  # the value as typed: without the float's last-digit noise
    if isinstance(value, Decimal):
        return value
    return None


def _percent(value: int | float) -> Decimal | float:
    """A number shown with a % format, as the percentage the user sees (0.125 -> 12.5)."""
    if isinstance(value, float) and not math.isfinite(value):
        return value
    number = _number(value)
    return number * 100 if number is not None else value


def _comparable(value: object) -> Value | None:
    """A cell's value as the hidden sheet keeps a pre-filled one."""
    if value is None:
        return None
    number = _number(value)
    if number is not None:
        return number
    if isinstance(value, str):
        text = value.strip()
        low = text.lower()
        for lang in BOOLEAN_WORDS.values():
            if low == lang[0]:
                return True
            if low == lang[1]:
                return False
        return text
    return _text(value)


def _text(value: object) -> str:
    if isinstance(value, bool):
        return BOOLEAN_WORDS["nl"][0 if value else 1]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _shown(value: object) -> str:
    text = _text(value)
    return text if len(text) <= 60 else text[:57] + "..."

