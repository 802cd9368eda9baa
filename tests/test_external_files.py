"""Real third-party files: every one gets a report, and the Dutch filing-rule cases get our codes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from lxml import etree

from mbo_xbrl.engine import Engine
from tests.conftest import EXTERNAL, require_external

# FR-NL rule in a test case -> the code our taxonomy-independent layer must raise for it.
FR_NL_CODES = {"NL.FR-NL-1.03": "MBO-S005", "NL.FR-NL-2.07": "MBO-S010", "NL.FR-NL-3.03": "MBO-S011",
               "NL.FR-NL-4.02": "MBO-S011", "NL.FR-NL-5.01": "MBO-S012"}


def test_every_external_file_gets_a_report_within_five_seconds(engine: Engine) -> None:
    external = require_external()
    files = sorted(p for p in external.rglob("*") if p.is_file())
    assert len(files) > 100
    slow, invalid_but_valid = [], []
    for path in files:
        started = time.perf_counter()
        report = engine.check(path)  # must not raise
        elapsed = time.perf_counter() - started
        if elapsed > 5:
            slow.append((path.name, round(elapsed, 1)))
        if report.valid:  # none of these is an mbo filing
            invalid_but_valid.append(path.name)
        assert report.findings, path
    assert slow == []
    assert invalid_but_valid == []


def fr_nl_cases() -> list[tuple[str, Path]]:
    external = require_external()
    cases = []
    for testcase in sorted((external / "arelle-nl-nt20-filing-rules" / "fr_nl").glob("*-testcase.xml")):
        root = etree.parse(str(testcase)).getroot()
        for variation in root.iter("{*}variation"):
            errors = [e.text.strip() for e in variation.iter("{*}error")]
            instance = next(variation.iter("{*}instance"), None)
            for error in errors:
                if error in FR_NL_CODES and instance is not None:
                    cases.append((error, testcase.parent / instance.text.strip()))
    return cases


def test_fr_nl_cases_cover_every_mapped_rule() -> None:
    assert {error for error, _ in fr_nl_cases()} == set(FR_NL_CODES)


@pytest.mark.parametrize("error, path", fr_nl_cases() if EXTERNAL.is_dir() else [],
                         ids=lambda x: x if isinstance(x, str) else x.name)
def test_fr_nl_case_raises_our_code(error: str, path: Path, engine: Engine) -> None:
    report = engine.check(path)
    assert FR_NL_CODES[error] in {f.code for f in report.findings}, report.flatten(["code", "line"])
