"""The workbook's layout, read from the taxonomy's form: one sheet per section, its rows and columns.

The form (`mbo_xbrl.taxonomy.generate.form`) declares each section's table once: rows and columns as
Table Linkbase nodes, each fixing a concept, dimension members or a year. This module walks those
nodes and gives every cell the aspects of the fact it holds, in catalogue terms (a `FactKey`). It
adds only what a sheet needs and a table leaves open:

* the year of a value: a budget's year is a column of the form; a target is the plan's target year, a
  realisation the reporting year, and a start value has a year of its own (a column "Jaar startwaarde"
  beside it, pre-filled with the catalogue's start year);
* the rows of an open axis (own indicators): a number of numbered rows per objective, with the own
  indicator's code as a cell of its own.

Sheets, rows and columns follow the form's order, so the workbook reads as the questionnaire a generic
XBRL tool renders from the same taxonomy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from mbo_xbrl.catalogue import Catalogue
from mbo_xbrl.parsing.vocabulary import vocabulary
from mbo_xbrl.taxonomy import names
from mbo_xbrl.taxonomy.concepts import qname
from mbo_xbrl.taxonomy.releases import RELEASES, Release

FIRST_ROW = 5  # rows 1-4: the section's title, the workbook's identity, a hint, the column headers
OWN_ROWS = 3  # empty rows per objective for own indicators in a new workbook
START = "start"  # the value kind whose year is a cell of its own (a target's is the plan's, a realisation's the report's)


@dataclass(frozen=True)
class FactKey:
    """What one cell holds, in catalogue terms: the same key a fact of a filing has (see `content`).

    `local` is the concept's local name ("indicator" for an indicator of the catalogue, then `indicator`
    says which). `year` is None for a start value (its year is the cell `part="year"` beside it) and for
    the own indicator's code (`part="code"`). `own` is the own indicator's code, or "#n" for the n-th
    own-indicator row of an objective in the layout.
    """

    local: str
    year: int | None = None
    indicator: str | None = None
    value_kind: str | None = None
    objective: str | None = None
    measure: str | None = None
    about: str | None = None  # the indicator an alternative source is about
    breakdown: tuple[tuple[str, str], ...] = ()
    own: str | None = None
    part: str = "value"  # "value", "year" (of a start value) or "code" (of an own indicator)


@dataclass(frozen=True)
class Slot:
    """One input or pre-fillable cell: its key and what kind of value it takes."""

    key: FactKey
    kind: str  # "text", "bool", "number", "amount", "year", "code"
    unit: str | None = None  # the catalogue unit of a number (percentage, mark, count, ratio, euro)
    default: int | None = None  # a start value's year: the catalogue's start year


@dataclass
class Row:
    label_nl: str
    label_en: str
    heading: bool = False  # a group's title row: no cells
    indent: int = 0
    slots: dict[int, Slot] = field(default_factory=dict)  # column index (1-based; column 1 is the label) -> slot


@dataclass
class Sheet:
    name_nl: str
    name_en: str
    title_nl: str
    title_en: str
    section: str  # the form's section code (its link role's last step)
    headers: list[tuple[str, str]]  # (nl, en) per column from column 2
    rows: list[Row]

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_nl

    def describe(self, row: int, column: int) -> tuple[str, str]:
        """A cell in the words of its sheet (Dutch, English): its column, its row and the group above it."""
        index = row - FIRST_ROW
        line = self.rows[index]
        group = next((r for r in reversed(self.rows[:index]) if r.heading and r.indent < line.indent), None)
        header = self.headers[column - 2] if 0 <= column - 2 < len(self.headers) else ("", "")
        words = []
        for lang, pick in (("nl", 0), ("en", 1)):
            parts = [header[pick], line.label_en if lang == "en" else line.label_nl]
            if group is not None:
                parts.append(group.label_en if lang == "en" else group.label_nl)
            words.append(", ".join(p for p in parts if p))
        return words[0], words[1]

    def cells(self) -> list[tuple[int, int, Slot]]:
        """(row number, column number, slot) of every cell that holds a value."""
        return [(FIRST_ROW + i, column, slot) for i, row in enumerate(self.rows) for column, slot in row.slots.items()]


@dataclass
class Layout:
    release: Release
    funded: bool
    report_year: int
    own_rows: dict[str, int]  # objective -> number of own-indicator rows
    sheets: list[Sheet]

    def slots(self, lang: str = "nl") -> dict[FactKey, tuple[str, int, int, Slot]]:
        """Every key -> (sheet name, row, column, slot)."""
        return {slot.key: (sheet.name(lang), r, c, slot) for sheet in self.sheets for r, c, slot in sheet.cells()}


def code_key(objective: str | None, own: str) -> FactKey:
    """The key of the cell that holds an own indicator's code, in its row ("#n") of an objective."""
    return FactKey(local=names.OWN_INDICATOR_NAME, objective=objective, own=own, part="code")


