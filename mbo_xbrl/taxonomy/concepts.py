"""Qualified names of the taxonomy's concepts for one release, in Clark notation `{ns}local`.

Rules and the instance writer ask this module for names; they never write a namespace string.
"""

from __future__ import annotations

from dataclasses import dataclass

from mbo_xbrl.catalogue import Catalogue, Indicator
from mbo_xbrl.taxonomy.releases import CURRENT, PARTS, Release


@dataclass(frozen=True)
class QName:
    namespace: str
    prefix: str
    local: str

    @property
    def clark(self) -> str:
        return f"{{{self.namespace}}}{self.local}"

    @property
    def prefixed(self) -> str:
        return f"{self.prefix}:{self.local}"

    def __str__(self) -> str:
        return self.clark


def qname(part: str, local: str, release: Release = CURRENT) -> QName:
    """The QName of `local` in a dictionary part: 'data', 'axes', 'domains', 'types'."""
    return QName(release.namespace(part), PARTS[part][0], local)


def indicator_concept(indicator: Indicator, release: Release = CURRENT) -> QName:
    return qname("data", indicator.name, release)


def indicator_by_concept(catalogue: Catalogue, release: Release = CURRENT) -> dict[str, Indicator]:
    """Catalogue indicators keyed by their concept's Clark name."""
    return {indicator_concept(i, release).clark: i for i in catalogue.indicators}
