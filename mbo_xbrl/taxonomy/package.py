"""Where the taxonomy package lives: inside the installed wheel, or under taxonomy/ in a checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from mbo_xbrl.errors import TaxonomyError
from mbo_xbrl.taxonomy.releases import CURRENT, Release

CHECKOUT_TAXONOMY = Path(__file__).resolve().parents[2] / "taxonomy"


def taxonomy_package_path(release: Release = CURRENT) -> Path:
    """The taxonomy package zip of a release."""
    name = f"{release.package_name}.zip"
    shipped = resources.files("mbo_xbrl").joinpath("_taxonomy", name)
    if shipped.is_file():
        return Path(str(shipped))
    checkout = CHECKOUT_TAXONOMY / name
    if checkout.is_file():
        return checkout
    raise TaxonomyError(f"taxonomy package {name} not found (looked in the package and in {CHECKOUT_TAXONOMY})")


def taxonomy_package_paths() -> list[Path]:
    """The package zip of every release, oldest first."""
    from mbo_xbrl.taxonomy.releases import RELEASES

    return [taxonomy_package_path(release) for release in RELEASES.values()]
