"""`mbo-xbrl prefill`: one pre-filled filing per institution from a register of known values."""

from __future__ import annotations

from pathlib import Path

import click

from mbo_xbrl.catalogue import load_catalogue
from mbo_xbrl.filing.writer import write_instance
from mbo_xbrl.prefill import PrefillRegister, prefilled_contents
from mbo_xbrl.taxonomy.releases import release_for_year


@click.command()
@click.option("--values", "values", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The register of known values (CSV, docs/prefill.md).")
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder for the filings.")
@click.option("--year", type=int, default=None, help="Only this reporting year.")
def prefill(values: Path, out: Path, year: int | None) -> None:
    """Write one pre-filled filing per institution (and reporting year) in the register.

    Each holds what OCW knows — identity, reporting year, pre-filled start values with their
    breakdowns, earmarked amounts — as a valid XBRL instance the institution completes. Checked
    as it is, it lists what is still to be filled in. Each is made against the taxonomy release of its
    reporting year (docs/releases.md).

    \b
    Example:
        mbo-xbrl prefill --values samples/prefill-register.csv --out prefilled/ --year 2024
    """
    catalogue = load_catalogue()
    contents = prefilled_contents(PrefillRegister.read(values, catalogue), year)
    out.mkdir(parents=True, exist_ok=True)
    for content in contents:
        path = out / f"{content.institution_code}-{content.report_year}-prefilled.xbrl"
        release = release_for_year(content.report_year)  # each reporting year's own taxonomy release
        path.write_bytes(write_instance(content, release.catalogue, release))
        click.echo(str(path))
    click.echo(f"wrote {len(contents)} pre-filled filings to {out}", err=True)
