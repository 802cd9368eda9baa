"""Round trips: filing -> workbook -> filing gives the same facts; workbook -> filing -> workbook keeps every input.

For every valid sample (whose verdict and findings must also stay the same) and every filing of the
synthetic sector, in Dutch and (for the samples) in English workbooks.
"""

from __future__ import annotations

import pytest

from mbo_xbrl.limits import Limits
from mbo_xbrl.synthetic.sector import build_sector
from mbo_xbrl.workbook.convert import instance_of
from mbo_xbrl.workbook.make import from_filing
from mbo_xbrl.workbook.read import read_workbook
from tests.conftest import VALID_SAMPLES
from tests.workbook.helpers import facts

MAX = 50 << 20


def round_trip(data: bytes, lang: str = "nl") -> tuple[bytes, bytes]:
    """The filing's workbook, and the filing made of that workbook again."""
    made = from_filing(data, Limits(), lang=lang)
    assert made.left_out == []
    conversion = read_workbook(made.data, MAX)
    assert conversion.findings == [] and not conversion.stopped
    return made.data, instance_of(conversion)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", VALID_SAMPLES, ids=lambda p: p.name)
def test_valid_sample_survives_filing_workbook_filing(path, lang, engine) -> None:
    original = path.read_bytes()
    book, again = round_trip(original, lang)
    assert facts(again) == facts(original)
    before, after = engine.check_bytes(original, path.name), engine.check_bytes(again, path.name)
    assert after.valid and before.valid
    assert after.flatten(["code"]) == before.flatten(["code"]) == []
    # checked as a workbook directly: the same verdict
    assert engine.check_bytes(book, path.stem + ".xlsx").valid


@pytest.mark.parametrize("path", VALID_SAMPLES, ids=lambda p: p.name)
def test_workbook_filing_workbook_keeps_every_input(path) -> None:
    book, again = round_trip(path.read_bytes())
    first = read_workbook(book, MAX)
    second = read_workbook(from_filing(again, Limits()).data, MAX)
    assert second.values == first.values
    assert second.cells == first.cells  # each value in the same cell
    assert len(first.values) > 20


@pytest.fixture(scope="module")
def sector() -> dict[str, bytes]:
    return {name: data for name, data in build_sector().items() if name.endswith(".xbrl")}


def test_every_sector_filing_survives_the_round_trip_with_identical_facts(sector) -> None:
    assert len(sector) == 104  # 52 institutions, 2024 and 2025 (the 2025 ones against the 2025 release)
    differ = []
    for name, data in sector.items():
        _, again = round_trip(data)
        if facts(again) != facts(data):
            differ.append(name)
    assert differ == []
