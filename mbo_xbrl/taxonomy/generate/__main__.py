"""`python -m mbo_xbrl.taxonomy.generate [--check] [--out DIR]`: regenerate or verify the taxonomy."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mbo_xbrl.taxonomy.generate.package import expected_outputs, stale, write
from mbo_xbrl.taxonomy.releases import RELEASES

DEFAULT_OUT = Path(__file__).resolve().parents[3] / "taxonomy"


@click.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUT, show_default=True,
              help="Folder that holds the package tree and zip.")
@click.option("--check", is_flag=True, help="Only report whether the committed files are stale (exit 1 if so).")
def main(out: Path, check: bool) -> None:
    """Generate the taxonomy package of every release from the catalogue and its release changes."""
    problems: list[str] = []
    for release in RELEASES.values():
        outputs = expected_outputs(release.catalogue, release)
        if check:
            problems += stale(out, outputs, release.package_name)
            continue
        write(out, outputs, release.package_name)
        click.echo(f"{release.package_name}: wrote {len(outputs)} files under {out}", err=True)
    for problem in problems:
        click.echo(f"stale: {problem}", err=True)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
