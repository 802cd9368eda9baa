"""The taxonomy as Arelle reads it: labelled in two languages, and holding what the catalogue declares."""

from __future__ import annotations

from mbo_xbrl.catalogue import load_catalogue
from mbo_xbrl.taxonomy import names
from mbo_xbrl.taxonomy.concepts import indicator_concept, qname

LABEL = "http://www.xbrl.org/2003/role/label"
DOCUMENTATION = "http://www.xbrl.org/2003/role/documentation"


def test_entry_point_loads_without_errors_or_warnings(dts) -> None:
    assert dts["messages"] == []
    assert len(dts["concepts"]) > 200


def test_every_concept_and_member_has_a_dutch_and_an_english_label(dts) -> None:
    missing = [(c["local"], lang) for c in dts["concepts"].values() for lang in ("nl", "en")
               if not (c["labels"].get((LABEL, lang)) or "").strip()]
    assert missing == []


def test_every_reportable_item_has_documentation_in_both_languages(dts) -> None:
    items = [c for c in dts["concepts"].values() if c["is_item"] and not c["abstract"]
             and not c["is_dimension"] and not c["is_hypercube"]]
    assert len(items) >= len(load_catalogue().indicators)
    missing = [(c["local"], lang) for c in items for lang in ("nl", "en") if not c["labels"].get((DOCUMENTATION, lang))]
    assert missing == []


def test_every_catalogue_indicator_objective_and_measure_is_in_the_taxonomy(dts) -> None:
    cat = load_catalogue()
    concepts = dts["concepts"]
    for indicator in cat.indicators:
        concept = concepts[indicator_concept(indicator).clark]
        assert concept["labels"][(LABEL, "nl")] == indicator.label_nl
        assert concept["labels"][(LABEL, "en")] == indicator.label_en
    for objective in cat.objectives:
        assert qname("domains", names.objective_member(objective)).clark in concepts
    for measure in cat.measures:
        assert qname("domains", names.measure_member(measure)).clark in concepts
    for breakdown in cat.breakdowns:
        assert qname("axes", names.breakdown_axis(breakdown)).clark in concepts
        for member in breakdown.members:
            assert qname("domains", names.breakdown_member(breakdown, member)).clark in concepts
