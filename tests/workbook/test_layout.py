"""The workbook's layout is the taxonomy's form: the sheets are its sections, in questionnaire order, and each
fact sits on the sheet of the section where plain Arelle's table rendering puts it."""

from __future__ import annotations

from pathlib import Path

import pytest

from mbo_xbrl.limits import Limits
from mbo_xbrl.taxonomy.generate.model import build_model
from mbo_xbrl.taxonomy.releases import RELEASES
from mbo_xbrl.workbook.content import fact_key, keyed_values
from mbo_xbrl.workbook.layout import layout_for, placement
from mbo_xbrl.workbook.make import read_instance
from tests.conftest import VALID_SAMPLES
from tests.taxonomy.test_form import _cells


@pytest.mark.parametrize("release", sorted(RELEASES))
@pytest.mark.parametrize("funded", [True, False])
def test_one_sheet_per_section_of_the_form_in_its_order(release: int, funded: bool) -> None:
    model = build_model(RELEASES[release].catalogue, RELEASES[release])
    sections = model.sections if funded else model.non_funded_sections
    layout = layout_for(release, funded, release)
    assert [s.section for s in layout.sheets] == [s.code for s in sections]
    assert [s.title_nl for s in layout.sheets] == [s.title_nl for s in sections]
    names = [s.name_nl for s in layout.sheets] + [s.name_en for s in layout.sheets]
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)  # what a sheet name may be
    assert len(set(s.name_nl for s in layout.sheets)) == len(layout.sheets)


@pytest.mark.parametrize("sample", VALID_SAMPLES, ids=lambda p: p.name)
def test_each_fact_is_on_the_sheet_of_the_section_plain_arelle_renders_it_in(sample: Path, processor,
                                                                             tmp_path: Path) -> None:
    filing = read_instance(sample.read_bytes(), Limits())
    values, _ = keyed_values(filing)
    placed = placement(values, filing.release, filing.funded, filing.report_year)
    section_of = {slot.key: sheet.section for sheet in placed.layout.sheets for _, _, slot in sheet.cells()}
    ours = {}
    for fact in filing.facts:
        key = fact_key(fact)
        if key is None or fact.local == "ReportingYear":
            continue
        ours[(fact.local, fact.context)] = section_of[placed.place(key)]
    theirs = {}
    with processor.loaded(sample) as (model, _):
        for role, cell in _cells(model, tmp_path):
            for fact, _value, _justify in cell.facts:
                theirs[(fact.qname.localName, fact.contextID)] = role.rsplit("/", 1)[1]
    assert len(ours) > 15
    assert {k: v for k, v in theirs.items() if k[0] != "ReportingYear"} == ours
