"""Taxonomy releases: the namespaces, URLs and file names of each year's mbo taxonomy.

Differences between taxonomy years belong here and nowhere else; rules and the generator ask a
`Release` for a namespace instead of writing one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from mbo_xbrl.catalogue import Catalogue, catalogue_for, release_history


@dataclass(frozen=True)
class Release:
    """One published version of the mbo progress-filing taxonomy."""

    year: int
    host: str = "taxonomie.mbo-xbrl.nl"

    @property
    def base_url(self) -> str:
        """The published URL under which every file of this release lives."""
        return f"https://{self.host}/{self.year}/"

    @property
    def package_name(self) -> str:
        """The taxonomy package's folder (and zip) name."""
        return f"mbo-vgr-{self.year}"

    @property
    def entry_point_path(self) -> str:
        return f"entrypoints/mbo-vgr-{self.year}.xsd"

    @property
    def entry_point_url(self) -> str:
        return self.base_url + self.entry_point_path

    def namespace(self, part: str) -> str:
        """Namespace of one dictionary part: types, data, abstracts, axes, domains, tables, entrypoint."""
        return f"{self.base_url}{part}"

    @property
    def role_base(self) -> str:
        return f"{self.base_url}roles/"

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue as this release knows it (mbo_xbrl/catalogue/releases.yaml)."""
        return catalogue_for(self.year)

    @property
    def entity_scheme(self) -> str:
        """Identifier scheme of the institution code (the DUO institution number, 'BRIN')."""
        return "https://duo.nl/brin"


# The prefix, namespace part and schema path of each dictionary part (NT-style: one kind a file).
PARTS: dict[str, tuple[str, str]] = {
    "types": ("mbo-types", "dictionary/mbo-types.xsd"),
    "data": ("mbo-i", "dictionary/mbo-data.xsd"),
    "axes": ("mbo-dim", "dictionary/mbo-axes.xsd"),
    "domains": ("mbo-dm", "dictionary/mbo-domains.xsd"),
    "linkroles": ("mbo-lr", "dictionary/mbo-linkroles.xsd"),
    "abstracts": ("mbo-abstr", "presentation/mbo-abstracts.xsd"),
    "tables": ("mbo-tab", "validation/mbo-tables.xsd"),
}

# One release per year that mbo_xbrl/catalogue/releases.yaml declares, oldest first. CURRENT is the
# first: the release the samples, the synthetic sector and the writer use unless told otherwise.
RELEASES: dict[int, Release] = {year: Release(year) for year in release_history().years}
CURRENT = RELEASES[min(RELEASES)]
LATEST = RELEASES[max(RELEASES)]


def release_for_namespace(namespace: str) -> Release | None:
    """The release a namespace belongs to, or None when it is not one of ours."""
    for release in RELEASES.values():
        if namespace.startswith(release.base_url):
            return release
    return None


def release_of(references: Iterable[Any]) -> Release | None:
    """The release a filing is made against: that of its one schemaRef (references of a `RawInstance`)."""
    refs = [r for r in references if r.kind == "schemaRef"]
    return release_for_entry_point(refs[0].href) if len(refs) == 1 else None


def release_for_entry_point(url: str | None) -> Release | None:
    """The release whose entry point a schemaRef names, or None when it names none of ours."""
    for release in RELEASES.values():
        if url == release.entry_point_url:
            return release
    return None
