"""A fuzz run: mutants of the samples through `check` and `ingest` as a user runs them, and what must hold.

For every mutant: `check` never exits 2 on it, nothing a user reads carries a traceback or an
exception's name, a report is valid exactly when it has no error-level finding and no problem, and
`ingest` of them all ends with a consistent store (each filing whole, one current filing per
institution and year, no rejected filing current, no infinite or NaN value) whose outcome per file
agrees with the check. The test suite runs a seeded few hundred (tests/test_fuzz.py);
`python scripts/fuzz.py --count 5000` runs a larger one, for the night.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mbo_xbrl.synthetic.mutants import mutants

CLI = [sys.executable, "-c", "from mbo_xbrl.cli import main; main()"]
# A Python exception's name or a traceback; not an XBRL processor's message code (xbrldie:...InvalidError)
LEAKS = re.compile(r"Traceback|(?<!:)\b[A-Z][A-Za-z]*(Error|Exception)\b(?!-)")


@dataclass
class FuzzResult:
    files: int = 0
    valid: int = 0
    failures: list[str] = field(default_factory=list)  # what did not hold, one line each


def write_mutants(samples: list[Path], folder: Path, count: int, seed: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in mutants(samples, count, seed):
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def run(samples: list[Path], work: Path, *, count: int, seed: int, workers: int = 2) -> FuzzResult:
    """Write `count` mutants under `work`, check them, ingest them into a DuckDB store there, and judge."""
    paths = write_mutants(samples, work / "mutants", count, seed)
    result = FuzzResult(files=len(paths))
    checked = subprocess.run(CLI + ["check", "--quiet", "--format", "json", "--workers", str(workers)]
                             + [str(p) for p in paths], capture_output=True, text=True)
    if checked.returncode not in (0, 1):
        result.failures.append(f"check exited {checked.returncode}: {checked.stderr.strip()[-500:]}")
        return result
    if LEAKS.search(checked.stderr):
        result.failures.append(f"check wrote an exception to stderr: {checked.stderr.strip()[-500:]}")
    verdicts: dict[str, bool] = {}
    for report in json.loads(checked.stdout)["reports"]:
        errors = [f for f in report["findings"] if f["severity"] == "error"]
        if report["valid"] != (not errors and not report["problems"]):
            result.failures.append(f"{report['file']}: valid={report['valid']} with {len(errors)} errors")
        if report["problems"]:
            result.failures.append(f"{report['file']}: not checked completely: {report['problems']}")
        for finding in report["findings"]:
            if LEAKS.search(finding["message"]):
                result.failures.append(f"{report['file']}: {finding['code']} shows an exception: {finding['message'][:200]}")
        verdicts[Path(report["file"]).name] = report["valid"]
    result.valid = sum(verdicts.values())
    store = work / "store.duckdb"
    ingested = subprocess.run(CLI + ["ingest", "--quiet", "--format", "json", "--workers", str(workers), "--store",
                                     str(store), str(work / "mutants")], capture_output=True, text=True)
    if ingested.returncode not in (0, 1):
        result.failures.append(f"ingest exited {ingested.returncode}: {ingested.stderr.strip()[-500:]}")
        return result
    for outcome in json.loads(ingested.stdout)["files"]:
        name = Path(outcome["path"]).name
        if outcome["outcome"] in ("internal", "unreadable"):
            result.failures.append(f"{name}: ingest outcome {outcome['outcome']}: {outcome['reason']}")
        elif outcome["outcome"] in ("accepted", "rejected") and (outcome["outcome"] == "accepted") != verdicts.get(name):
            result.failures.append(f"{name}: ingest {outcome['outcome']} but check said valid={verdicts.get(name)}")
    result.failures += store_problems(str(store))
    return result


def store_problems(url: str) -> list[str]:
    """What is wrong with a DuckDB store's consistency (nothing, in a store mbo-xbrl wrote)."""
    from mbo_xbrl.store import TABLES, open_store

    problems = []
    with open_store(url) as store:
        filings = store.table("filings", current=False)
        ids = set(filings["filing_id"])
        if not filings["filing_id"].is_unique:
            problems.append("a filing is stored twice")
        current = filings[filings["is_current"].astype(bool)]
        if current.duplicated(["institution", "report_year"]).any():
            problems.append("two current filings for one institution and year")
        if (current["status"] != "accepted").any():
            problems.append("a rejected filing is current")
        for table in TABLES:
            if table.name in ("filings", "ingest_runs"):
                continue
            frame = store.table(table.name, current=False)
            if not set(frame["filing_id"]) <= ids:
                problems.append(f"{table.name}: rows without their filing")
            for column, kind in table.columns:
                if kind == "float":  # asked in SQL: a NULL is no value, while pandas would show it as NaN
                    _, rows = store.backend.query(
                        f"SELECT COUNT(*) FROM {table.name} WHERE isinf({column}) OR isnan({column})")
                    if rows[0][0]:
                        problems.append(f"{table.name}.{column}: {rows[0][0]} infinite or NaN values")
    return problems