@dataclass(frozen=True)
class Placement:
    """Where the keyed values of one filing go: the layout with a row for each of its own indicators (and one
    empty row more, at least `OWN_ROWS`), and each own indicator's row "#n" by (objective, code)."""

    layout: Layout
    rows: dict[tuple[str | None, str], str]

    def place(self, key: FactKey) -> FactKey:
        """The key as the layout has it: an own indicator's code replaced by its row."""
        return replace(key, own=self.rows[(key.objective, key.own)]) if key.own else key


def placement(keys: Iterable[FactKey], release_year: int, funded: bool, report_year: int) -> Placement:
    """The layout for these keys (own indicators numbered per objective, in the order they come)."""
    codes: dict[str, list[str]] = {o.code: [] for o in RELEASES[release_year].catalogue.objectives}
    for key in keys:
        if key.own and key.objective in codes and key.own not in codes[key.objective]:
            codes[key.objective].append(key.own)
    rows = {(o, code): f"#{n}" for o, c in codes.items() for n, code in enumerate(c, start=1)}
    own_rows = {o: max(OWN_ROWS, len(c) + 1) for o, c in codes.items()}
    return Placement(layout_for(release_year, funded, report_year, own_rows), rows)


# Sheet names: the section number and a short name (a sheet name is at most 31 characters).
_SHORT = {
    "general": ("Algemeen", "General"),
    "budget-total": ("Begroting totaal", "Budget total"),
    "declaration": ("Doel {code}", "Objective {code}"),
    "indicators": ("Doel {code} indicatoren", "Objective {code} indicators"),
    "measures": ("Doel {code} maatregelen", "Objective {code} measures"),
    "budget": ("Doel {code} begroting", "Objective {code} budget"),
    "own-indicators": ("Eigen indicatoren", "Own indicators"),
    "alternative-sources": ("Alternatieve bronnen", "Alternative sources"),
    "narrative": ("Voortgangsparagraaf", "Progress narrative"),
}
_OBJECTIVE_SLUG = re.compile(r"objective-(?P<code>[0-9.]+)-(?P<part>[a-z]+)$")


def sheet_names(number: int, slug: str) -> tuple[str, str]:
    match = _OBJECTIVE_SLUG.match(slug)
    nl, en = _SHORT[match["part"] if match else slug]
    code = match["code"] if match else ""
    return f"{number:02d} {nl.format(code=code)}", f"{number:02d} {en.format(code=code)}"


def layout_for(release_year: int, funded: bool, report_year: int, own_rows: dict[str, int] | None = None) -> Layout:
    """The workbook of a release's (non-)funded entry point for one reporting year."""
    rows = tuple(sorted((own_rows or {}).items()))
    return _layout(release_year, funded, report_year, rows)


