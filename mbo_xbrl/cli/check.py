"""`mbo-xbrl check FILE...`: validate filings and print the verdicts."""

from __future__ import annotations

from pathlib import Path

import click

from mbo_xbrl.cli.options import format_option, lang_option, split_codes
from mbo_xbrl.engine import Engine
from mbo_xbrl.prefill import PrefillRegister
from mbo_xbrl.report.model import Severity
from mbo_xbrl.report.render import reports_json, reports_text
from mbo_xbrl.rules.registry import select


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@format_option
@lang_option
@click.option("--prefill-register", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV of the values OCW pre-filled (docs/prefill.md): changed ones give MBO-V003.")
@click.option("--max-size", type=click.IntRange(min=1), default=None,
              help="Refuse files larger than this many bytes (MBO-S006). Default: $MBO_XBRL_MAX_SIZE or 50 MB.")
@click.option("--fail-on", type=click.Choice(["error", "warning"]), default="error", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--select", "select_codes", multiple=True, metavar="CODES",
              help="Only these rules: codes or prefixes, comma-separated (e.g. MBO-B,MBO-C001).")
@click.option("--ignore", "ignore_codes", multiple=True, metavar="CODES", help="Leave out these rules or prefixes.")
def check(files: tuple[Path, ...], fmt: str, lang: str, prefill_register: Path | None, max_size: int | None,
          fail_on: str, select_codes: tuple[str, ...], ignore_codes: tuple[str, ...]) -> None:
    """Validate XBRL progress filings against the mbo taxonomy and the rule catalogue.

    Exit code 0 when no file has a finding at the --fail-on level (default: error), 1 when one
    has, 2 when the check itself could not be done.

    \b
    Example:
        mbo-xbrl check samples/valid/*.xbrl
        mbo-xbrl check --format json --lang en filing.xbrl
        mbo-xbrl check --prefill-register samples/prefill-register.csv filing.xbrl
    """
    prefill = PrefillRegister.read(prefill_register) if prefill_register else None
    selected = select(split_codes(select_codes) or None, split_codes(ignore_codes) or None)
    reports = []
    with Engine(max_bytes=max_size, prefill=prefill, selected=selected) as engine:
        for path in files:
            click.echo(f"checking {path}", err=True)
            reports.append(engine.check(path))
    click.echo(reports_json(reports, lang) if fmt == "json" else reports_text(reports, lang))
    failing = {Severity.ERROR} if fail_on == "error" else {Severity.ERROR, Severity.WARNING}
    failed = any(not r.valid or any(f.severity in failing for f in r.findings) for r in reports)
    raise SystemExit(1 if failed else 0)
