"""`mbo-xbrl report`: the sector analysis of seed 002 from the store, as one offline page and CSVs."""

from __future__ import annotations

from pathlib import Path

import click

from mbo_xbrl.cli.ingest import store_option
from mbo_xbrl.cli.options import lang_option
from mbo_xbrl.store import open_store


@click.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="The folder to write index.html and the CSV files to.")
@click.option("--year", type=int, default=None, help="The reporting year (default: the latest in the store).")
@lang_option
@store_option
def report(out: Path, year: int | None, lang: str, store: str | None) -> None:
    """Write the sector report: ambitions, budgets, typology, convergence, completeness,
    early leavers and realisation, from the store's current filings (docs/analysis.md).

    DIR/index.html is one self-contained page (charts embedded, no remote resources); each table is
    also DIR/<table>.csv. The path of the page is printed on stdout.

    \b
    Example:
        mbo-xbrl report --out report/
        mbo-xbrl report --year 2024 --lang en --out report-2024-en/
    """
    from mbo_xbrl.analysis.report import build_report, write_report

    with open_store(store) as opened:
        built = build_report(opened, year)
    page = write_report(built, out, lang)
    click.echo(str(page))
