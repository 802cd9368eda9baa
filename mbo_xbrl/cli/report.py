"""`mbo-xbrl report`: the sector analysis of seed 002 from the store, as one offline page and CSVs; or each
institution's own page."""

from __future__ import annotations

from pathlib import Path

import click

from mbo_xbrl.cli.ingest import store_option
from mbo_xbrl.cli.options import lang_option
from mbo_xbrl.store import open_store


@click.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="The folder to write the page(s) to.")
@click.option("--year", type=int, default=None, help="The reporting year (default: the latest in the store).")
@click.option("--institution", "institutions", multiple=True, metavar="CODE",
              help="Write this institution's own page, DIR/CODE.html, instead of the sector report (repeatable).")
@click.option("--all-institutions", is_flag=True,
              help="Write every institution's page, DIR/CODE.html, and DIR/index.html listing them.")
@lang_option
@store_option
def report(out: Path, year: int | None, institutions: tuple[str, ...], all_institutions: bool, lang: str,
           store: str | None) -> None:
    """Write the sector report: ambitions, budgets, typology, convergence, completeness, early leavers and
    progress over the years, from the store's current filings (docs/analysis.md); or, with --institution or
    --all-institutions, each institution's own page: its indicators per year against the sector and its path,
    its ambition beside similar institutions, budget shares, apply-or-explain choices and filings.

    DIR/index.html is one self-contained page (charts embedded, no remote resources); each table is
    also DIR/<table>.csv. The path of each page written is printed on stdout.

    \b
    Example:
        mbo-xbrl report --out report/
        mbo-xbrl report --year 2024 --lang en --out report-2024-en/
        mbo-xbrl report --institution 90AB --out pages/
        mbo-xbrl report --all-institutions --out institutions/
    """
    from mbo_xbrl.analysis.institution import write_institution_page, write_institution_pages
    from mbo_xbrl.analysis.report import build_report, write_report

    if institutions and all_institutions:
        raise click.UsageError("give --institution CODE or --all-institutions, not both")
    with open_store(store) as opened:
        built = build_report(opened, year)
    if all_institutions:
        click.echo(str(write_institution_pages(built, out, lang)))
    elif institutions:
        for code in institutions:
            click.echo(str(write_institution_page(built, code.strip(), out, lang)))
    else:
        click.echo(str(write_report(built, out, lang)))
