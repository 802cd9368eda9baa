"""`mbo-xbrl check PATH...`: validate filings (files, or folders of them) and print the verdicts."""

from __future__ import annotations

from pathlib import Path

import click

from mbo_xbrl.cli.options import format_option, lang_option, limit_options, limits_from, split_codes
from mbo_xbrl.discovery import discover
from mbo_xbrl.prefill import PrefillRegister
from mbo_xbrl.report.model import Severity
from mbo_xbrl.report.render import TEXT, reports_json, reports_text
from mbo_xbrl.rules.registry import select
from mbo_xbrl.sandbox import Sandbox, report_from

NOT_FOUND = {"nl": "bestand of map bestaat niet", "en": "no such file or folder"}
NO_FILINGS = {"nl": "geen aanlevering (.xbrl, .xml, .xlsx, .xhtml, .html of .zip) in deze map",
              "en": "no filing (.xbrl, .xml, .xlsx, .xhtml, .html or .zip) in this folder"}


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@format_option
@lang_option
@click.option("--prefill-register", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV of the values OCW pre-filled (docs/prefill.md): changed ones give MBO-V003.")
@limit_options
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Files checked at a time, each in a process of its own.")
@click.option("--fail-on", type=click.Choice(["error", "warning"]), default="error", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--select", "select_codes", multiple=True, metavar="CODES",
              help="Only these rules: codes or prefixes, comma-separated (e.g. MBO-B,MBO-C001).")
@click.option("--ignore", "ignore_codes", multiple=True, metavar="CODES", help="Leave out these rules or prefixes.")
@click.option("--quiet", is_flag=True, help="No progress on stderr.")
@click.option("--verbose", is_flag=True, help="Text output also names each finding's XBRL concept, context and line.")
def check(paths: tuple[Path, ...], fmt: str, lang: str, prefill_register: Path | None, max_size: int | None,
          timeout: float | None, max_memory: int | None, workers: int, fail_on: str, select_codes: tuple[str, ...],
          ignore_codes: tuple[str, ...], quiet: bool, verbose: bool) -> None:
    """Validate XBRL progress filings (files, or folders searched for .xbrl and .xml, and workbooks
    .xlsx, docs/workbook.md) against the mbo taxonomy and the rule catalogue.

    Each file is checked in a process of its own, within a time limit and a memory cap, so one
    pathological file gets its own finding (MBO-S007) and the others are still checked.
    Exit code 0 when no file has a finding at the --fail-on level (default: error), 1 when one
    has (or could not be checked completely), 2 when the check itself could not be done or a path
    named no file (the others are checked first).

    \b
    Example:
        mbo-xbrl check samples/valid/*.xbrl
        mbo-xbrl check filings/2025/
        mbo-xbrl check 99XB-2024-werkmap.xlsx      (a workbook: findings name their cells)
        mbo-xbrl check --format json --lang en filing.xbrl
        mbo-xbrl check --verbose filing.xbrl     (also concept, context and line)
        mbo-xbrl check --prefill-register samples/prefill-register.csv filing.xbrl
        mbo-xbrl check --timeout 10 --max-memory 1024 untrusted.xbrl
    """
    found = discover(list(paths))
    for path in found.missing:
        click.echo(f"mbo-xbrl: {path}: {NOT_FOUND[lang]}", err=True)
    for path in found.empty:
        click.echo(f"mbo-xbrl: {path}: {NO_FILINGS[lang]}", err=True)
    files = found.files
    if not files:
        raise SystemExit(2)
    limits = limits_from(max_size=max_size, timeout=timeout, max_memory=max_memory)
    prefill = PrefillRegister.read(prefill_register) if prefill_register else None
    selected = select(split_codes(select_codes) or None, split_codes(ignore_codes) or None)
    reports = []
    options = {"prefill": prefill, "selected": selected}
    with Sandbox("report", limits=limits, workers=min(workers, len(files)), options=options) as sandbox:
        outcomes = sandbox.map({"path": str(path)} for path in files)
        for n, (path, outcome) in enumerate(zip(files, outcomes), start=1):
            report = report_from(outcome, str(path), None, limits)
            reports.append(report)
            if not quiet:
                verdict = TEXT[lang]["accepted" if report.valid else "rejected"]
                click.echo(f"[{n}/{len(files)}] {verdict} {path}", err=True)
    click.echo(reports_json(reports, lang) if fmt == "json" else reports_text(reports, lang, verbose))
    failing = {Severity.ERROR} if fail_on == "error" else {Severity.ERROR, Severity.WARNING}
    failed = any(not r.valid or any(f.severity in failing for f in [*r.findings, *r.unlisted]) for r in reports)
    raise SystemExit(2 if found.missing or found.empty else 1 if failed else 0)
