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
        return self.funded.path

    @property
    def entry_point_url(self) -> str:
        return self.funded.url

    @property
    def funded(self) -> EntryPoint:
        """The entry point of the funded institutions' filing: the whole form."""
        return EntryPoint(self, True)

    @property
    def non_funded(self) -> EntryPoint:
        """The entry point of the non-funded institutions' filing: their indicators only (seed 003)."""
        return EntryPoint(self, False)

    @property
    def entry_points(self) -> tuple[EntryPoint, EntryPoint]:
        return (self.funded, self.non_funded)

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


@dataclass(frozen=True)
class EntryPoint:
    """One entry point of a release: the funded institutions' whole form, or the non-funded ones' part of it."""

    release: Release
    is_funded: bool

    @property
    def name(self) -> str:
        """File stem: mbo-vgr-2024 (funded), mbo-vgr-nb-2024 (niet-bekostigd)."""
        return f"mbo-vgr-{self.release.year}" if self.is_funded else f"mbo-vgr-nb-{self.release.year}"

    @property
    def path(self) -> str:
        return f"entrypoints/{self.name}.xsd"

    @property
    def url(self) -> str:
        return self.release.base_url + self.path

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue as a filing against this entry point knows it."""
        return catalogue_for(self.release.year, self.is_funded)


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


def release_for_year(report_year: int) -> Release:
    """The release a filing on `report_year` is made against: that year's, or for a year beyond the last release
    the last one (for a year before the first, the first)."""
    fitting = [year for year in RELEASES if year <= report_year]
    return RELEASES[max(fitting)] if fitting else CURRENT


ENTRY_POINTS: dict[str, EntryPoint] = {ep.url: ep for release in RELEASES.values() for ep in release.entry_points}


def entry_point_of(references: Iterable[Any]) -> EntryPoint | None:
    """The entry point a filing is made against: that of its one schemaRef (references of a `RawInstance`)."""
    refs = [r for r in references if r.kind == "schemaRef"]
    return ENTRY_POINTS.get(refs[0].href) if len(refs) == 1 else None


def release_of(references: Iterable[Any]) -> Release | None:
    """The release a filing is made against: that of the entry point its one schemaRef names."""
    entry_point = entry_point_of(references)
    return entry_point.release if entry_point is not None else None


def release_for_entry_point(url: str | None) -> Release | None:
    """The release one of whose entry points a schemaRef names, or None when it names none of ours."""
    entry_point = ENTRY_POINTS.get(url or "")
    return entry_point.release if entry_point is not None else None
