"""The XBRL processor wrapper gives the expected verdict on every conformance variation plain Arelle passes.

Proof against Arelle issue #1085 (validation silently skipped, every file "valid"): invalid
variations must come out invalid, valid ones valid.
"""

from __future__ import annotations

import concurrent.futures
import csv
import multiprocessing
import posixpath
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from mbo_xbrl.taxonomy.processor import XbrlProcessor

HERE = Path(__file__).parent
from tests.conftest import EXTERNAL, require_external
SUITES = {
    "xbrl21": (EXTERNAL / "xbrl21-conformance-2014-12-10" / "XBRL-CONF-2014-12-10.zip", "XBRL-CONF-2014-12-10/xbrl.xml"),
    "xdt": (EXTERNAL / "xdt-conformance-cr4-2009-10-06" / "xdt-conf-cr4-2009-10-06.zip", "xdt.xml"),
}


def read_me_first(suite: str) -> dict[tuple[str, str], str]:
    """(testcase file name, variation id) -> path of the first read-me-first file, inside the zip."""
    archive_path, index = SUITES[suite]
    out: dict[tuple[str, str], str] = {}
    with zipfile.ZipFile(archive_path) as archive:
        index_root = etree.fromstring(archive.read(index))
        for testcase in index_root.iter("{*}testcase"):
            uri = posixpath.normpath(posixpath.join(posixpath.dirname(index), testcase.get("uri")))
            case_root = etree.fromstring(archive.read(uri))
            for variation in case_root.iter("{*}variation"):
                first = next((e for e in variation.iter() if e.get("readMeFirst") == "true"), None)
                if first is not None:
                    target = posixpath.normpath(posixpath.join(posixpath.dirname(uri), first.text.strip()))
                    out[(posixpath.basename(uri), variation.get("id"))] = f"{archive_path}/{target}"
    return out


def expected_passes() -> list[dict[str, str]]:
    with open(HERE / "arelle-2.47.3-passes.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_pass_list_matches_the_documented_arelle_results() -> None:
    rows = expected_passes()
    assert sum(r["suite"] == "xbrl21" for r in rows) == 474
    assert sum(r["suite"] == "xdt" for r in rows) == 337


def wrong_verdicts(suite: str, home: str) -> list[tuple]:
    """Every variation plain Arelle passes whose verdict through our wrapper differs from the expected one."""
    files = read_me_first(suite)
    rows = [r for r in expected_passes() if r["suite"] == suite]
    processor = XbrlProcessor(home=Path(home))
    wrong = []
    try:
        for row in rows:
            path = files[(row["testcase"], row["id"])]
            with processor.validated(path) as (_, messages):
                verdict = "invalid" if any(m.level == "error" for m in messages) else "valid"
            if verdict != row["expected"]:
                wrong.append((row["testcase"], row["id"], row["expected"], verdict,
                              [m.code for m in messages if m.level == "error"][:3]))
    finally:
        processor.close()
    return wrong


@pytest.mark.slow
@pytest.mark.parametrize("suite", ["xbrl21", "xdt"])
def test_wrapper_verdict_equals_expected_on_every_variation_plain_arelle_passes(
        suite: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    """In a fresh interpreter, as a user's process is: Arelle keeps some state per process (validating a
    table linkbase, as the taxonomy tests do, changes a later model's calculation verdicts)."""
    require_external()
    rows = [r for r in expected_passes() if r["suite"] == suite]
    spawn = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
        wrong = pool.submit(wrong_verdicts, suite, str(tmp_path_factory.mktemp(f"arelle-{suite}"))).result()
    counts = {"valid": sum(r["expected"] == "valid" for r in rows), "invalid": sum(r["expected"] == "invalid" for r in rows)}
    assert counts["invalid"] > 100  # the suite really exercises invalid files
    assert wrong == []
