"""Ingest: validate filings and load them into the store, safely and unattended.

* a file already in the store (same sha256) is skipped: re-running a batch changes nothing;
* filings are written whole, a few at a time in one transaction (at most BATCH filings or BATCH_SECONDS
  of checking), so a crash (even SIGKILL) leaves whole filings only and loses at most one batch,
  which the next run checks again;
* an accepted filing becomes current for its institution and year and supersedes the earlier one,
  which stays as history; a rejected filing is recorded with its findings and never current;
* one bad file never stops the batch; a lock keeps two runs from interleaving.
Checking runs in `workers` processes; writing stays in this process, in input order.
"""

from __future__ import annotations

import hashlib
import os
import socket
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from multiprocessing import get_context
from pathlib import Path

from mbo_xbrl import __version__
from mbo_xbrl.engine import Engine
from mbo_xbrl.errors import MboXbrlError
from mbo_xbrl.normalise import NormalisedFiling, normalise
from mbo_xbrl.store.schema import TABLE_BY_NAME
from mbo_xbrl.store.store import Store

FILING_SUFFIXES = {".xbrl", ".xml"}
BATCH = 25  # filings per transaction: DuckDB's cost is per statement, not per row
BATCH_SECONDS = 2.0  # ... or fewer, so that slow checks still commit (and report) regularly
CODE_COLUMN = TABLE_BY_NAME["findings"].column_names.index("code")


@dataclass
class FileOutcome:
    path: str
    outcome: str  # accepted, rejected, skipped, or unreadable (vanished or unreadable while the run went on)
    sha256: str | None
    institution: str | None = None
    report_year: int | None = None
    errors: int = 0
    warnings: int = 0
    supersedes: str | None = None  # the filing id this one made history
    reason: str | None = None  # why a file was unreadable
    finding_codes: list[str] = field(default_factory=list)


@dataclass
class IngestSummary:
    run_id: str
    store: str
    files: list[FileOutcome] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counts = {k: sum(f.outcome == k for f in self.files) for k in ("accepted", "rejected", "skipped", "unreadable")}
        return {"files": len(self.files), **counts, "superseded": sum(f.supersedes is not None for f in self.files)}

    def to_dict(self) -> dict:
        return {"run_id": self.run_id, "store": self.store, "counts": self.counts,
                "most_common_findings": dict(self.most_common_findings()), "files": [asdict(f) for f in self.files]}

    def most_common_findings(self, n: int = 5) -> list[tuple[str, int]]:
        from collections import Counter

        return Counter(code for f in self.files for code in f.finding_codes).most_common(n)


def discover(paths: list[Path]) -> list[Path]:
    """The files to ingest: files as given, folders searched recursively for .xbrl and .xml, sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FILING_SUFFIXES)
        elif path.is_file():
            found.append(path)
        else:
            raise MboXbrlError(f"{path}: no such file or folder")
    seen: set[Path] = set()
    return [p for p in found if not (p.resolve() in seen or seen.add(p.resolve()))]


_engine: Engine | None = None


def _worker_init() -> None:
    global _engine
    _engine = Engine()


def _check(path: str) -> NormalisedFiling | str:
    """Check and normalise one file (in a worker process, or in this one); a str says why it could not be read."""
    engine = _engine or Engine()
    try:
        data = Path(path).read_bytes()
        stat = os.stat(path)
    except OSError as err:
        return f"cannot read: {err.strerror or err}"
    report, filing = engine.check_file(path, data)
    normalised = normalise(report, filing, engine.catalogue)
    normalised.filing |= {"file_name": Path(path).name, "file_path": str(Path(path).resolve()), "size_bytes": len(data),
                          "submitted_at": datetime.fromtimestamp(stat.st_mtime, timezone.utc).replace(tzinfo=None)}
    return normalised


def _checked(paths: list[str], workers: int) -> Iterator[NormalisedFiling | str]:
    if workers <= 1 or len(paths) <= 1:
        global _engine
        _engine = _engine or Engine()
        for path in paths:
            yield _check(path)
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"), initializer=_worker_init) as pool:
        yield from pool.map(_check, paths, chunksize=1)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _commit(store: Store, pending: list[tuple[Path, str, NormalisedFiling | str]], summary: IngestSummary,
            total: int, progress: Callable[[FileOutcome, int, int], None] | None) -> None:
    """Write the pending filings in one transaction, then report each, in input order."""
    stored = [checked for _, _, checked in pending if not isinstance(checked, str)]
    superseded = iter(store.add_filings([(c.filing, c.rows) for c in stored], summary.run_id) if stored else [])
    for path, sha, checked in pending:
        if isinstance(checked, str):
            outcome = FileOutcome(str(path), "unreadable", sha, reason=checked)
        else:
            filing = checked.filing
            outcome = FileOutcome(str(path), filing["status"], filing["sha256"], filing["institution"],
                                  filing["report_year"], filing["errors"], filing["warnings"], next(superseded),
                                  finding_codes=[row[CODE_COLUMN] for row in checked.rows.get("findings", [])])
        summary.files.append(outcome)
        if progress:
            progress(outcome, len(summary.files), total)
    pending.clear()


def ingest(paths: list[Path], store_url: str | None = None, *, workers: int = 1, wait: bool = False,
           progress: Callable[[FileOutcome, int, int], None] | None = None) -> IngestSummary:
    """Validate and load `paths` into the store; see the module docstring for the guarantees."""
    files = discover(paths)
    with Store.open(store_url, lock=True, wait=wait) as store:
        summary = IngestSummary(uuid.uuid4().hex, store.url)
        store.start_run(summary.run_id, socket.gethostname(), os.getpid(), __version__)
        try:
            todo: list[tuple[Path, str]] = []
            queued: set[str] = set()
            stored = store.filing_ids()
            for path in files:
                try:
                    sha = sha256_of(path)
                except OSError as err:
                    summary.files.append(FileOutcome(str(path), "unreadable", None, reason=str(err.strerror or err)))
                    continue
                if sha in queued or sha in stored:
                    outcome = FileOutcome(str(path), "skipped", sha)
                    summary.files.append(outcome)
                    if progress:
                        progress(outcome, len(summary.files), len(files))
                else:
                    todo.append((path, sha))
                    queued.add(sha)
            pending: list[tuple[Path, str, NormalisedFiling | str]] = []
            started = time.monotonic()
            for (path, sha), checked in zip(todo, _checked([str(p) for p, _ in todo], workers)):
                if not pending:
                    started = time.monotonic()
                pending.append((path, sha, checked))
                if len(pending) >= BATCH or time.monotonic() - started >= BATCH_SECONDS:
                    _commit(store, pending, summary, len(files), progress)
            _commit(store, pending, summary, len(files), progress)
        except BaseException:
            try:
                store.finish_run(summary.run_id, "failed", summary.counts)
            except Exception:
                pass
            raise
        store.finish_run(summary.run_id, "completed", summary.counts)
    return summary
