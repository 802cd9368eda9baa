"""`mbo-xbrl check FILE...`: validate filings and print the verdicts."""

from __future__ import annotations

from pathlib import Path

import click

from mbo_xbrl.cli.options import format_option, lang_option
from mbo_xbrl.engine import Engine
from mbo_xbrl.report.render import reports_json, reports_text


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@format_option
@lang_option
def check(files: tuple[Path, ...], fmt: str, lang: str) -> None:
    """Validate XBRL progress filings against the mbo taxonomy and the rule catalogue.

    Exit code 0 when no file has an error-level finding, 1 when one has, 2 when the check
    itself could not be done.

    \b
    Example:
        mbo-xbrl check samples/valid/*.xbrl
        mbo-xbrl check --format json --lang en filing.xbrl
    """
    reports = []
    with Engine() as engine:
        for path in files:
            click.echo(f"checking {path}", err=True)
            reports.append(engine.check(path))
    click.echo(reports_json(reports, lang) if fmt == "json" else reports_text(reports, lang))
    raise SystemExit(0 if all(r.valid for r in reports) else 1)
