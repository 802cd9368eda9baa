"""The README's exact plain-Arelle command: the entry point and every valid sample load clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from mbo_xbrl.taxonomy.package import taxonomy_package_paths
from mbo_xbrl.taxonomy.releases import RELEASES
from tests.conftest import ROOT, VALID_SAMPLES, break_sample


def plain_arelle(target: str, log: Path, home: Path) -> list[tuple[str, str]]:
    """Run `python -m arelle.CntlrCmdLine --file T --packages P --validate --internetConnectivity offline`.

    Returns the (level, code) of every logged message above info.
    """
    command = [sys.executable, "-m", "arelle.CntlrCmdLine", "--file", target,
               "--packages", "|".join(str(p) for p in taxonomy_package_paths()), "--validate", "--internetConnectivity", "offline",
               "--logFile", str(log)]
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_CONFIG_HOME": str(home)}
    subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT, timeout=300)
    entries = etree.parse(str(log)).getroot().iter("entry")
    return [(e.get("level"), e.get("code")) for e in entries if e.get("level") not in ("info", "debug")]


@pytest.mark.parametrize("target", [ep.url for r in RELEASES.values() for ep in r.entry_points] + [str(p) for p in VALID_SAMPLES],
                         ids=[ep.name for r in RELEASES.values() for ep in r.entry_points] + [p.name for p in VALID_SAMPLES])
def test_plain_arelle_reports_no_errors_and_no_warnings(target: str, tmp_path: Path) -> None:
    assert plain_arelle(target, tmp_path / "log.xml", tmp_path) == []


def test_plain_arelle_does_report_a_dimensionally_invalid_fact(tmp_path: Path) -> None:
    """The command above can fail: a fact moved out of its hypercube is an error."""
    broken = tmp_path / "broken.xbrl"
    text = VALID_SAMPLES[0].read_text("utf-8")
    broken.write_text(break_sample(text, "mbo-i:WorksOnObjective", "Y2024"), "utf-8")
    messages = plain_arelle(str(broken), tmp_path / "log.xml", tmp_path)
    assert ("error", "xbrldie:PrimaryItemDimensionallyInvalidError") in messages


@pytest.fixture(scope="module")
def untrusting(tmp_path_factory: pytest.TempPathFactory):
    """A processor that validates our taxonomy's DTS with every filing again, as plain Arelle does."""
    from mbo_xbrl.taxonomy.processor import XbrlProcessor

    processor = XbrlProcessor(home=tmp_path_factory.mktemp("untrusting"), trusted_bases=[])
    yield processor
    processor.close()


def _messages(processor, path: Path) -> list[tuple[str, str, int | None]]:
    """Arelle's messages above info, but for the assertions of the formula linkbase: a filing's trusted check
    leaves those rules to the engine (they are compared with it in tests/taxonomy/test_formulas.py)."""
    with processor.validated(path) as (_, messages):
        return sorted((m.level, m.code, m.line) for m in messages
                      if m.level != "info" and not m.code.startswith("message:MBO-"))


@pytest.mark.parametrize("sample", sorted((ROOT / "samples").glob("*/*.xbrl")),
                         ids=lambda p: p.name)
def test_skipping_the_checks_of_our_own_taxonomy_changes_no_message(sample: Path, processor, untrusting) -> None:
    """The saving in mbo_xbrl.taxonomy.processor (our package's DTS is not validated again with every filing,
    nor calculations where there are none) gives exactly plain Arelle's messages on every sample."""
    if sample.stat().st_size > 2_000_000:
        pytest.skip("the size-limit sample is refused before Arelle")
    assert processor.trusted_bases and not untrusting.trusted_bases
    assert _messages(processor, sample) == _messages(untrusting, sample)


def test_a_broken_filing_gets_the_same_messages_with_and_without_the_saving(tmp_path: Path, processor,
                                                                              untrusting) -> None:
    broken = tmp_path / "broken.xbrl"
    broken.write_text(break_sample(VALID_SAMPLES[0].read_text("utf-8"), "mbo-i:WorksOnObjective", "Y2024"), "utf-8")
    trusted = _messages(processor, broken)
    assert trusted and trusted == _messages(untrusting, broken)
