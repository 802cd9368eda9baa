"""`mbo-xbrl ingest PATH...`: validate filings and load them into the store."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from mbo_xbrl.cli.options import lang_option, limit_options, limits_from
from mbo_xbrl.ingestion import FileOutcome, IngestSummary, ingest
from mbo_xbrl.report.render import TEXT, counted

store_option = click.option("--store", "store", default=None, metavar="URL",
                            help="A DuckDB file (or duckdb:///path) or a postgresql:// URL. "
                                 "Default: $MBO_XBRL_STORE or ./mbo-xbrl.duckdb.")


WORDS = {
    "nl": {"run": "inleesronde {run} in {store}: {files} - {accepted} goedgekeurd, {rejected} afgekeurd, "
                  "{skipped} overgeslagen, {superseded} vervangen een eerdere aanlevering",
           "unreadable": ", {n} onleesbaar", "internal": ", {n} niet volledig gecontroleerd (volgende ronde opnieuw)",
           "common": "meest voorkomende bevindingen: {codes} (mbo-xbrl rules CODE legt elke uit)",
           "skipped_why": "staat al in de store (dezelfde bytes, volgens SHA-256)",
           "supersedes": "vervangt {id}", "history": "geschiedenis: {id} is later aangeleverd en blijft de geldende",
           "first_error": "eerste fout", "skipped": "overgeslagen", "unreadable_word": "onleesbaar",
           "internal_word": "niet volledig gecontroleerd"},
    "en": {"run": "ingest run {run} into {store}: {files} - {accepted} accepted, {rejected} rejected, {skipped} skipped, "
                  "{superseded} superseded an earlier filing",
           "unreadable": ", {n} unreadable", "internal": ", {n} not checked completely (checked again next run)",
           "common": "most common findings: {codes} (mbo-xbrl rules CODE explains each)",
           "skipped_why": "already in the store (the same bytes, by SHA-256)",
           "supersedes": "supersedes {id}", "history": "history: {id} was submitted later and stays current",
           "first_error": "first error", "skipped": "skipped", "unreadable_word": "unreadable",
           "internal_word": "internal"},
}


def _words(lang: str) -> dict:
    """The ingest's own words, with the reports' words for counts and verdicts (mbo_xbrl.report.render)."""
    t = TEXT[lang]
    return WORDS[lang] | {"file": t["files"], "error": t["errors"], "warning": t["warnings"],
                          "accepted": t["accepted"], "rejected": t["rejected"]}


def outcome_word(outcome: str, lang: str) -> str:
    w = _words(lang)
    return w.get(f"{outcome}_word") or w.get(outcome) or outcome  # "internal": the word, not the count template


def summary_text(summary: IngestSummary, brief: bool = False, lang: str = "en") -> str:
    w = _words(lang)
    c = summary.counts
    lines = [w["run"].format(run=summary.run_id, store=summary.store, files=counted(c["files"], w["file"]),
                             accepted=c["accepted"], rejected=c["rejected"], skipped=c["skipped"],
                             superseded=c["superseded"])
             + (w["unreadable"].format(n=c["unreadable"]) if c["unreadable"] else "")
             + (w["internal"].format(n=c["internal"]) if c["internal"] else "")]
    common = summary.most_common_findings()
    if common:
        lines.append(w["common"].format(codes=", ".join(f"{code} ×{count}" for code, count in common)))
    for f in summary.files:
        if brief and f.outcome in ("accepted", "skipped"):
            continue
        who = f" ({f.institution} {f.report_year})" if f.institution else ""
        extra = ", " + w["supersedes"].format(id=f.supersedes[:12]) if f.supersedes else ""
        if f.superseded_by:
            extra += ", " + w["history"].format(id=f.superseded_by[:12])
        counts = {"skipped": f" - {w['skipped_why']}", "unreadable": f" - {f.reason}",
                  "internal": f" - {f.reason}"}.get(f.outcome, f" - {counted(f.errors, w['error'])}, "
                                                               f"{counted(f.warnings, w['warning'])}")
        lines.append(f"  {outcome_word(f.outcome, lang):<13}{f.path}{who}{counts}{extra}")
        first_error = f.first_error_nl if lang == "nl" else f.first_error
        if first_error:
            lines.append(f"{'':15}{w['first_error']}: {first_error}")
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
@lang_option
def ingest_command(paths: tuple[Path, ...], store: str | None, workers: int, wait: bool, max_size: int | None,
                   timeout: float | None, max_memory: int | None, fmt: str, quiet: bool, brief: bool, lang: str) -> None:
    """Validate filings (files, or folders searched for .xbrl and .xml, and workbooks .xlsx) and load them
    into the store.

    A file already in the store is skipped; of the accepted filings of an institution and year the
    one submitted last (file time) is current, the others history; a rejected filing is recorded
    with its findings and never current. Each file is checked in a worker process within the limits
    per file (time, memory, size, structure), so one bad file never stops the run.
    Exit code 0 when every file was accepted or skipped, 1 when some were rejected (or could not be
    read or checked completely), 2 when the run itself failed (store unreachable or read-only, lock held).

    \b
    Example:
        mbo-xbrl ingest samples/valid
        mbo-xbrl ingest --lang en --brief /data/filings/2025     (English; only the files not loaded)
        mbo-xbrl ingest --store postgresql://ocw@db/mbo --workers 2 /data/filings/2025
    """
    interactive = sys.stderr.isatty() and not quiet

    def progress(outcome: FileOutcome, done: int, total: int) -> None:
        if quiet:
            return
        word = outcome_word(outcome.outcome, lang)
        line = f"[{done}/{total}] {word} {outcome.path}"
        if interactive:
            width = 30
            bar = "#" * (width * done // max(total, 1))
            click.echo(f"\r[{bar:<{width}}] {done}/{total} {word:<13}", err=True, nl=done == total)
        else:
            click.echo(line, err=True)

    limits = limits_from(max_size=max_size, timeout=timeout, max_memory=max_memory)
    summary = ingest(list(paths), store, workers=workers, wait=wait, progress=progress, limits=limits)
    click.echo(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) if fmt == "json"
               else summary_text(summary, brief, lang))
    c = summary.counts
    raise SystemExit(1 if c["rejected"] or c["unreadable"] or c["internal"] else 0)
