"""`python -m mbo_xbrl.taxonomy.generate [--check] [--out DIR]`: regenerate or verify the taxonomy."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mbo_xbrl.catalogue import load_catalogue
from mbo_xbrl.taxonomy.generate.package import expected_outputs, stale, write
from mbo_xbrl.taxonomy.releases import CURRENT

DEFAULT_OUT = Path(__file__).resolve().parents[3] / "taxonomy"


@click.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUT, show_default=True,
              help="Folder that holds the package tree and zip.")
@click.option("--check", is_flag=True, help="Only report whether the committed files are stale (exit 1 if so).")
def main(out: Path, check: bool) -> None:
    """Generate the mbo taxonomy package from the catalogue."""
    outputs = expected_outputs(load_catalogue(), CURRENT)
    if check:
        problems = stale(out, outputs, CURRENT.package_name)
        for problem in problems:
            click.echo(f"stale: {problem}", err=True)
        sys.exit(1 if problems else 0)
    write(out, outputs, CURRENT.package_name)
    click.echo(f"wrote {len(outputs)} files under {out}", err=True)


if __name__ == "__main__":
    main()
