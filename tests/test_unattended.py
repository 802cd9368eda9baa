"""Running unattended: one bad file never stops a run, limits hold per file, and nothing is left behind.

Each reproducer of the nightly-ingest failures is a test here: a schema-valid filing that made the
budget tolerance overflow, a rule that fails, files built to exhaust time or memory, a count of
10^400, killed runs and servers. The fuzz test (tests/test_fuzz.py) covers the rest at random.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from mbo_xbrl.engine import Engine
from mbo_xbrl.report.render import reports_json, reports_text
from mbo_xbrl.rules.base import Layer, Rule
from mbo_xbrl.store import open_store
from mbo_xbrl.synthetic.hostile import attribute_flood, many_contexts
from tests.conftest import ROOT, VALID_SAMPLES

CLI = [sys.executable, "-c", "from mbo_xbrl.cli import main; main()"]
VALID_A, VALID_B = VALID_SAMPLES[:2]  # the two 2024 filings of funded institutions
EXCEPTION_NAMES = re.compile(r"\b[A-Z][A-Za-z]*(Error|Exception|Overflow)\b|Traceback")


def poisoned_decimals(text: str) -> str:
    """A BudgetAmount with decimals="-2000000": valid XBRL, and once a tolerance of 5E+1999999."""
    changed = text.replace('unitRef="EUR" decimals="0"', 'unitRef="EUR" decimals="-2000000"', 1)
    assert changed != text
    return changed


def count_of(text: str, value: str) -> str:
    """The first count-typed indicator value replaced (new early leavers: a count)."""
    changed, n = re.subn(r'(<mbo-i:NewEarlyLeaversCount [^>]*>)[^<]*(<)', lambda m: m.group(1) + value + m.group(2), text,
                         count=1)
    assert n == 1
    return changed


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(CLI + list(args), capture_output=True, text=True, timeout=timeout, env=env)


# --- one file's failure is that file's outcome ------------------------------------------------------------

def test_a_huge_negative_decimals_is_checked_not_an_internal_error(tmp_path: Path, engine: Engine) -> None:
    bad = write(tmp_path, "bad.xbrl", poisoned_decimals(VALID_A.read_text("utf-8")))
    report = engine.check(bad)
    assert report.problems == [] and report.valid  # a tolerance that large admits the sum: valid, as XBRL says
    result = run_cli("check", "--format", "json", str(VALID_B), str(bad), str(VALID_A))
    assert result.returncode == 0, result.stderr
    reports = json.loads(result.stdout)["reports"]
    assert [r["file"] for r in reports] == [str(VALID_B), str(bad), str(VALID_A)]


def test_any_decimals_xml_schema_admits_leaves_the_budget_rules_finite(tmp_path: Path, engine: Engine) -> None:
    text = VALID_A.read_text("utf-8")
    for decimals in ("-99999999999999999999999999999", "99999999999999999999999999999", "-999999", "INF"):
        changed = text.replace('unitRef="EUR" decimals="0"', f'unitRef="EUR" decimals="{decimals}"')
        assert changed != text
        path = write(tmp_path, f"d{len(decimals)}.xbrl", changed)
        report = engine.check(path)
        assert report.problems == [], decimals


def test_a_failing_rule_is_a_problem_of_that_file_and_the_other_rules_still_run(
        tmp_path: Path, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    import mbo_xbrl.engine as engine_module

    def broken(filing, ctx):
        return [1 / 0]

    real = engine_module.rules_in_layer
    broken_rule = Rule("MBO-B002", "budget-does-not-add-up", Layer.SEMANTIC, real(Layer.SEMANTIC)[0].severity,
                       "x", "x", "x", "x", "x", (), broken)
    monkeypatch.setattr(engine_module, "rules_in_layer",
                        lambda layer: [broken_rule if r.code == "MBO-B002" else r for r in real(layer)])
    report = engine.check(ROOT / "samples" / "invalid" / "MBO-C001-missing-target-value.xbrl")
    assert [f.code for f in report.findings] == ["MBO-C001"]  # the others ran
    assert [(p.kind, p.rule) for p in report.problems] == [("internal", "MBO-B002")]
    assert not report.valid
    for lang in ("nl", "en"):
        shown = reports_text([report], lang) + reports_json([report], lang)
        assert "MBO-B002" in shown and not EXCEPTION_NAMES.search(shown), shown


def test_check_of_several_files_reports_each_and_exits_1_not_2(tmp_path: Path) -> None:
    text = VALID_A.read_text("utf-8")
    files = [write(tmp_path, "good.xbrl", text), write(tmp_path, "bad.xbrl", poisoned_decimals(text)),
             write(tmp_path, "absurd.xbrl", count_of(text, "1" + "0" * 400)),
             write(tmp_path, "flood.xbrl", attribute_flood(text, 80_000)),
             write(tmp_path, "other.xbrl", VALID_B.read_text("utf-8"))]
    result = run_cli("check", "--format", "json", *map(str, files))
    assert result.returncode == 1, result.stderr
    assert not EXCEPTION_NAMES.search(result.stderr + result.stdout)
    reports = {Path(r["file"]).name: r for r in json.loads(result.stdout)["reports"]}
    assert list(reports) == [f.name for f in files]
    assert reports["good.xbrl"]["valid"] and reports["other.xbrl"]["valid"] and reports["bad.xbrl"]["valid"]
    assert {f["code"] for f in reports["absurd.xbrl"]["findings"]} == {"MBO-V004"}
    flood = reports["flood.xbrl"]["findings"]
    assert [(f["code"], f["args"]["what"]) for f in flood] == [("MBO-S008", "attributes")]


# --- limits per file ------------------------------------------------------------------------------------

def test_a_file_past_the_time_limit_gets_s007_and_the_next_file_is_checked(tmp_path: Path) -> None:
    env = dict(os.environ, MBO_XBRL_FULL_ARELLE="1")  # Arelle on every file: well over a tenth of a second
    result = run_cli("check", "--format", "json", "--timeout", "0.2", str(VALID_A), str(ROOT / "samples" / "invalid" /
                     "MBO-S001-unreadable-xml.xbrl"), env=env)
    reports = json.loads(result.stdout)["reports"]
    assert result.returncode == 1
    assert [(f["code"], f["args"].get("problem")) for f in reports[0]["findings"]] == [("MBO-S007", "time")]
    assert [f["code"] for f in reports[1]["findings"]] == ["MBO-S001"]  # a fresh worker took it at once


def test_a_file_that_needs_more_memory_than_the_cap_gets_s007_and_the_run_goes_on(tmp_path: Path) -> None:
    heavy = write(tmp_path, "heavy.xbrl", many_contexts(VALID_A.read_text("utf-8"), 95_000))
    result = run_cli("check", "--format", "json", "--max-memory", "400", str(heavy), str(VALID_B))
    assert result.returncode == 1, result.stderr
    reports = json.loads(result.stdout)["reports"]
    assert [(f["code"], f["args"].get("problem")) for f in reports[0]["findings"]] == [("MBO-S007", "memory")]
    assert "400 MB" in reports[0]["findings"][0]["message"]
    assert reports[1]["valid"]


def test_running_out_of_memory_anywhere_is_s007_never_a_syntax_finding_or_a_crash(tmp_path: Path) -> None:
    """Under a cap, allocations fail wherever the check is: in libxml2 (which calls it a syntax error), in
    Python, or in pydantic's serializer (which aborts in Rust). Each must read as the memory limit."""
    heavy = write(tmp_path, "heavy.xbrl", many_contexts(VALID_A.read_text("utf-8"), 40_000))
    outcomes = []
    for megabytes in ("200", "250", "300", "350", "400", "500"):
        result = run_cli("check", "--format", "json", "--max-memory", megabytes, str(heavy))
        if result.returncode == 2:  # too little for a checking process to start: said in one line
            assert "not enough to start" in result.stderr and result.stderr.strip().count("\n") == 0, megabytes
            continue
        report = json.loads(result.stdout)["reports"][0]
        codes = [(f["code"], f["args"].get("problem")) for f in report["findings"]]
        assert report["problems"] == [] and ("MBO-S001", "syntax") not in codes, megabytes
        outcomes.append(codes == [("MBO-S007", "memory")] or ("complete" if codes and "MBO-S007" not in
                                                                {c for c, _ in codes} else codes))
    assert True in outcomes and "complete" in outcomes, outcomes  # both sides of the cap were reached