@lru_cache(maxsize=16)
def _layout(release_year: int, funded: bool, report_year: int, own_rows: tuple[tuple[str, int], ...]) -> Layout:
    release = RELEASES[release_year]
    cat = release.catalogue
    model = _model(release_year)
    sections = model.sections if funded else model.non_funded_sections
    counts = {o.code: OWN_ROWS for o in cat.objectives} | dict(own_rows)
    reader = _Reader(cat, release, model.concepts, report_year, counts)
    return Layout(release, funded, report_year, counts, [reader.sheet(s) for s in sections])


@lru_cache(maxsize=4)
def _model(release_year: int):
    """The taxonomy model of a release, whose sections are the form (built from the catalogue in 0.2 s)."""
    from mbo_xbrl.taxonomy.generate.model import build_model  # the generator: only where a workbook is made or read

    release = RELEASES[release_year]
    return build_model(release.catalogue, release)


class _Reader:
    """Turns the form's table nodes into rows and cells of a sheet."""

    def __init__(self, cat: Catalogue, release: Release, concepts: list, report_year: int,
                 own_rows: dict[str, int]) -> None:
        self.cat, self.release, self.report_year, self.own_rows = cat, release, report_year, own_rows
        self.vocabulary = vocabulary(release)
        self.labels = {(c.part, c.name): (c.label_nl, c.label_en) for c in concepts}

    def clark(self, concept) -> str:
        return qname(concept.part, concept.name, self.release).clark

    def sheet(self, section) -> Sheet:
        number, slug = int(section.code[:2]), section.code[3:]
        name_nl, name_en = sheet_names(number, slug)
        columns = [leaf for tree in section.table.columns for leaf in _leaves(tree, {})]
        headers: list[tuple[str, str]] = []
        col_aspects: list[dict] = []
        for aspects in columns:
            kind = self._value_kind(aspects)
            nl, en = aspects["label"]
            year = self.cat.target_year if kind == "target" else self.report_year if kind == "realisation" else None
            if year is not None and str(year) not in nl:
                nl, en = f"{nl} {year}", f"{en} {year}"
            headers.append((nl, en))
            col_aspects.append(aspects)
            if kind == START:  # the year of a start value: a column of its own beside it
                headers.append(("Jaar startwaarde", "Year of start value"))
                col_aspects.append(aspects | {"part": "year"})
        rows: list[Row] = []
        for tree in section.table.rows[0]:
            self._rows(tree, {}, 0, col_aspects, rows)
        if slug == "own-indicators":  # the open axis: its code is the first column
            headers.insert(0, ("Code eigen indicator", "Own indicator code"))
        return Sheet(name_nl, name_en, section.title_nl, section.title_en, section.code, headers, rows)

    def _value_kind(self, aspects: dict) -> str | None:
        for axis, member in aspects["members"]:
            if axis.name == names.VALUE_KIND_AXIS:
                return self.vocabulary.members["value_kind"].get(self.clark(member))
        return None

    def _rows(self, node, inherited: dict, indent: int, columns: list[dict], out: list[Row]) -> None:
        aspects = _merge(inherited, node)
        if node.children_of is not None:  # one row per member of the breakdown
            axis = node.children_of[0]
            code = self.vocabulary.axes[self.clark(axis)]
            breakdown = self.cat.breakdown_by_code[code]
            for member in breakdown.members:
                label = self.labels[("domains", names.breakdown_member(breakdown, member))]
                row_aspects = aspects | {"breakdown": aspects["breakdown"] + ((code, member.code),)}
                out.append(self._row(label, row_aspects, indent, columns))
            return
        if node.open_axis is not None:  # own indicators: numbered rows, the code in the first column
            objective = self._members(aspects)["objective"]
            for n in range(1, self.own_rows[objective] + 1):
                row = self._row((f"Eigen indicator {n}", f"Own indicator {n}"), aspects | {"own": f"#{n}"}, indent,
                                columns, shift=1)
                row.slots[2] = Slot(code_key(objective, f"#{n}"), "code")
                out.append(row)
            return
        if node.abstract or node.children:
            label = (node.label_nl, node.label_en)
            indicator = self._indicator(aspects["concept"]) if aspects.get("concept") is not None else None
            if indicator is not None:
                unit = self.cat.unit_by_code[indicator.unit]
                label = (f"{label[0]} — {unit.label_nl}", f"{label[1]} — {unit.label_en}")
            out.append(Row(*label, heading=True, indent=indent))
            for child in node.children:
                self._rows(child, aspects, indent + 1, columns, out)
            return
        out.append(self._row((node.label_nl, node.label_en), aspects, indent, columns))

    def _indicator(self, concept):
        return self.vocabulary.indicators.get(self.clark(concept))

    def _row(self, label: tuple[str, str], aspects: dict, indent: int, columns: list[dict], shift: int = 0) -> Row:
        row = Row(label[0], label[1], indent=indent)
        for index, column in enumerate(columns):
            cell = _combine(aspects, column)
            if cell.get("concept") is None:
                continue
            row.slots[index + 2 + shift] = self._slot(cell)
        return row

    def _members(self, aspects: dict) -> dict[str, str]:
        out: dict[str, str] = {}
        for axis, member in aspects["members"]:
            kind = self.vocabulary.axes.get(self.clark(axis))
            code = self.vocabulary.members.get(kind, {}).get(self.clark(member))
            if kind is not None and code is not None:
                out[kind] = code
        return out

    def _key(self, aspects: dict, members: dict[str, str]) -> FactKey:
        concept = aspects.get("concept")
        indicator = self._indicator(concept) if concept is not None else None
        local = "indicator" if indicator is not None else (concept.name if concept is not None else
                                                           names.OWN_INDICATOR_NAME)
        kind = members.get("value_kind")
        part = aspects.get("part", "value")
        if aspects.get("year") is not None:
            year = aspects["year"]
        elif kind == START:
            year = None
        elif kind == "target":
            year = self.cat.target_year
        else:
            year = self.report_year
        breakdown = tuple(sorted(aspects["breakdown"])) if indicator is not None else ()
        return FactKey(local=local, year=year, indicator=indicator.code if indicator else None, value_kind=kind,
                       objective=members.get("objective"), measure=members.get("measure"),
                       about=members.get("indicator"), breakdown=breakdown, own=aspects.get("own"), part=part)

    def _slot(self, cell: dict) -> Slot:
        members = self._members(cell)
        key = self._key(cell, members)
        concept = cell["concept"]
        indicator = self._indicator(concept)
        if key.part == "year":
            default = indicator.start_year if indicator is not None else None
            return Slot(key, "year", default=default)
        if indicator is not None:
            return Slot(key, "number", unit=indicator.unit)
        kinds = {"xbrli:booleanItemType": "bool", "xbrli:monetaryItemType": "amount", "xbrli:gYearItemType": "year"}
        concept_type = concept.type
        if concept.name == names.OWN_INDICATOR_VALUE:
            return Slot(key, "number")
        return Slot(key, kinds.get(concept_type, "text"), unit="euro" if concept_type == "xbrli:monetaryItemType"
                    else None)


def _leaves(node, inherited: dict) -> list[dict]:
    aspects = _merge(inherited, node)
    if not node.children:
        return [aspects | {"label": (node.label_nl, node.label_en)}]
    return [leaf for child in node.children for leaf in _leaves(child, aspects)]


def _merge(inherited: dict, node) -> dict:
    aspects = dict(inherited) or {"members": (), "breakdown": ()}
    if node.concept is not None:
        aspects["concept"] = node.concept
    if node.members:
        aspects["members"] = aspects["members"] + tuple(node.members)
    if node.year is not None:
        aspects["year"] = node.year
    return aspects


def _combine(row: dict, column: dict) -> dict:
    cell = dict(row)
    cell["members"] = row["members"] + column["members"]
    for name in ("concept", "year", "part"):
        if column.get(name) is not None:
            cell[name] = column[name]
    return cell
