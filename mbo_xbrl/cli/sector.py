"""`mbo-xbrl sample-sector`: a deterministic synthetic sector of fictional institutions."""

from __future__ import annotations

from pathlib import Path

import click

from mbo_xbrl.synthetic.sector import write_sector


def _years(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[int, ...]:
    try:
        years = tuple(sorted({int(y) for y in value.split(",") if y.strip()}))
    except ValueError:
        raise click.BadParameter("give years as 2024,2025") from None
    if not years or any(y not in (2024, 2025, 2026, 2027) for y in years):
        raise click.BadParameter("years must lie in the plan period 2024-2027")
    return years


@click.command("sample-sector")
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--institutions", type=click.IntRange(1, 2000), default=52, show_default=True)
@click.option("--years", default="2024,2025", show_default=True, callback=_years, help="Reporting years.")
@click.option("--seed", type=int, default=2024, show_default=True, help="The same seed gives identical files.")
def sample_sector(out: Path, institutions: int, years: tuple[int, ...], seed: int) -> None:
    """Write a synthetic sector: known-values.csv (what OCW pre-fills) and one completed filing per
    institution and year, calibrated to the sector figures of the 2024 synthesis report, with
    realistic defects (docs/synthetic-sector.md). Every institution is fictional.

    \b
    Example:
        mbo-xbrl sample-sector --out sector/
        mbo-xbrl ingest --workers 2 sector/
    """
    written = write_sector(out, institution_count=institutions, years=years, seed=seed)
    click.echo(f"wrote {len(written) - 1} filings and known-values.csv under {out}", err=True)
