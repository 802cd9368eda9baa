"""The catalogue of objectives, measures and indicators: one declarative source, read everywhere."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from mbo_xbrl.catalogue.model import (
    Breakdown,
    Catalogue,
    Direction,
    Indicator,
    Measure,
    Objective,
)

__all__ = ["Breakdown", "Catalogue", "Direction", "Indicator", "Measure", "Objective", "load_catalogue"]


@lru_cache(maxsize=1)
def load_catalogue() -> Catalogue:
    """The catalogue shipped with the package, validated."""
    text = resources.files("mbo_xbrl.catalogue").joinpath("catalogue.yaml").read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster, same result
    return Catalogue.model_validate(yaml.load(text, Loader=loader))
