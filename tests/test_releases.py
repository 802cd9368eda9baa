"""Yearly taxonomy releases: each filing is checked against the release its schemaRef names.

The 2025 release is the 2024 catalogue with the changes of mbo_xbrl/catalogue/releases.yaml applied:
the new Stagepact indicators are first measured, one indicator renamed, one measure added, and the
reporting year becomes a fact of its own. A 2024 filing stays valid against 2024.
"""

from __future__ import annotations

import copy
import re

import pytest

from mbo_xbrl.catalogue import catalogue_for, load_catalogue, release_history
from mbo_xbrl.catalogue.releases import Change, ReleaseHistory, apply_change, base_catalogue_data
from mbo_xbrl.cli.ingest import outcome_word
from mbo_xbrl.filing.writer import write_instance
from mbo_xbrl.synthetic.samples import veen
from mbo_xbrl.taxonomy.releases import RELEASES, release_for_entry_point
from tests.conftest import ROOT

SAMPLE_2024 = ROOT / "samples" / "valid" / "99XB-2024.xbrl"
SAMPLE_2025 = ROOT / "samples" / "valid" / "99XB-2025.xbrl"
R2025 = RELEASES[2025]


def codes(report) -> list[str]:
    return sorted({f.code for f in report.findings})


def test_the_2025_catalogue_is_the_2024_one_with_the_declared_changes_applied() -> None:
    old, new = load_catalogue(), catalogue_for(2025)
    assert (old.catalogue_version, new.catalogue_version) == ("2024.4", "2025.1")
    assert old.catalogue_version == release_history().declaration(2024).catalogue_version
    for code in ("I2.2.05", "I2.2.07"):  # seed 003: "Nieuw te ontwikkelen"; 2025 measures them
        assert not old.is_measured(old.indicator_by_code[code]) and new.is_measured(new.indicator_by_code[code])
        assert new.indicator_by_code[code].start_year == 2025
    assert old.indicator_by_code["I2.2.07"].label_nl != new.indicator_by_code["I2.2.07"].label_nl
    assert "M2.2.08" in new.measure_by_code and "M2.2.08" not in old.measure_by_code
    assert new.reporting_year_fact and not old.reporting_year_fact
    # everything not declared as a change is the same
    same = {i.code for i in old.indicators} - {"I2.2.05", "I2.2.07"}
    assert all(old.indicator_by_code[c] == new.indicator_by_code[c] for c in same)
    assert old.objectives == new.objectives and old.breakdowns == new.breakdowns


def test_a_change_that_names_nothing_known_or_breaks_a_reference_fails_loudly() -> None:
    change = Change.model_validate({"kind": "label", "set": {"list": "indicators", "code": "I9.9.99",
                                                               "fields": {"label_nl": "x"}},
                                    "note_nl": "x", "note_en": "x", "seed": {"document": "003", "passage": "x"}})
    with pytest.raises(ValueError, match="I9.9.99"):
        apply_change(copy.deepcopy(base_catalogue_data()), change)
    with pytest.raises(ValueError, match="exactly one"):
        Change.model_validate({"kind": "label", "note_nl": "x", "note_en": "x",
                               "seed": {"document": "003", "passage": "x"}})
    with pytest.raises(ValueError, match="oldest first"):
        ReleaseHistory.model_validate({"releases": [
            {"year": 2025, "catalogue_version": "b", "note_nl": "", "note_en": ""},
            {"year": 2024, "catalogue_version": "a", "note_nl": "", "note_en": ""}]})


def test_each_release_has_its_own_namespace_and_entry_point() -> None:
    assert [r.year for r in RELEASES.values()] == release_history().years == [2024, 2025]
    assert len({r.namespace("data") for r in RELEASES.values()}) == len(RELEASES)
    for release in RELEASES.values():
        assert release_for_entry_point(release.entry_point_url) is release


def test_the_2025_sample_and_the_2024_samples_are_valid_each_against_its_own_release(engine) -> None:
    for path, release in ((SAMPLE_2024, 2024), (SAMPLE_2025, 2025)):
        report = engine.check(path)
        assert report.valid and report.findings == [], (path.name, codes(report))
        assert report.taxonomy_release == release and report.report_year == release
        assert report.xbrl_validation == "compiled-view"  # the fast path has a view of each release
        assert report.catalogue_version == catalogue_for(release).catalogue_version


def test_the_2025_sample_is_valid_to_arelle_with_every_release_loaded_and_no_fast_path(processor) -> None:
    from mbo_xbrl.engine import Engine

    report = Engine(processor, fast_path=False).check(SAMPLE_2025)
    assert report.valid and report.xbrl_validation == "arelle", codes(report)


def test_a_start_value_is_asked_of_a_new_indicator_only_from_the_release_that_measures_it(engine, tmp_path) -> None:
    """MBO-C002 leaves I2.2.05 and I2.2.07 alone in 2024 (nothing measures them yet) and asks for them in 2025."""
    cat = R2025.catalogue
    content = veen(cat, 2025)
    content = content.model_copy(update={"indicator_values": [
        v for v in content.indicator_values if not (v.indicator == "I2.2.05" and v.kind == "start")]})
    path = tmp_path / "no-start-2025.xbrl"
    path.write_bytes(write_instance(content, cat, R2025))
    report = engine.check(path)
    assert codes(report) == ["MBO-C002"]
    assert [f.indicator for f in report.findings] == ["I2.2.05"]
    old = load_catalogue()
    assert not any(v.indicator in ("I2.2.05", "I2.2.07") and v.kind == "start" for v in veen(old).indicator_values)
    assert engine.check(SAMPLE_2024).valid  # the 2024 sample has none, and needs none


