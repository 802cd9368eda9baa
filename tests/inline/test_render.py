"""`mbo-xbrl render`: the progress section as Inline XBRL, proven against plain Arelle and by round trips.

For every valid sample (Dutch and English), every failing sample that is an instance of ours, every
foreign writer's style and every filing of the synthetic sector: the facts the rendered document tags
are exactly the filing's facts, and `check` gives the same verdict and codes on both.
"""

from __future__ import annotations

import re

import pytest
from lxml import etree

from mbo_xbrl.inline.render import RenderError, render
from mbo_xbrl.synthetic.foreign import STYLES, restyle
from mbo_xbrl.synthetic.formula_sweep import assertion_findings
from mbo_xbrl.synthetic.invalid import FAILING
from mbo_xbrl.synthetic.sector import build_sector
from tests.conftest import ROOT, VALID_SAMPLES
from tests.inline.helpers import facts, filing_facts, inline_facts

XHTML = "{http://www.w3.org/1999/xhtml}"
IX = "{http://www.xbrl.org/2013/inlineXBRL}"
# the failing samples that are instances of ours, checked without options (a register, a size limit)
INVALID_INSTANCES = [ROOT / "samples" / "invalid" / s.file_name for s in FAILING
                     if s.suffix == ".xbrl" and not s.options and s.code[4] in "BCMVS" and s.code not in
                     ("MBO-S001", "MBO-S002", "MBO-S003", "MBO-S005", "MBO-S008")]


def codes(report) -> list[tuple[str, str]]:
    return sorted((f.code, f.severity.value) for f in report.findings)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", VALID_SAMPLES, ids=lambda p: p.name)
def test_a_valid_sample_renders_to_a_document_with_its_facts_and_verdict(path, lang, engine, processor, tmp_path) -> None:
    source = path.read_bytes()
    document = render(source, lang)
    assert inline_facts(document, processor) == facts(source)
    rendered = tmp_path / f"{path.stem}.xhtml"
    rendered.write_bytes(document)
    report = engine.check(rendered)
    assert report.valid and report.findings == [] and report.problems == []
    source_report = engine.check(path)
    assert (report.institution, report.report_year, report.taxonomy_release) == (
        source_report.institution, source_report.report_year, source_report.taxonomy_release)
    assert report.xbrl_validation == "arelle"


@pytest.mark.parametrize("path", INVALID_INSTANCES, ids=lambda p: p.name)
def test_a_failing_sample_keeps_its_findings_when_rendered(path, engine, processor) -> None:
    source = path.read_bytes()
    before = engine.check_bytes(source, path.name)
    document = render(source)
    if before.stopped_at not in ("xbrl", "filing-rules"):  # an invalid or nil fact: no value Arelle could give
        assert inline_facts(document, processor) == facts(source)
    after = engine.check_bytes(document, path.stem + ".xhtml")
    assert codes(after) == codes(before) and codes(before)
    assert after.stopped_at == before.stopped_at
    # each finding about something written (a fact, a context) points at its element in the document: the line
    # that holds its id; a finding about something missing has no element to point at, in either file
    lines = document.decode().splitlines()
    located = [f for f in after.findings if f.element]
    assert len(located) == len([f for f in before.findings if f.line])
    for finding in located:
        assert f'id="{finding.element}"' in lines[finding.line - 1]


def test_the_plain_arelle_formulas_give_the_same_verdicts_on_the_rendered_document(untrusting_with_formulas, tmp_path) -> None:
    """The rules that travel with the taxonomy read an Inline XBRL document's facts as they read an instance's."""
    for name in ("MBO-V002", "MBO-B005", "MBO-C004"):  # a comparison of facts, a sign, an own indicator's parts
        path = next((ROOT / "samples" / "invalid").glob(f"{name}-*.xbrl"))
        rendered = tmp_path / f"{path.stem}.xhtml"
        rendered.write_bytes(render(path.read_bytes()))
        found = []
        for target in (path, rendered):
            with untrusting_with_formulas.validated(target) as (_, messages):
                errors = [m.code for m in messages if m.level == "error" and not m.code.startswith("message:")]
                found.append((assertion_findings(messages), errors))
        assert found[0] == found[1]
        assert name in {code for code, _ in found[0][0]} and found[0][1] == []


@pytest.fixture(scope="module")
def untrusting_with_formulas(tmp_path_factory):
    """Plain Arelle as a vendor runs it: our taxonomy validated, its formulas run."""
    from mbo_xbrl.taxonomy.processor import XbrlProcessor

    processor = XbrlProcessor(home=tmp_path_factory.mktemp("vendor"), trusted_bases=[], formulas=True)
    yield processor
    processor.close()


def test_a_rendered_document_is_plain_valid_inline_xbrl_for_a_vendor(untrusting_with_formulas, tmp_path) -> None:
    for path in VALID_SAMPLES[2:]:  # the 2025 release, and a non-funded institution's entry point
        rendered = tmp_path / f"{path.stem}.xhtml"
        rendered.write_bytes(render(path.read_bytes(), "en"))
        with untrusting_with_formulas.validated(rendered) as (model, messages):
            assert model.modelDocument.type == 5  # Arelle's INLINEXBRL
            assert [m for m in messages if m.level != "info"] == []


