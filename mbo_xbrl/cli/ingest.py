"""`mbo-xbrl ingest PATH...`: validate filings and load them into the store."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from mbo_xbrl.cli.options import limit_options, limits_from
from mbo_xbrl.ingestion import FileOutcome, IngestSummary, ingest

store_option = click.option("--store", "store", default=None, metavar="URL",
                            help="A DuckDB file (or duckdb:///path) or a postgresql:// URL. "
                                 "Default: $MBO_XBRL_STORE or ./mbo-xbrl.duckdb.")


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def summary_text(summary: IngestSummary, brief: bool = False) -> str:
    c = summary.counts
    lines = [f"ingest run {summary.run_id} into {summary.store}: {c['files']} files - {c['accepted']} accepted, "
             f"{c['rejected']} rejected, {c['skipped']} skipped, {c['superseded']} superseded an earlier filing"
             + (f", {c['unreadable']} unreadable" if c["unreadable"] else "")
             + (f", {c['internal']} not checked completely (checked again next run)" if c["internal"] else "")]
    common = summary.most_common_findings()
    if common:
        lines.append("most common findings: " + ", ".join(f"{code} ×{count}" for code, count in common)
                     + " (mbo-xbrl rules CODE explains each)")
    for f in summary.files:
        if brief and f.outcome in ("accepted", "skipped"):
            continue
        who = f" ({f.institution} {f.report_year})" if f.institution else ""
        extra = f", supersedes {f.supersedes[:12]}" if f.supersedes else ""
        if f.superseded_by:
            extra += f", history: {f.superseded_by[:12]} was submitted later and stays current"
        counts = {"skipped": " - already in the store (the same bytes, by SHA-256)", "unreadable": f" - {f.reason}",
                  "internal": f" - {f.reason}"}.get(f.outcome, f" - {_count(f.errors, 'error')}, "
                                                               f"{_count(f.warnings, 'warning')}")
        lines.append(f"  {f.outcome:<9}{f.path}{who}{counts}{extra}")
        if f.first_error:
            lines.append(f"           first error: {f.first_error}")
    return "\n".join(lines)


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@store_option
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes that check filings in parallel (writing stays in one).")
@click.option("--wait", is_flag=True, help="Wait for a running ingest to finish instead of exiting 2.")
@limit_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--quiet", is_flag=True, help="No progress on stderr.")
@click.option("--brief", is_flag=True, help="Text summary: counts, most common findings, and only the files not loaded.")
def ingest_command(paths: tuple[Path, ...], store: str | None, workers: int, wait: bool, max_size: int | None,
                   timeout: float | None, max_memory: int | None, fmt: str, quiet: bool, brief: bool) -> None:
    """Validate filings (files, or folders searched for .xbrl and .xml) and load them into the store.

    A file already in the store is skipped; of the accepted filings of an institution and year the
    one submitted last (file time) is current, the others history; a rejected filing is recorded
    with its findings and never current. Each file is checked in a worker process within the limits
    per file (time, memory, size, structure), so one bad file never stops the run.
    Exit code 0 when every file was accepted or skipped, 1 when some were rejected (or could not be
    read or checked completely), 2 when the run itself failed (store unreachable or read-only, lock held).

    \b
    Example:
        mbo-xbrl ingest samples/valid
        mbo-xbrl ingest --store postgresql://ocw@db/mbo --workers 2 /data/filings/2025
    """
    interactive = sys.stderr.isatty() and not quiet

    def progress(outcome: FileOutcome, done: int, total: int) -> None:
        if quiet:
            return
        line = f"[{done}/{total}] {outcome.outcome} {outcome.path}"
        if interactive:
            width = 30
            bar = "#" * (width * done // max(total, 1))
            click.echo(f"\r[{bar:<{width}}] {done}/{total} {outcome.outcome:<9}", err=True, nl=done == total)
        else:
            click.echo(line, err=True)

    limits = limits_from(max_size=max_size, timeout=timeout, max_memory=max_memory)
    summary = ingest(list(paths), store, workers=workers, wait=wait, progress=progress, limits=limits)
    click.echo(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) if fmt == "json"
               else summary_text(summary, brief))
    c = summary.counts
    raise SystemExit(1 if c["rejected"] or c["unreadable"] or c["internal"] else 0)
