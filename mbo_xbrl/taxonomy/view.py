"""The compiled view of a taxonomy (see `compile.py`), loaded for the fast path.

The view belongs to one taxonomy package, byte for byte: when the package beside it is not the one
it was compiled from, there is no view and every filing goes to Arelle.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from mbo_xbrl.taxonomy.package import taxonomy_package_path
from mbo_xbrl.taxonomy.releases import CURRENT, RELEASES, EntryPoint, Release

VIEWS = Path(__file__).resolve().parent / "views"
VIEW_FORMAT = 2


@dataclass(frozen=True)
class ValueType:
    base: str  # decimal, string, boolean, token or gYear
    enumeration: frozenset[str] | None
    min_length: int | None
    pattern: re.Pattern[str] | None

    @classmethod
    def of(cls, data: dict[str, Any]) -> ValueType:
        facets = data["facets"]
        return cls(data["base"], frozenset(facets["enumeration"]) if "enumeration" in facets else None,
                   facets.get("minLength"), re.compile(facets["pattern"]) if "pattern" in facets else None)


@dataclass(frozen=True)
class Cube:
    closed: bool
    element: str  # scenario or segment
    negated: bool
    dimensions: dict[str, frozenset[str] | None]  # explicit: usable members; typed: None


@dataclass(frozen=True)
class Item:
    period: str
    numeric: bool
    monetary: bool
    type: ValueType
    hypercubes: tuple[tuple[Cube, ...], ...]  # one alternative per ELR


@dataclass(frozen=True)
class Dimension:
    typed_element: str | None  # the typed domain element (Clark), for a typed dimension
    typed_type: ValueType | None
    default: str | None
    members: frozenset[str]  # every usable member in any hypercube (explicit dimensions)

    @property
    def typed(self) -> bool:
        return self.typed_element is not None


@dataclass(frozen=True)
class TaxonomyView:
    entry_point: str
    items: dict[str, Item]
    dimensions: dict[str, Dimension]
    schemas: dict[str, str]  # URL -> target namespace of each schema in the DTS

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TaxonomyView:
        member_sets = [frozenset(members) for members in data["member_sets"]]
        cubes = [Cube(c["closed"], c["element"], c["negated"],
                      {d: (member_sets[i] if i is not None else None) for d, i in c["dimensions"].items()})
                 for c in data["cubes"]]
        shared: dict[str, tuple[tuple[Cube, ...], ...]] = {}  # items with the same cubes share one tuple

        def hypercubes(alternatives: list[list[int]]) -> tuple[tuple[Cube, ...], ...]:
            key = repr(alternatives)
            if key not in shared:
                shared[key] = tuple(tuple(cubes[c] for c in alternative) for alternative in alternatives)
            return shared[key]

        items = {name: Item(i["period"], i["numeric"], i["monetary"], ValueType.of(i),
                            hypercubes(i["hypercubes"]))
                 for name, i in data["items"].items()}
        dimensions = {}
        for name, d in data["dimensions"].items():
            if "typed" in d:
                dimensions[name] = Dimension(d["typed"], ValueType.of(d["type"]) if d["type"] else None,
                                             None, frozenset())
            else:
                dimensions[name] = Dimension(None, None, d["default"], frozenset(d["members"]))
        return cls(data["entry_point"], items, dimensions, data["schemas"])


def package_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def view_path(release: Release = CURRENT, entry_point: EntryPoint | None = None) -> Path:
    """The view of an entry point (by default the release's funded one): one per entry point."""
    return VIEWS / f"{(entry_point or release.funded).name}.json"


@lru_cache(maxsize=None)
def load_view(release: Release = CURRENT, entry_point: EntryPoint | None = None) -> TaxonomyView | None:
    """The view of an entry point of the release, or None when there is none for exactly the package installed."""
    path = view_path(release, entry_point)
    if not path.is_file():
        return None
    data = json.loads(path.read_text("utf-8"))
    package = taxonomy_package_path(release)
    if data.get("format") != VIEW_FORMAT or \
            data.get("package_sha256") != package_sha256(package):
        return None
    return TaxonomyView.from_json(data)


class Views(Mapping[str, TaxonomyView]):
    """The view of every entry point of every release that has one for exactly its installed package, by URL;
    each loaded when a filing first names its entry point (a process that checks 2025 filings only never
    holds the others: a checking process starts under its memory cap)."""

    def __init__(self) -> None:
        self._entry_points = {ep.url: (release, ep) for release in RELEASES.values() for ep in release.entry_points}

    def __getitem__(self, url: str) -> TaxonomyView:
        release, entry_point = self._entry_points[url]
        view = load_view(release, entry_point)
        if view is None or view.entry_point != url:
            raise KeyError(url)
        return view

    def __iter__(self) -> Iterator[str]:
        return (url for url in self._entry_points if self.get(url) is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def load_views() -> Views:
    """The views by entry point URL (loaded as they are asked for)."""
    return Views()
