"""Workbooks saved by another program: LibreOffice Calc, headless (installed by scripts/libreoffice.sh).

The pre-filled workbook OCW sends is filled in by code (openpyxl), with the objective totals of the
budget as formulas, and saved by LibreOffice, which calculates them: converted, it gives exactly the
facts of the filing it was filled from. Read before LibreOffice saved it, its formulas have no result.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from mbo_xbrl.catalogue import load_catalogue
from mbo_xbrl.filing.writer import write_instance
from mbo_xbrl.limits import Limits
from mbo_xbrl.prefill import PrefillRegister, register_rows
from mbo_xbrl.synthetic.samples import delta, veen
from mbo_xbrl.synthetic.workbooks import filled_in, with_cells
from mbo_xbrl.workbook.content import keyed_values
from mbo_xbrl.workbook.convert import instance_of
from mbo_xbrl.workbook.layout import FactKey, layout_for
from mbo_xbrl.workbook.make import from_register, read_instance
from mbo_xbrl.workbook.read import read_workbook
from tests.workbook.helpers import facts

MAX = 50 << 20


def saved_by_libreoffice(data: bytes, tmp: Path) -> bytes:
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: scripts/libreoffice.sh installs it (bash scripts/test.sh runs it)"
    source, out = tmp / "in" / "werkmap.xlsx", tmp / "out"
    source.parent.mkdir()
    source.write_bytes(data)
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore",
                    "--calc", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=180)
    return (out / "werkmap.xlsx").read_bytes()


@pytest.fixture(scope="module")
def sample() -> tuple[bytes, bytes]:
    """99XB's filing, and the workbook OCW sends it (from the register), filled in from that filing by code."""
    cat = load_catalogue()
    register = PrefillRegister.from_rows(register_rows(delta(cat), cat) + register_rows(veen(cat), cat), cat, "r")
    filing = write_instance(veen(cat), cat)
    sent = next(m for m in from_register(register, 2024) if m.identity.institution == "99XB")
    values, _ = keyed_values(read_instance(filing, Limits()))
    filled = filled_in(sent.data, values)
    # the objective totals of objective 2.2's budget as formulas over its measures, as a controller writes them
    layout = layout_for(2024, True, 2024)
    sheet = next(s for s in layout.sheets if s.section.endswith("objective-2.2-budget"))
    slots = layout.slots()
    formulas = {}
    for year, column in zip((2024, 2025, 2026, 2027), "BCDE"):
        _, total_row, _, _ = slots[FactKey("BudgetAmount", year=year, objective="2.2")]
        rows = [r for key, (_, r, _, _) in slots.items() if key.local == "BudgetAmount" and key.objective == "2.2"
                and key.year == year and key.measure]
        formulas[(sheet.name_nl, f"{column}{total_row}")] = f"=SUM({column}{min(rows)}:{column}{max(rows)})"
    return filing, with_cells(filled, formulas)


def test_formulas_without_results_are_named_until_a_spreadsheet_program_saves_them(sample) -> None:
    _, book = sample
    conversion = read_workbook(book, MAX)
    assert sorted(f.args["cell"] for f in conversion.findings) == [
        "'28 Doel 2.2 begroting'!B6", "'28 Doel 2.2 begroting'!C6", "'28 Doel 2.2 begroting'!D6",
        "'28 Doel 2.2 begroting'!E6"]
    assert {f.code for f in conversion.findings} == {"MBO-W005"}


def test_filled_by_code_and_saved_by_libreoffice_gives_the_filing(sample, tmp_path, engine) -> None:
    filing, book = sample
    saved = saved_by_libreoffice(book, tmp_path)
    assert saved != book
    conversion = read_workbook(saved, MAX)
    assert conversion.findings == []
    assert facts(instance_of(conversion)) == facts(filing)
    report = engine.check_bytes(saved, "99XB-2024-werkmap.xlsx")
    assert report.valid and report.findings == []
