"""`mbo-xbrl catalogue`: the contract fields, and concepts that exist in the taxonomy."""

from __future__ import annotations

import json

from click.testing import CliRunner

from mbo_xbrl.cli import cli


def test_catalogue_json_has_the_contract_fields_and_real_concepts(dts) -> None:
    result = CliRunner().invoke(cli, ["catalogue", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert len(data["objectives"]) == 12 and len(data["indicators"]) >= 40
    assert {"code", "priority", "label_nl", "label_en"} <= set(data["objectives"][0])
    assert {"code", "objective", "mandatory", "earmarked", "label_nl", "label_en"} <= set(data["measures"][0])
    for indicator in data["indicators"]:
        assert {"code", "objective", "label_nl", "label_en", "unit", "direction", "source", "frequency",
                "breakdowns", "concept"} <= set(indicator)
        assert indicator["concept"] in dts["concepts"], indicator["concept"]


def test_catalogue_text_lists_objectives_with_their_measures_and_indicators() -> None:
    result = CliRunner().invoke(cli, ["catalogue", "--lang", "en"])
    assert result.exit_code == 0
    assert "3.4 Research and innovation  [earmarked]" in result.stdout
    assert "M3.4.01 Establishing, extending or strengthening practorates  [mandatory, earmarked]" in result.stdout


def test_catalogue_text_is_dutch_unless_english_is_asked() -> None:
    from mbo_xbrl.catalogue import load_catalogue

    cat = load_catalogue()
    dutch = CliRunner().invoke(cli, ["catalogue"]).stdout
    first = dutch.splitlines()[0]
    assert first.startswith("catalogus ") and f"{len(cat.objectives)} doelstellingen" in first
    assert any(line.strip().endswith("[geoormerkt]") and line.startswith("  3.4 ") for line in dutch.splitlines())
    assert "[verplicht, geoormerkt]" in dutch and "mandatory" not in dutch and "earmarked" not in dutch
    percentage = next(u for u in cat.units if u.code == "percentage")
    assert f"({percentage.label_nl} ↑" in dutch  # units in words, not their codes
