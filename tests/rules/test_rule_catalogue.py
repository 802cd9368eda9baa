"""Every rule: declared completely, with a failing sample that gives exactly the expected findings.

Expected findings live in mbo_xbrl/rules/examples/<code>.json (also the rules' examples); after a deliberate change, rewrite
them with `UPDATE_EXPECTED=1 bash scripts/test.sh tests/rules` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from mbo_xbrl.cli import cli
from mbo_xbrl.engine import Engine
from mbo_xbrl.limits import Limits
from mbo_xbrl.prefill import PrefillRegister
from mbo_xbrl.report.model import Report, Severity
from mbo_xbrl.sandbox import Sandbox, report_from
from mbo_xbrl.rules.examples import EXAMPLES
from mbo_xbrl.rules.registry import all_rules, get
from mbo_xbrl.synthetic.invalid import FAILING, failing_files
from tests.conftest import ROOT, VALID_SAMPLES

EXPECTED = EXAMPLES  # the expected findings are the rules' examples (mbo-xbrl rules CODE)
SAMPLES = ROOT / "samples"
BY_CODE = {s.code: s for s in FAILING}


def engine_for(sample, processor) -> Engine:
    options = sample.options
    register = PrefillRegister.read(SAMPLES / options["prefill_register"]) if "prefill_register" in options else None
    return Engine(processor, max_bytes=options.get("max_bytes"), prefill=register)


def test_every_rule_is_declared_completely_and_has_a_failing_sample() -> None:
    for rule in all_rules():
        assert rule.rationale and rule.message_nl and rule.message_en and rule.fix_nl and rule.fix_en, rule.code
        assert rule.message_nl != rule.message_en, rule.code
        if rule.layer.value == "semantic":
            assert rule.concepts and all(c.startswith("mbo-i:") for c in rule.concepts), rule.code
        assert rule.code in BY_CODE, f"{rule.code} has no failing sample"
        assert (SAMPLES / "invalid" / BY_CODE[rule.code].file_name).is_file()
        assert (EXPECTED / f"{rule.code}.json").is_file() or os.environ.get("UPDATE_EXPECTED")
    assert {s.code for s in FAILING} == {r.code for r in all_rules()}


def test_failing_samples_and_register_are_not_stale() -> None:
    for name, data in failing_files().items():
        assert (SAMPLES / name).read_bytes() == data, f"regenerate with: python -m mbo_xbrl.synthetic.invalid ({name})"


def report_of(sample, processor) -> Report:
    """The sample's report; a time limit is enforced by the worker process that checks, so it runs there."""
    path = SAMPLES / "invalid" / sample.file_name
    if "timeout" in sample.options:
        limits = Limits(seconds=sample.options["timeout"])
        with Sandbox("report", limits=limits) as sandbox:
            return report_from(sandbox.run({"path": str(path)}), str(path), None, limits)
    return engine_for(sample, processor).check(path)


@pytest.mark.parametrize("code", sorted(BY_CODE))
def test_failing_sample_gives_exactly_the_expected_findings(code: str, processor) -> None:
    sample = BY_CODE[code]
    report = report_of(sample, processor)
    actual = {"file": sample.file_name, "options": sample.options,
              "findings": [f.model_dump(mode="json") for f in report.findings]}
    path = EXPECTED / f"{code}.json"
    if os.environ.get("UPDATE_EXPECTED"):
        path.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", "utf-8")
    expected = json.loads(path.read_text("utf-8"))
    assert actual == expected
    assert {f["code"] for f in actual["findings"]} == {code}
    assert report.valid is (get(code).severity is not Severity.ERROR)


def test_valid_samples_draw_no_finding_from_any_rule_even_with_the_prefill_register(processor) -> None:
    register = PrefillRegister.read(SAMPLES / "prefill-register.csv")
    engine = Engine(processor, prefill=register)
    for path in VALID_SAMPLES:
        report = engine.check(path)
        assert report.findings == [] and report.valid, path.name
    assert len(register.for_filing("99XB", 2024)) > 5 and len(register.for_filing("99XA", 2024)) > 5


@pytest.mark.parametrize("code", sorted(BY_CODE))
def test_check_command_exit_code_on_each_failing_sample(code: str) -> None:
    sample = BY_CODE[code]
    args = ["check", "--format", "json", str(SAMPLES / "invalid" / sample.file_name)]
    if "max_bytes" in sample.options:
        args += ["--max-size", str(sample.options["max_bytes"])]
    if "timeout" in sample.options:
        args += ["--timeout", str(sample.options["timeout"])]
    if "prefill_register" in sample.options:
        args += ["--prefill-register", str(SAMPLES / sample.options["prefill_register"])]
    result = CliRunner().invoke(cli, args)
    error_rule = get(code).severity is Severity.ERROR
    assert result.exit_code == (1 if error_rule else 0), result.output
    codes = {f["code"] for f in json.loads(result.stdout)["reports"][0]["findings"]}
    assert codes == {code}
    strict = CliRunner().invoke(cli, args + ["--fail-on", "warning"])
    assert strict.exit_code == 1
