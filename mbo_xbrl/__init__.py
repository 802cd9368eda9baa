"""mbo-xbrl: validate mbo institutions' XBRL progress filings and load them into an indicator store.

The public API:

    from mbo_xbrl import check, ingest, open_store
    report = check("filing.xbrl")                 # a Report: report.valid, report.findings
    summary = ingest(["filings/"], "store.duckdb")  # validate and load; see docs/operations.md
    values = open_store("store.duckdb").table("indicator_values")   # a pandas DataFrame
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from mbo_xbrl.version import __version__

if TYPE_CHECKING:
    from mbo_xbrl.report.model import Report


def check(path: str | Path, **options: Any) -> Report:
    """Check one filing; options as `Engine` takes them (max_bytes, prefill, selected)."""
    from mbo_xbrl.engine import Engine

    return Engine(**options).check(path)


def __getattr__(name: str) -> Any:
    """`ingest`, `open_store` and `Report`, imported when first used (the CLI stays quick to start)."""
    if name == "ingest":
        from mbo_xbrl.ingestion import ingest

        return ingest
    if name == "open_store":
        from mbo_xbrl.store import open_store

        return open_store
    if name == "Report":
        from mbo_xbrl.report.model import Report

        return Report
    raise AttributeError(name)


__all__ = ["Report", "check", "ingest", "open_store", "__version__"]
