"""Workbooks to hand out: from the pre-fill register (one per institution and year), from an existing filing
(for a correction), or empty (an institution the register does not have)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from mbo_xbrl.errors import MboXbrlError
from mbo_xbrl.filing.model import FilingContent
from mbo_xbrl.filing.writer import write_instance
from mbo_xbrl.limits import Limits
from mbo_xbrl.parsing.filing import Filing, TidyFact, read_filing
from mbo_xbrl.prefill import PrefillRegister, prefilled_contents
from mbo_xbrl.rules.precheck import precheck
from mbo_xbrl.taxonomy.releases import release_for_year
from mbo_xbrl.workbook.content import Identity, Value, fact_key, keyed_values
from mbo_xbrl.workbook.layout import FactKey, placement
from mbo_xbrl.workbook.write import write_workbook


class WorkbookError(MboXbrlError):
    """A workbook cannot be made from what was given."""


@dataclass
class Made:
    identity: Identity
    name: str | None
    data: bytes
    left_out: list[TidyFact]  # facts of the filing no cell of the workbook holds

    def file_name(self, lang: str = "nl") -> str:
        word = "workbook" if lang == "en" else "werkmap"
        return f"{self.identity.institution}-{self.identity.report_year}-{word}.xlsx"


def read_instance(data: bytes, limits: Limits) -> Filing:
    """The tidy facts of an instance of our taxonomy, or a one-line reason why it is none."""
    pre = precheck(data, limits)
    if pre.raw is None or pre.stopped_at is not None:
        reason = pre.findings[0].message("en") if pre.findings else "not an XBRL instance"
        raise WorkbookError(f"not a readable XBRL instance of the mbo taxonomy: {reason}")
    filing = read_filing(pre.raw)
    if filing.institution is None or filing.report_year is None or filing.release is None:
        raise WorkbookError("the filing names no institution, reporting year or release of the mbo taxonomy")
    return filing


def _values(content: FilingContent, funded: bool = True) -> tuple[Identity, dict[FactKey, Value]]:
    """Filing content keyed as the workbook's cells (through the writer and the reader, the one mapping)."""
    release = release_for_year(content.report_year)
    entry_point = release.funded if funded else release.non_funded
    data = write_instance(content, entry_point.catalogue, release, entry_point)
    filing = read_instance(data, Limits())
    return Identity(content.institution_code, content.report_year, release.year, funded), keyed_values(filing)[0]


def from_register(register: PrefillRegister, year: int | None = None, lang: str = "nl") -> Iterator[Made]:
    """One workbook per institution and reporting year in the register, made one at a time (to be written as it
    is made): what OCW knows, pre-filled and locked."""
    for content in prefilled_contents(register, year):
        identity, values = _values(content)
        name = content.institution_name
        yield Made(identity, name, write_workbook(identity, name, values, set(values), lang), [])


def from_filing(data: bytes, limits: Limits, register: PrefillRegister | None = None, lang: str = "nl") -> Made:
    """The workbook of an existing filing (any software's), to correct it: every value an input cell, except what
    the register (when given) says OCW pre-filled for this institution and year."""
    filing = read_instance(data, limits)
    values, left = keyed_values(filing)
    identity = Identity(filing.institution, filing.report_year, filing.release, filing.funded)
    left += _without_cell(filing, values, identity)
    locked: set[FactKey] = set()
    if register is not None:
        known = [c for c in prefilled_contents(register, filing.report_year)
                 if c.institution_code == filing.institution]
        for content in known:
            locked |= {k for k in _values(content, filing.funded)[1] if k in values}
    name = next((str(v) for k, v in values.items() if k.local == "InstitutionName"), None)
    return Made(identity, name, write_workbook(identity, name, values, locked, lang), left)


def _without_cell(filing: Filing, values: dict[FactKey, Value], identity: Identity) -> list[TidyFact]:
    """The facts with a key but no cell in the workbook (a realisation of an earlier year, a breakdown the form
    does not ask), taken out of `values`."""
    placed = placement(values, identity.release, identity.funded, identity.report_year)
    slots = placed.layout.slots()
    left = []
    for fact in filing.facts:
        key = fact_key(fact)
        if key is None or key not in values:
            continue
        if placed.place(key) not in slots:
            left.append(fact)
            del values[key]
            values.pop(replace(key, part="year"), None)
    return left


def empty(institution: str, year: int, name: str | None = None, funded: bool = True, lang: str = "nl") -> Made:
    """An empty workbook (the institution's name filled in when given) against the release of `year`."""
    content = FilingContent(institution_code=institution, institution_name=name or "", report_year=year)
    identity, values = _values(content, funded)
    if not name:
        values = {k: v for k, v in values.items() if k.local != "InstitutionName"}
    return Made(identity, name, write_workbook(identity, name, values, set(), lang), [])