def test_the_measure_added_in_2025_is_asked_in_2025_and_unknown_to_2024(engine, tmp_path) -> None:
    text = SAMPLE_2025.read_text("utf-8")
    without, n = re.subn(r'\s*<mbo-i:MeasureApplied contextRef="[^"]*FittingInternshipAllowanceAgreements"[^>]*>'
                         r'[^<]*</mbo-i:MeasureApplied>', "", text)
    assert n == 1
    path = tmp_path / "no-choice.xbrl"
    path.write_text(without, "utf-8")
    report = engine.check(path)
    assert "MBO-M003" in codes(report)
    assert any(f.measure == "M2.2.08" for f in report.findings if f.code == "MBO-M003")
    assert "M2.2.08" not in SAMPLE_2024.read_text("utf-8") and "FittingInternshipAllowanceAgreements" not in \
        SAMPLE_2024.read_text("utf-8")


def test_a_2024_filing_that_uses_a_2025_concept_is_invalid_xbrl(engine, tmp_path) -> None:
    """ReportingYear exists from the 2025 release on: in the 2024 namespace it is no concept at all."""
    text = SAMPLE_2024.read_text("utf-8")
    first_context = re.search(r'<mbo-i:InstitutionName contextRef="([^"]+)"', text).group(1)
    broken = text.replace("</xbrli:xbrl>", f'  <mbo-i:ReportingYear contextRef="{first_context}">2024'
                                           "</mbo-i:ReportingYear>\n</xbrli:xbrl>")
    path = tmp_path / "2024-with-2025-concept.xbrl"
    path.write_text(broken, "utf-8")
    report = engine.check(path)
    assert not report.valid and "MBO-S004" in codes(report) and report.xbrl_validation == "arelle"


def test_a_filing_may_not_mix_the_files_of_two_releases(engine, tmp_path) -> None:
    text = SAMPLE_2024.read_text("utf-8")
    hint = (f' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="{R2025.namespace("data")} '
            f'{R2025.base_url}dictionary/mbo-data.xsd"')
    path = tmp_path / "mixed.xbrl"
    path.write_text(text.replace(' xml:lang="nl">', hint + ' xml:lang="nl">', 1), "utf-8")
    report = engine.check(path)
    assert codes(report) == ["MBO-S003"] and report.findings[0].args["problem"] == "external"


def test_the_reporting_year_is_the_fact_that_says_so_in_2025(engine, tmp_path) -> None:
    """From 2025 the year is read from ReportingYear, not inferred: a plan-level fact in another year is the
    fact that is out of place (MBO-S014), not the reporting year."""
    text = SAMPLE_2025.read_text("utf-8")
    assert re.search(r"<mbo-i:ReportingYear [^>]*>2025</mbo-i:ReportingYear>", text)
    context = text[text.index('<xbrli:context id="Y2025">'):text.index("</xbrli:context>") + len("</xbrli:context>")]
    text = text.replace(context, context + "\n  " + context.replace("Y2025", "NameYear").replace("2025-", "2026-"), 1)
    text = re.sub(r'<mbo-i:InstitutionName contextRef="Y2025"', '<mbo-i:InstitutionName contextRef="NameYear"', text)
    path = tmp_path / "name-in-2026.xbrl"
    path.write_text(text, "utf-8")
    report = engine.check(path)
    assert report.report_year == 2025
    assert codes(report) == ["MBO-S014"] and report.findings[0].concept.endswith("InstitutionName")


def test_every_ingest_outcome_has_a_word_for_the_progress_line() -> None:
    for lang in ("nl", "en"):
        for outcome in ("accepted", "rejected", "skipped", "unreadable", "internal"):
            word = outcome_word(outcome, lang)
            assert word and "{" not in word and not word.startswith(","), (lang, outcome, word)


def test_the_release_of_a_reporting_year() -> None:
    from mbo_xbrl.taxonomy.releases import release_for_year

    assert [release_for_year(y).year for y in (2023, 2024, 2025, 2027)] == [2024, 2024, 2025, 2025]


def test_a_correction_of_2024_filed_later_keeps_the_2024_release_and_a_2025_filing_may_not(engine) -> None:
    """MBO-S015: the 2024 sample is fine against 2024; its failing sample is 99XB's 2025 filing against 2024."""
    assert engine.check(SAMPLE_2024).valid
    report = engine.check(ROOT / "samples" / "invalid" / "MBO-S015-release-does-not-fit-year.xbrl")
    assert codes(report) == ["MBO-S015"] and report.taxonomy_release == 2024 and report.report_year == 2025
    assert R2025.entry_point_url in report.findings[0].fix_en


def test_a_reporting_year_that_is_no_year_is_said_in_words(engine, tmp_path) -> None:
    path = tmp_path / "twenty.xbrl"
    path.write_text(SAMPLE_2025.read_text("utf-8").replace(">2025</mbo-i:ReportingYear>", ">twenty</mbo-i:ReportingYear>"),
                    "utf-8")
    report = engine.check(path)
    assert codes(report) == ["MBO-S004"] and report.xbrl_validation == "arelle"
    assert "'twenty' is geen jaartal (JJJJ)" in report.findings[0].message_nl