def test_limits_come_from_the_environment_and_a_bad_value_is_one_line(tmp_path: Path) -> None:
    env = dict(os.environ, MBO_XBRL_MAX_FACTS="100")
    result = run_cli("check", "--format", "json", str(VALID_B), env=env)
    finding = json.loads(result.stdout)["reports"][0]["findings"][0]
    assert result.returncode == 1 and finding["code"] == "MBO-S008" and finding["args"]["limit"] == 100
    broken = run_cli("check", str(VALID_B), env=dict(os.environ, MBO_XBRL_TIMEOUT="soon"))
    assert broken.returncode == 2 and broken.stderr.strip().count("\n") == 0 and "MBO_XBRL_TIMEOUT" in broken.stderr


# --- a poisoned batch stores its good filings -------------------------------------------------------------

def test_a_poisoned_batch_stores_its_good_filings_and_names_each_bad_one(tmp_path: Path, batch: list[Path]) -> None:
    folder = tmp_path / "night"
    folder.mkdir()
    for path in batch[:4]:
        (folder / path.name).write_bytes(path.read_bytes())
    text = VALID_A.read_text("utf-8")
    write(folder, "90ZZ-decimals.xbrl", poisoned_decimals(text.replace(">99XA<", ">90ZZ<")))
    write(folder, "90ZY-absurd.xbrl", count_of(text.replace(">99XA<", ">90ZY<"), "1" + "0" * 400))
    write(folder, "90ZX-flood.xbrl", attribute_flood(text, 5_000))
    write(folder, "90ZW-notxml.xbrl", "dit is geen xml")
    store = str(tmp_path / "store.duckdb")
    result = run_cli("ingest", "--store", store, "--workers", "2", "--format", "json", str(folder))
    assert result.returncode == 1, result.stderr
    assert not EXCEPTION_NAMES.search(result.stderr + result.stdout)
    outcomes = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert {name: f["outcome"] for name, f in outcomes.items()} == {
        **{p.name: "accepted" for p in batch[:4]}, "90ZZ-decimals.xbrl": "accepted",
        "90ZY-absurd.xbrl": "rejected", "90ZX-flood.xbrl": "rejected", "90ZW-notxml.xbrl": "rejected"}
    assert outcomes["90ZY-absurd.xbrl"]["finding_codes"] == ["MBO-V004"]
    assert outcomes["90ZY-absurd.xbrl"]["first_error"].startswith("MBO-V004 (Start value (2022) of indicator ")  # where, in words
    assert outcomes["90ZY-absurd.xbrl"]["first_error_nl"].startswith("MBO-V004 (Startwaarde (2022) van indicator ")
    assert outcomes["90ZW-notxml.xbrl"]["first_error"].startswith("MBO-S001")
    assert all(f["first_error"] is None for f in outcomes.values() if f["outcome"] == "accepted")
    progress = [line for line in result.stderr.splitlines() if line.startswith("[")]
    assert len(progress) == 8  # a line per file while it works
    with open_store(store) as opened:
        values = opened.table("indicator_values", current=False)
        assert set(values["institution"]) == {p.stem[:4] for p in batch[:4]} | {"90ZZ"}
        assert values["value"].map(lambda v: v is None or v == v and abs(v) != float("inf")).all()


