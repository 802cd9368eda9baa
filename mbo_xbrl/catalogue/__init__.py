"""The catalogue of objectives, measures and indicators: one declarative source, read everywhere."""

from __future__ import annotations

from mbo_xbrl.catalogue.model import (
    Breakdown,
    Catalogue,
    Direction,
    Indicator,
    Measure,
    Objective,
)
from mbo_xbrl.catalogue.releases import catalogue_for, release_history

__all__ = ["Breakdown", "Catalogue", "Direction", "Indicator", "Measure", "Objective", "catalogue_for",
           "load_catalogue", "release_history"]


def load_catalogue() -> Catalogue:
    """The catalogue of the first release (catalogue.yaml itself), validated; `catalogue_for` gives any release's."""
    return catalogue_for(release_history().years[0])
