"""The catalogue: complete where the issue and the seeds say, and strict about its own references."""

from __future__ import annotations

import pytest
import yaml

from mbo_xbrl.catalogue import Catalogue, load_catalogue
from mbo_xbrl.catalogue.model import Direction, Level


def test_catalogue_has_twelve_objectives_in_three_priorities() -> None:
    cat = load_catalogue()
    assert [p.code for p in cat.priorities] == ["1", "2", "3"]
    per_priority = {p.code: [o.code for o in cat.objectives_of(p.code)] for p in cat.priorities}
    assert per_priority == {"1": ["1.1", "1.2", "1.3", "1.4", "1.5"], "2": ["2.1", "2.2", "2.3"],
                            "3": ["3.1", "3.2", "3.3", "3.4"]}


def test_catalogue_has_at_least_forty_indicators_each_fully_described() -> None:
    cat = load_catalogue()
    assert len(cat.indicators) >= 40
    for indicator in cat.indicators:
        assert indicator.definition_nl and indicator.definition_en
        assert indicator.source in cat.source_by_code
        assert indicator.unit in cat.unit_by_code


def test_mandatory_measures_are_the_ones_seed_001_names() -> None:
    cat = load_catalogue()
    mandatory = {m.name for m in cat.measures if m.mandatory}
    assert mandatory == {"CareerGuidance", "ProfessionalInternshipPolicy", "DiscriminationReporting",
                         "CareerProspects", "Practorates"}
    assert all(m.seed.passage for m in cat.measures)


def test_earmarked_objectives_are_guidance_staff_and_practorates() -> None:
    cat = load_catalogue()
    assert [o.code for o in cat.objectives if cat.is_earmarked(o.code)] == ["1.3", "3.3", "3.4"]


def test_lower_is_better_indicators_include_the_ones_domain_names() -> None:
    cat = load_catalogue()
    lower = {i.code for i in cat.indicators if i.direction is Direction.LOWER}
    # workload, early leavers, starters leaving, trouble finding an internship, applications, discrimination
    assert {"I3.3.03", "I1.3.01", "I1.3.02", "I3.3.02", "I2.2.04", "I2.2.03", "I2.2.05"} <= lower


def test_seed_002_staff_indicators_are_present_with_their_units() -> None:
    cat = load_catalogue()
    assert cat.indicator_by_code["I3.3.03"].unit == "percentage"  # workload too high
    assert cat.indicator_by_code["I3.3.04"].unit == "mark"  # satisfaction with development
    assert cat.indicator_by_code["I3.3.05"].unit == "mark"  # starters' mark for guidance


def test_each_indicator_has_the_level_seed_003_gives_it() -> None:
    """Column "Niveau": a national figure only, or also the spread over institutions."""
    cat = load_catalogue()
    national = {i.code for i in cat.indicators if i.level is Level.NATIONAL}
    # "landelijk cijfer" only: work in a related field, the new Stagepact indicators, internship shortage,
    # reskilling, the lessons in Dutch, arithmetic and citizenship, exam results, starters leaving
    assert {"I2.1.03", "I2.2.05", "I2.2.06", "I2.2.07", "I2.3.01", "I3.1.03", "I3.2.01", "I3.1.05",
            "I3.3.02"} <= national
    # "met spreiding instellingen": safety, early leaving, first-year success, the Stagepact guidance figures
    spread = {i.code for i in cat.indicators if i.level is Level.INSTITUTIONS}
    assert {"I1.2.01", "I1.3.01", "I1.4.01", "I2.2.01", "I2.2.03", "I2.2.04", "I3.1.01", "I3.3.01"} <= spread
    assert national | spread == {i.code for i in cat.indicators}


def test_background_characteristics_break_down_the_indicators_seed_003_names_them_for() -> None:
    """Applications needed, trouble finding an internship, experienced discrimination and first-year success
    are compared "naar achtergrondkenmerken": here gender and age, beside level and field of education."""
    cat = load_catalogue()
    for code in ("I1.4.01", "I1.4.02", "I2.2.03", "I2.2.04", "I2.2.05"):
        assert {"gender", "age", "level", "domain"} <= set(cat.indicator_by_code[code].breakdowns), code


def _raw() -> dict:
    from importlib import resources

    return yaml.safe_load(resources.files("mbo_xbrl.catalogue").joinpath("catalogue.yaml").read_text("utf-8"))


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d["measures"][0].update(objective="9.9"), "unknown objective"),
    (lambda d: d["indicators"][0].update(unit="furlongs"), "unknown or unsuitable unit"),
    (lambda d: d["indicators"][0].update(breakdowns=["shoe_size"]), "unknown breakdown"),
    (lambda d: d["indicators"].append(dict(d["indicators"][0])), "declared twice"),
    (lambda d: d["measures"][0].update(code="M3.4.99"), "does not match objective"),
])
def test_catalogue_rejects_broken_references(mutate, message) -> None:
    data = _raw()
    mutate(data)
    with pytest.raises(ValueError, match=message):
        Catalogue.model_validate(data)
