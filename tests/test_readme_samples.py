"""The README's "one failing sample per rule" holds: each sample fails as the README says to run it.

Every failing sample is named in the README; a sample that needs an option to fail (a size or time limit,
the pre-fill register) is shown with exactly the options its rule's example records, and run that way
`check` finds that rule and exits 1.
"""

from __future__ import annotations

import re
import shlex

import pytest
from click.testing import CliRunner

from mbo_xbrl.cli import cli
from mbo_xbrl.rules.examples import check_options, example
from mbo_xbrl.rules.registry import all_rules
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")
NEEDING_OPTIONS = [r.code for r in all_rules() if example(r.code) is not None and example(r.code).options]


def readme_command(sample: str) -> list[str]:
    line = next(line for line in README.splitlines() if sample in line and "mbo-xbrl check" in line)
    return shlex.split(line.split("#")[0])[2:]  # after `.venv/bin/mbo-xbrl check`


def test_the_readme_runs_every_failing_sample() -> None:
    assert "check samples/invalid/*.xbrl" in README
    suffixes = {p.suffix for p in (ROOT / "samples" / "invalid").iterdir()}
    assert suffixes == {".xbrl", ".xlsx", ".xlsm"} and "check samples/invalid/*.xls?" in README  # the workbooks'
    assert NEEDING_OPTIONS  # the size, time and register samples


@pytest.mark.parametrize("code", NEEDING_OPTIONS)
def test_a_sample_that_needs_an_option_fails_as_the_readme_runs_it(code: str) -> None:
    shown = example(code)
    args = readme_command(shown.file)
    assert args[:-1] == check_options(shown.options) and args[-1] == f"samples/invalid/{shown.file}"
    result = CliRunner().invoke(cli, ["check", "--format", "json", *args[:-1], str(ROOT / args[-1])])
    assert result.exit_code == 1, result.output
    assert re.search(rf'"code": "{code}"', result.stdout)
