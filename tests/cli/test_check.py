"""`mbo-xbrl check`: verdicts, exit codes 0 / 1 / 2, and the JSON contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mbo_xbrl.cli import cli
from tests.conftest import ROOT, VALID_SAMPLES, break_sample


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
    assert result.stderr.strip() == f"mbo-xbrl: {tmp_path / 'missing.xbrl'}: bestand of map bestaat niet"


def test_check_checks_the_filings_in_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "filings"
    (folder / "2024").mkdir(parents=True)
    for sample in VALID_SAMPLES:
        (folder / "2024" / sample.name).write_bytes(sample.read_bytes())
    (folder / "notes.txt").write_text("not a filing", "utf-8")
    result = run("check", "--quiet", "--format", "json", str(folder))
    assert result.exit_code == 0, result.output
    reports = json.loads(result.stdout)["reports"]
    assert sorted(Path(r["file"]).name for r in reports) == sorted(s.name for s in VALID_SAMPLES)
    assert all(r["valid"] for r in reports)


def test_a_missing_path_among_several_is_named_and_the_others_are_still_checked(tmp_path: Path, broken: Path) -> None:
    missing, empty = tmp_path / "gone.xbrl", tmp_path / "empty"
    empty.mkdir()
    result = run("check", "--quiet", "--format", "json", "--lang", "en", str(missing), str(VALID_SAMPLES[0]),
                 str(empty), str(broken))
    assert result.exit_code == 2  # a path named nothing: 2, after the others were checked
    reports = json.loads(result.stdout)["reports"]
    assert [(Path(r["file"]).name, r["valid"]) for r in reports] == [(VALID_SAMPLES[0].name, True), (broken.name, False)]
    assert result.stderr.splitlines() == [f"mbo-xbrl: {missing}: no such file or folder",
                                          f"mbo-xbrl: {empty}: no filing (.xbrl, .xml, .xlsx, .xhtml, .html or .zip) in this folder"]


def test_ingest_names_each_skipped_file_and_each_rejected_file_with_its_first_error(tmp_path: Path,
                                                                                     broken: Path) -> None:
    store = str(tmp_path / "store.duckdb")
    first = run("ingest", "--quiet", "--lang", "en", "--store", store, str(VALID_SAMPLES[0]), str(broken))
    assert first.exit_code == 1, first.output
    lines = first.stdout.splitlines()
    rejected = next(n for n, line in enumerate(lines) if line.strip().startswith("rejected") and str(broken) in line)
    assert lines[rejected + 1].split()[:3] == ["first", "error:", "MBO-S004"]
    again = run("ingest", "--quiet", "--lang", "en", "--store", store, str(VALID_SAMPLES[0]))
    skipped = [line.split() for line in again.stdout.splitlines() if line.strip().startswith("skipped")]
    assert skipped == [["skipped", str(VALID_SAMPLES[0]), "-", *"already in the store (the same bytes, by SHA-256)".split()]]
    dutch = run("ingest", "--quiet", "--store", store, str(VALID_SAMPLES[0])).stdout  # Dutch unless asked
    assert dutch.startswith("inleesronde ") and "overgeslagen" in dutch and "staat al in de store" in dutch


def test_a_long_text_report_leads_with_a_summary_per_rule_and_per_part(tmp_path: Path) -> None:
    import re

    out = tmp_path / "prefilled"
    assert run("prefill", "--values", str(ROOT / "samples" / "prefill-register.csv"), "--out", str(out)).exit_code == 0
    filing = sorted(out.glob("*.xbrl"))[0]
    text = run("check", "--quiet", str(filing)).stdout
    report = json.loads(run("check", "--quiet", "--format", "json", str(filing)).stdout)["reports"][0]
    lines = text.splitlines()
    by_rule = lines[lines.index("  Per regel:") + 1:lines.index("  Per onderdeel:")]
    counted = {m[3]: int(m[1]) for m in (re.match(r"\s+(\d+)× (FOUT|WAARSCHUWING|MELDING) (MBO-\w+) ", line)
                                         for line in by_rule)}
    assert counted == {code: sum(f["code"] == code for f in report["findings"]) for code in counted}
    assert sum(counted.values()) == len(report["findings"]) >= 100
    parts = lines[lines.index("  Per onderdeel:") + 1:lines.index("  Alle bevindingen:")]
    assert sum(int(line.split()[0]) for line in parts) == len(report["findings"])
    assert "ERROR" not in text and "FOUT MBO-B001" in text


def test_a_report_names_the_institution_as_its_filing_does() -> None:
    sample = ROOT / "samples" / "invalid" / "MBO-B004-budget-on-unapplied-measure.xbrl"
    data = json.loads(run("check", "--quiet", "--format", "json", str(sample)).stdout)["reports"][0]
    name = data["institution_name"]
    assert data["institution"] == "99XB" and name and "Veen" in name
    text = run("check", "--quiet", str(sample)).stdout
    assert text.splitlines()[0].count(f"instelling 99XB {name}, verslagjaar 2024") == 1
