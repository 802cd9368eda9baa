"""`mbo-xbrl check`: verdicts, exit codes 0 / 1 / 2, and the JSON contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mbo_xbrl.cli import cli
from tests.conftest import VALID_SAMPLES, break_sample


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("broken") / "broken.xbrl"
    text = VALID_SAMPLES[1].read_text("utf-8")
    path.write_text(break_sample(text, "mbo-i:InstitutionName", "Y2024_EqualTreatment"), "utf-8")
    return path


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_check_exits_0_on_the_valid_samples_and_prints_verdicts() -> None:
    result = run("check", *map(str, VALID_SAMPLES))
    assert result.exit_code == 0, result.output
    assert result.stdout.count("GOEDGEKEURD") == len(VALID_SAMPLES)


def test_check_exits_1_on_an_invalid_filing_with_the_processor_code(broken: Path) -> None:
    result = run("check", "--format", "json", str(broken))
    assert result.exit_code == 1
    report = json.loads(result.stdout)["reports"][0]
    assert report["valid"] is False
    assert report["institution"] == "99XB" and report["report_year"] == 2024
    finding = report["findings"][0]
    assert finding["code"] == "MBO-S004" and finding["severity"] == "error"
    assert "xbrldie:PrimaryItemDimensionallyInvalidError" in finding["message"]
    assert isinstance(finding["line"], int)


def test_check_speaks_english_on_request(broken: Path) -> None:
    result = run("check", "--lang", "en", str(broken))
    assert result.exit_code == 1
    assert "REJECTED" in result.stdout and "Invalid per XBRL 2.1" in result.stdout


def test_check_json_reports_have_the_contract_fields() -> None:
    result = run("check", "--format", "json", str(VALID_SAMPLES[0]))
    report = json.loads(result.stdout)["reports"][0]
    assert {"file", "valid", "institution", "report_year", "findings"} <= set(report)
    assert report["valid"] is True and report["findings"] == []


def test_the_installed_command_exits_2_with_one_line_for_a_missing_file(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", "from mbo_xbrl.cli import main; main()", "check",
                             str(tmp_path / "missing.xbrl")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr
