"""Ingest: validate filings and load them into the store, safely and unattended.

* a file already in the store (same sha256) is skipped: re-running a batch changes nothing (a file
  that a limit stopped, MBO-S007, is checked again: the next night may have room for it);
* every file is checked in a worker process with a time limit and a memory cap (`mbo_xbrl.sandbox`):
  whatever one file does, it gets its own outcome and the batch goes on; a file the checker could
  not finish for a fault of its own is `internal`, is not stored, and is picked up by the next run;
* filings are written whole, a few at a time in one transaction (at most BATCH filings or BATCH_SECONDS
  of checking), so a crash (even SIGKILL) leaves whole filings only and loses at most one batch,
  which the next run checks again;
* the last submission counts: of the accepted filings of an institution and year, the one submitted
  last is current, whatever the order in which files are processed (docs/operations.md says where
  the submission time comes from); a rejected filing is recorded with its findings and never current;
* a lock keeps two runs from interleaving, and no run holds it longer than the time limit per file
  times the number of files (divided over the workers), plus the writing.
Checking runs in `workers` processes; writing stays in this process, in input order.
"""

from __future__ import annotations

import hashlib
import os
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from mbo_xbrl.discovery import discover
from mbo_xbrl.engine import limit_report
from mbo_xbrl.errors import MboXbrlError
from mbo_xbrl.limits import Limits
from mbo_xbrl.normalise import NormalisedFiling, normalise
from mbo_xbrl.sandbox import Outcome, Sandbox
from mbo_xbrl.store.schema import TABLE_BY_NAME
from mbo_xbrl.store.store import Store
from mbo_xbrl.version import __version__

BATCH = 25  # filings per transaction: DuckDB's cost is per statement, not per row
BATCH_SECONDS = 2.0  # ... or fewer, so that slow checks still commit (and report) regularly
FINDING_COLUMNS = TABLE_BY_NAME["findings"].column_names
CODE_COLUMN = FINDING_COLUMNS.index("code")


@dataclass
class FileOutcome:
    path: str
    outcome: str  # accepted, rejected, skipped, unreadable (vanished while the run went on) or internal (not stored)
    sha256: str | None
    institution: str | None = None
    report_year: int | None = None
    errors: int = 0
    warnings: int = 0
    supersedes: str | None = None  # the filing id this one made history
    superseded_by: str | None = None  # accepted, but a later submission is current: stored as history
    reason: str | None = None  # why a file was unreadable or not checked completely (internal)
    finding_codes: list[str] = field(default_factory=list)
    first_error: str | None = None  # a rejected filing's first error-level finding: its code, line and message
    first_error_nl: str | None = None  # the same in Dutch


@dataclass
class IngestSummary:
    run_id: str
    store: str
    files: list[FileOutcome] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counts = {k: sum(f.outcome == k for f in self.files)
                  for k in ("accepted", "rejected", "skipped", "unreadable", "internal")}
        return {"files": len(self.files), **counts, "superseded": sum(f.supersedes is not None for f in self.files)}

    def to_dict(self) -> dict:
        return {"run_id": self.run_id, "store": self.store, "counts": self.counts,
                "most_common_findings": dict(self.most_common_findings()), "files": [asdict(f) for f in self.files]}

    def most_common_findings(self, n: int = 5) -> list[tuple[str, int]]:
        from collections import Counter

        return Counter(code for f in self.files for code in f.finding_codes).most_common(n)


def _checked(outcome: Outcome, path: Path, sha: str, limits: Limits) -> NormalisedFiling | str:
    """What a worker's outcome means for the store: a filing to store, or why there is none (a str)."""
    if outcome.status == "ok":
        checked = outcome.value
    elif outcome.status in ("time", "memory"):  # rejected with MBO-S007, and checked again next run
        checked = normalise(limit_report(str(path), sha, outcome.status, limits), None)
    elif outcome.status == "stopped":
        return f"internal: the checking process stopped ({outcome.detail})"
    else:
        return f"internal: {outcome.detail or 'an error in the checker'}"
    if isinstance(checked, str):
        return checked
    if checked.problems:
        return "internal: " + "; ".join(p.message_en for p in checked.problems)
    if checked.filing["filing_id"] != sha:  # changed between hashing and checking: the next run takes it
        return "unreadable: the file changed while the run went on"
    try:
        stat = os.stat(path)
    except OSError as err:
        return f"unreadable: {err.strerror or err}"
    checked.filing |= {"file_name": path.name, "file_path": str(path.resolve()), "size_bytes": stat.st_size,
                       "submitted_at": submitted_at(stat)}
    return checked


