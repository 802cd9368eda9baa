"""The taxonomy releases and what each changes in the catalogue (releases.yaml), applied as data.

`catalogue_for(year)` is the catalogue as that release knows it: catalogue.yaml, with the changes of
every release up to and including `year` applied in order, validated again as a whole.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from mbo_xbrl.catalogue.model import Catalogue, SeedPassage

_LISTS = ("objectives", "measures", "indicators", "units", "sources", "frequencies", "breakdowns")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SetFields(_Strict):
    list: str | None = Field(None, description="The catalogue list of the item; none: the catalogue itself.")
    code: str | None = None
    fields: dict[str, Any]


class AddItem(_Strict):
    list: str
    item: dict[str, Any]


class Change(_Strict):
    """One change a release makes to the catalogue of the release before it."""

    kind: str = Field(pattern=r"^[a-z][a-z-]*$", description="What the change means for a filing.")
    set: SetFields | None = None
    add: AddItem | None = None
    note_nl: str
    note_en: str
    seed: SeedPassage

    @model_validator(mode="after")
    def _one_action(self) -> Change:
        if (self.set is None) == (self.add is None):
            raise ValueError(f"change {self.kind!r}: give exactly one of set and add")
        target = self.set.list if self.set is not None else self.add.list
        if target is not None and target not in _LISTS:
            raise ValueError(f"change {self.kind!r}: unknown list {target!r}")
        if self.set is not None and (self.set.list is None) != (self.set.code is None):
            raise ValueError(f"change {self.kind!r}: an item's change needs both list and code")
        return self

    @property
    def subject(self) -> str:
        """What the change is about: an item's code, or 'catalogue'."""
        if self.add is not None:
            return str(self.add.item.get("code", "?"))
        return self.set.code or "catalogue"


class ReleaseDeclaration(_Strict):
    year: int
    catalogue_version: str
    note_nl: str
    note_en: str
    changes: list[Change] = []


class ReleaseHistory(_Strict):
    releases: list[ReleaseDeclaration]

    @model_validator(mode="after")
    def _in_order(self) -> ReleaseHistory:
        years = [r.year for r in self.releases]
        if not years or years != sorted(set(years)):
            raise ValueError("releases must be listed once each, oldest first")
        if self.releases[0].changes:
            raise ValueError("the first release is catalogue.yaml itself: it has no changes")
        return self

    @property
    def years(self) -> list[int]:
        return [r.year for r in self.releases]

    def declaration(self, year: int) -> ReleaseDeclaration:
        for release in self.releases:
            if release.year == year:
                return release
        raise KeyError(f"no taxonomy release {year} (known: {', '.join(map(str, self.years))})")


def _yaml(name: str) -> Any:
    text = resources.files("mbo_xbrl.catalogue").joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@lru_cache(maxsize=1)
def release_history() -> ReleaseHistory:
    return ReleaseHistory.model_validate(_yaml("releases.yaml"))


@lru_cache(maxsize=1)
def base_catalogue_data() -> dict[str, Any]:
    return _yaml("catalogue.yaml")


def apply_change(data: dict[str, Any], change: Change) -> None:
    """Apply one change to the catalogue's data in place; a change that names nothing known fails."""
    if change.add is not None:
        items = data[change.add.list]
        code = change.add.item.get("code")
        if any(i.get("code") == code for i in items):
            raise ValueError(f"change {change.kind!r}: {change.add.list} already has {code!r}")
        items.append(dict(change.add.item))
        return
    if change.set.list is None:
        target = data
    else:
        found = [i for i in data[change.set.list] if i.get("code") == change.set.code]
        if not found:
            raise ValueError(f"change {change.kind!r}: no {change.set.code!r} in {change.set.list}")
        target = found[0]
    target.update(change.set.fields)


@lru_cache(maxsize=None)
def catalogue_for(year: int, funded: bool = True) -> Catalogue:
    """The catalogue of release `year`, validated (a change that breaks a cross-reference fails here);
    with `funded=False` as a non-funded institution's filing knows it (`Catalogue.for_non_funded`)."""
    if not funded:
        return catalogue_for(year).for_non_funded()
    history = release_history()
    declaration = history.declaration(year)
    data = copy.deepcopy(base_catalogue_data())
    for release in history.releases:
        if release.year > year:
            break
        for change in release.changes:
            apply_change(data, change)
    data["catalogue_version"] = declaration.catalogue_version
    data["taxonomy_year"] = year
    return Catalogue.model_validate(data)