def test_the_store_never_holds_an_infinite_value() -> None:
    from mbo_xbrl.normalise import _number
    from mbo_xbrl.parsing.filing import TidyFact

    fact = TidyFact("c", "c", "x", None, None, None, None, "1" + "0" * 400, Decimal("1" + "0" * 400), "count", "0")
    assert _number(fact) is None
    assert _number(dataclasses.replace(fact, number=Decimal("12.5"))) == 12.5


def test_a_file_stopped_by_a_limit_is_checked_again_by_the_next_run(tmp_path: Path) -> None:
    store = str(tmp_path / "store.duckdb")
    env = dict(os.environ, MBO_XBRL_FULL_ARELLE="1")
    first = run_cli("ingest", "--store", store, "--timeout", "0.2", "--format", "json", str(VALID_B), env=env)
    assert json.loads(first.stdout)["files"][0]["finding_codes"] == ["MBO-S007"] and first.returncode == 1
    second = run_cli("ingest", "--store", store, "--format", "json", str(VALID_B))
    assert json.loads(second.stdout)["files"][0]["outcome"] == "accepted", second.stdout
    with open_store(store) as opened:
        filings = opened.table("filings", current=False)
        assert len(filings) == 1 and bool(filings["is_current"].iloc[0])
        assert set(opened.table("findings", current=False)["code"]) == set()