def submitted_at(stat: os.stat_result) -> datetime:
    """When a file was submitted: its modification time, which delivery keeps (docs/operations.md), in UTC."""
    return datetime.fromtimestamp(stat.st_mtime, timezone.utc).replace(tzinfo=None)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _commit(store: Store, pending: list[tuple[FileOutcome, NormalisedFiling]], summary: IngestSummary) -> None:
    """Write the pending filings in one transaction; then say for each which filing it superseded."""
    if pending:
        elected = store.add_filings([(c.filing, c.rows) for _, c in pending], summary.run_id)
        for (outcome, _), (supersedes, superseded_by) in zip(pending, elected):
            outcome.supersedes, outcome.superseded_by = supersedes, superseded_by
    pending.clear()


def _outcome(path: Path, sha: str, checked: NormalisedFiling | str) -> FileOutcome:
    if isinstance(checked, str):
        kind = "internal" if checked.startswith("internal: ") else "unreadable"
        return FileOutcome(str(path), kind, sha, reason=checked.removeprefix("internal: ").removeprefix("unreadable: "))
    filing = checked.filing
    findings = checked.rows.get("findings", [])
    return FileOutcome(str(path), filing["status"], filing["sha256"], filing["institution"], filing["report_year"],
                       filing["errors"], filing["warnings"], finding_codes=[row[CODE_COLUMN] for row in findings],
                       first_error=_first_error(findings, "en") if filing["status"] == "rejected" else None,
                       first_error_nl=_first_error(findings, "nl") if filing["status"] == "rejected" else None)


def _first_error(findings: list[tuple], lang: str) -> str | None:
    """'CODE (where): message' of the first error-level finding in `lang`: where in the form's words, else the line."""
    for row in findings:
        finding = dict(zip(FINDING_COLUMNS, row))
        if finding["severity"] == "error":
            place = finding.get(f"location_{lang}") or (
                f"{'regel' if lang == 'nl' else 'line'} {finding['line']}" if finding["line"] else "")
            where = f" ({place})" if place else ""
            return f"{finding['code']}{where}: {finding[f'message_{lang}']}"
    return None


def ingest(paths: list[Path], store_url: str | None = None, *, workers: int = 1, wait: bool = False,
           progress: Callable[[FileOutcome, int, int], None] | None = None, limits: Limits | None = None) -> IngestSummary:
    """Validate and load `paths` into the store; see the module docstring for the guarantees.

    `progress` is told of each file as soon as it is checked (or skipped), before it is committed.
    """
    limits = limits or Limits.from_env()
    found = discover(paths)
    if found.missing:
        raise MboXbrlError(f"{found.missing[0]}: no such file or folder")
    files = found.files
    with Store.open(store_url, lock=True, wait=wait) as store:
        summary = IngestSummary(uuid.uuid4().hex, store.url)
        store.start_run(summary.run_id, socket.gethostname(), os.getpid(), __version__)

        def tell(outcome: FileOutcome) -> None:
            summary.files.append(outcome)
            if progress:
                progress(outcome, len(summary.files), len(files))

        try:
            todo: list[tuple[Path, str]] = []
            queued: set[str] = set()
            stored = store.filing_ids()
            for path in files:
                try:
                    sha = sha256_of(path)
                except OSError as err:
                    tell(FileOutcome(str(path), "unreadable", None, reason=str(err.strerror or err)))
                    continue
                if sha in queued or sha in stored:
                    tell(FileOutcome(str(path), "skipped", sha))
                else:
                    todo.append((path, sha))
                    queued.add(sha)
            if todo:
                _check_and_store(store, todo, summary, workers, limits, tell)
        except BaseException:
            try:
                store.finish_run(summary.run_id, "failed", summary.counts)
            except Exception:
                pass
            raise
        store.finish_run(summary.run_id, "completed", summary.counts)
    return summary


def _check_and_store(store: Store, todo: list[tuple[Path, str]], summary: IngestSummary, workers: int,
                     limits: Limits, tell: Callable[[FileOutcome], None]) -> None:
    pending: list[tuple[FileOutcome, NormalisedFiling]] = []
    started = time.monotonic()
    with Sandbox("store", limits=limits, workers=min(workers, len(todo))) as sandbox:
        for (path, sha), result in zip(todo, sandbox.map({"path": str(p), "sha256": sha} for p, sha in todo)):
            checked = _checked(result, path, sha, limits)
            outcome = _outcome(path, sha, checked)
            tell(outcome)
            if isinstance(checked, str):
                continue
            if not pending:
                started = time.monotonic()
            pending.append((outcome, checked))
            if len(pending) >= BATCH or time.monotonic() - started >= BATCH_SECONDS:
                _commit(store, pending, summary)
    _commit(store, pending, summary)