@pytest.mark.parametrize("style", STYLES)
def test_a_filing_from_other_software_renders_with_its_own_facts(style, processor) -> None:
    source = restyle(VALID_SAMPLES[1].read_bytes(), [style])
    assert inline_facts(render(source), processor) == facts(source)


def test_every_sector_filing_renders_to_identical_facts_and_verdict(engine, tmp_path) -> None:
    sector = {name: data for name, data in build_sector().items() if name.endswith(".xbrl")}
    assert len(sector) == 104
    differ = []
    for name, data in sector.items():
        rendered = tmp_path / (name.replace("/", "-") + ".xhtml")
        rendered.write_bytes(render(data))
        report, filing = engine.check_file(rendered)  # the facts the check read: the document's, through Arelle
        if filing is None or filing_facts(filing) != facts(data) or codes(report) != codes(engine.check_bytes(data, name)):
            differ.append(name)
        rendered.unlink()
    assert differ == []


def test_the_page_is_self_contained_printable_and_readable_in_dutch() -> None:
    document = render(VALID_SAMPLES[1].read_bytes())
    root = etree.fromstring(document)
    assert root.tag == f"{XHTML}html" and root.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
    assert root.find(f".//{XHTML}script") is None and root.find(f".//{XHTML}img") is None
    referring = [e.tag for e in root.iter() if {"src", "href", "{http://www.w3.org/1999/xlink}href"} & set(e.attrib)]
    assert referring == ["{http://www.xbrl.org/2003/linkbase}schemaRef"]  # the entry point, and nothing else
    style = root.find(f".//{XHTML}style").text
    assert "size: A4" in style
    text = "".join(root.itertext())
    assert "Doelstelling 1.1" in text and "hoger is beter" in text
    amounts = [e.text for e in root.iter(f"{IX}nonFraction") if e.get("unitRef") == "EUR"]
    assert amounts and all(re.fullmatch(r"\d{1,3}(\.\d{3})*(,\d+)?", a) for a in amounts)  # 6.496.000
    assert {e.get("format") for e in root.iter(f"{IX}nonNumeric") if e.get("format")} == {"ixt:fixed-true",
                                                                                          "ixt:fixed-false"}
    english = render(VALID_SAMPLES[1].read_bytes(), "en").decode()
    assert "Objective 1.1" in english and "6,496,000" in english and "6.496.000" not in english


def test_a_fact_the_form_has_no_field_for_is_shown_and_tagged_under_other_data(processor) -> None:
    text = VALID_SAMPLES[1].read_text("utf-8")
    # a realisation of an earlier year: the form has one realisation column, the reporting year's
    fact = re.search(r'<(mbo-i:\w+) contextRef="Y2024_Realisation"[^>]*>[^<]*</\1>', text)
    earlier = re.sub(r' id="[^"]*"', "", fact.group(0).replace("Y2024_Realisation", "Y2023_Realisation"))
    context = re.search(r'<xbrli:context id="Y2024_Realisation">.*?</xbrli:context>', text, re.S).group(0)
    text = text.replace(context, context + context.replace("Y2024", "Y2023").replace("2024-", "2023-"), 1)
    source = text.replace(fact.group(0), fact.group(0) + earlier, 1).encode()
    document = render(source)
    assert "Overige gegevens" in document.decode()
    assert inline_facts(document, processor) == facts(source)


def test_a_file_that_is_no_instance_of_ours_is_not_rendered() -> None:
    for path in ("MBO-S001", "MBO-S002", "MBO-S003"):
        with pytest.raises(RenderError):
            render(next((ROOT / "samples" / "invalid").glob(f"{path}-*")).read_bytes())


def test_the_readmes_plain_arelle_command_reads_a_rendered_document_without_a_message(tmp_path) -> None:
    """`python -m arelle.CntlrCmdLine --file PAGE.xhtml --packages ... --validate`, formulas and all: the document
    is loaded and validated, the formulas run, and there is no error and no warning."""
    from tests.taxonomy.test_plain_arelle import plain_arelle

    rendered = tmp_path / "99XB-2025.xhtml"
    rendered.write_bytes(render(VALID_SAMPLES[2].read_bytes(), "nl"))
    assert plain_arelle(str(rendered), tmp_path / "log.xml", tmp_path) == []
    log = (tmp_path / "log.xml").read_text("utf-8")
    assert "loaded in" in log and "validated in" in log and "99XB-2025.xhtml" in log
    assert "Formula xpath2 grammar initialized" in log  # the taxonomy's assertions were run


def test_the_reporting_year_a_release_states_is_tagged_in_the_identity_line() -> None:
    root = etree.fromstring(render(VALID_SAMPLES[2].read_bytes()))  # 99XB-2025: the 2025 release states it
    identity = root.find(f".//{XHTML}p[@class='identity']")
    tagged = identity.find(f".//{IX}nonNumeric")
    assert tagged is not None and tagged.get("name").endswith(":ReportingYear") and tagged.text == "2025"
    assert "Overige gegevens" not in "".join(root.itertext())  # every fact of the sample has its place