# --- nothing left behind ----------------------------------------------------------------------------------

def descendants(pid: int) -> set[int]:
    """Every process below `pid`, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status waits to be collected


def assert_all_gone(pids: set[int], seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(alive(p) for p in pids):
        time.sleep(0.1)
    assert not [p for p in pids if alive(p)], "processes left behind"


def test_a_killed_ingest_leaves_no_process_and_no_temporary_folder(tmp_path: Path, batch: list[Path]) -> None:
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    env = dict(os.environ, MBO_XBRL_FULL_ARELLE="1", TMPDIR=str(private_tmp))
    process = subprocess.Popen(CLI + ["ingest", "--store", str(tmp_path / "s.duckdb"), "--workers", "2",
                                      str(batch[0].parent)], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    assert process.stderr.readline().startswith("[")  # it is under way, with both workers busy
    workers = descendants(process.pid)
    assert len(workers) >= 2
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    assert_all_gone(workers)
    assert list(private_tmp.iterdir()) == []


def test_a_killed_check_leaves_no_process_and_no_temporary_folder(tmp_path: Path) -> None:
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    env = dict(os.environ, MBO_XBRL_FULL_ARELLE="1", TMPDIR=str(private_tmp))
    # enough files that the run is still going when the first is reported (it is killed then)
    process = subprocess.Popen(CLI + ["check", "--workers", "2"] + [str(VALID_A)] * 60, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert process.stderr.readline().startswith("[")
    workers = descendants(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    assert workers and assert_all_gone(workers) is None
    assert list(private_tmp.iterdir()) == []


def test_a_killed_check_in_two_processes_leaves_no_helper_behind(tmp_path: Path) -> None:
    """A filing in parts on Arelle's path, checked by one worker on a machine with a core to spare: a helper
    forked from the worker validates every other part (mbo_xbrl.helper). Killed then, nothing is left."""
    from mbo_xbrl.synthetic.large import large_filing

    large = tmp_path / "large.xbrl"
    large.write_bytes(large_filing(20_000))
    env = dict(os.environ, MBO_XBRL_FULL_ARELLE="1", MBO_XBRL_PART_PROCESSES="2")
    process = subprocess.Popen(CLI + ["check", str(large)], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    seen: set[int] = set()
    helpers: set[int] = set()
    deadline = time.monotonic() + 120
    while not helpers and time.monotonic() < deadline and process.poll() is None:
        seen |= descendants(process.pid)
        workers = {p for p in seen if parent_of(p) == process.pid}
        helpers = {p for p in seen if parent_of(p) in workers}
        time.sleep(0.05)
    assert helpers, "no helper was forked"
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    assert_all_gone(seen | helpers)


def parent_of(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except OSError:
        return None


def test_a_worker_killed_while_it_sets_up_is_replaced_and_the_job_still_done() -> None:
    from mbo_xbrl.limits import Limits
    from mbo_xbrl.sandbox import Sandbox

    with Sandbox("report", limits=Limits(), workers=1) as sandbox:
        (worker,) = sandbox._all
        worker.process.send_signal(signal.SIGKILL)  # before it said it is ready
        outcome = sandbox.run({"path": str(VALID_B)})
        assert outcome.status == "ok" and outcome.value.valid
        assert worker not in sandbox._all and len(sandbox._all) == 1
