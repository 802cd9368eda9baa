"""The form travels with the taxonomy: plain Arelle renders every section's table, a filing's values in place.

One link role per section, shared by presentation, definition and table; in questionnaire order; each
fact of a valid filing in exactly one cell of the form.
"""

from __future__ import annotations

import collections
import json
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from lxml import html

from mbo_xbrl.catalogue import load_catalogue
from mbo_xbrl.cli import cli
from mbo_xbrl.taxonomy.generate.model import build_model
from mbo_xbrl.taxonomy.package import taxonomy_package_paths
from mbo_xbrl.taxonomy.releases import CURRENT, RELEASES
from tests.conftest import ROOT, VALID_SAMPLES

MODEL = build_model(load_catalogue(), CURRENT)
SECTIONS = MODEL.sections
NON_FUNDED = ROOT / "samples" / "valid" / "99XN-2024.xbrl"
PARENT_CHILD = "http://www.xbrl.org/2003/arcrole/parent-child"
ALL = "http://xbrl.org/int/dim/arcrole/all"
TABLE_BREAKDOWN = "http://xbrl.org/arcrole/2014/table-breakdown"


def _facts(sample: Path) -> list[dict[str, str]]:
    """The filing's facts as `mbo-xbrl facts` reads them (the engine's reader, not Arelle)."""
    result = CliRunner().invoke(cli, ["facts", "--format", "json", str(sample)])
    assert result.exit_code == 0, result.output
    return [{k: "" if v is None else str(v) for k, v in row.items()} for row in json.loads(result.stdout)]


def render(target: str, out: Path, lang: str, home: Path) -> list[str]:
    """Plain Arelle's command line: `--renderedTableLinkbase OUT --labelLang LANG`; returns its problems."""
    command = [sys.executable, "-m", "arelle.CntlrCmdLine", "--file", target, "--packages",
               "|".join(str(p) for p in taxonomy_package_paths()), "--internetConnectivity", "offline",
               "--renderedTableLinkbase", str(out), "--labelLang", lang, "--logFile", str(home / "log.txt")]
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_CONFIG_HOME": str(home)}
    subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT, timeout=300)
    log = (home / "log.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in log if not line.startswith(("[info]", "[] Formula xpath2"))]


@pytest.mark.parametrize("lang,heading", [("nl", "Doelstelling 3.3 Werken in het mbo: begroting"),
                                          ("en", "Objective 3.3 Working in mbo: budget")])
def test_plain_arelle_renders_the_form_as_html_with_a_filings_values(lang: str, heading: str, tmp_path: Path) -> None:
    sample = ROOT / "samples" / "valid" / "99XA-2024.xbrl"
    assert render(str(sample), tmp_path / "form.html", lang, tmp_path) == []
    page = html.parse(str(tmp_path / "form.html"))
    texts = [t.strip() for t in page.getroot().itertext() if t.strip()]
    headings = [s.heading_nl if lang == "nl" else s.heading_en for s in SECTIONS]
    assert [t for t in texts if t in set(headings)] == headings  # every table, once, in order
    assert any(heading in t for t in texts)  # the page, not the declaration, has it
    cells = collections.Counter(t.strip() for t in page.getroot().xpath("//td[@class='cell']/text()"))
    name = next(r["value"] for r in _facts(sample) if r["concept"] == "mbo-i:InstitutionName")
    assert cells[name] == 1
    total = "Totaal doelstelling" if lang == "nl" else "Objective total"
    budget = page.getroot().xpath(f"(//tr[td[contains(., '{heading}')]]/following-sibling::tr[1]"
                                  f"//tr[th[normalize-space()='{total}']])[1]/td[@class='cell']")
    filed = sorted((r["period_start"], r["value"]) for r in _facts(sample)
                   if r["concept"] == "mbo-i:BudgetAmount" and r["objective"] == "3.3" and not r["measure"])
    assert len(filed) == 4 and [c.text for c in budget] == [value for _, value in filed]


def test_plain_arelle_renders_the_form_as_xlsx(tmp_path: Path) -> None:
    sample = ROOT / "samples" / "valid" / "99XB-2024.xbrl"
    assert render(str(sample), tmp_path / "form.xlsx", "nl", tmp_path) == []
    sheet = openpyxl.load_workbook(tmp_path / "form.xlsx").active
    rows = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    headings = [s.heading_nl for s in SECTIONS]
    assert [r[0] for r in rows if r and r[0] in set(headings)] == headings
    row = next(r for r in rows if r and r[0] == "Naam instelling")
    assert row == ["Naam instelling", next(r["value"] for r in _facts(sample) if r["concept"] == "mbo-i:InstitutionName")]
    explained = next(r for r in rows if r and str(r[0]).startswith("M1.1.01 "))
    assert explained[1] == "false" and explained[2].startswith("De gemeente")


def test_the_empty_form_renders_from_the_entry_point(tmp_path: Path) -> None:
    assert render(CURRENT.entry_point_url, tmp_path / "form.html", "nl", tmp_path) == []
    page = html.parse(str(tmp_path / "form.html")).getroot()
    assert page.xpath("//td[@class='cell']") and not [c for c in page.xpath("//td[@class='cell']/text()") if c.strip()]
    headers = {t.strip() for t in page.xpath("//th/text()")}
    assert {"Startwaarde", "Streefwaarde 2027", "Realisatie", "Pas toe", "Uitleg", "2024", "2027"} <= headers
    assert "I2.2.05 Ervaren stagediscriminatie" in " ".join(headers)


def _cells(model: Any, scratch: Path) -> Iterator[tuple[str, Any]]:
    """Every body cell of every table, as Arelle lays the form out for this filing (nothing is written)."""
    from arelle.rendering import RenderingEvaluator
    from arelle.rendering.RenderingLayout import layoutTable
    from arelle.ViewFileRenderedGrid import ViewRenderedGrid

    RenderingEvaluator.init(model)
    view = ViewRenderedGrid(model, str(scratch / "layout.html"), "nl", "")
    layoutTable(view)
    for table_set in view.lytMdlTblMdl.lytMdlTableSets:
        for table in table_set.lytMdlTables:
            for z in table.lytMdlBodyChildren:
                for y in z.lytMdlBodyChildren:
                    for x in y.lytMdlBodyChildren:
                        for cell in x.lytMdlBodyChildren:
                            yield table_set.srcLinkrole, cell


@pytest.mark.parametrize("style", [None, "foreign"])
@pytest.mark.parametrize("sample", VALID_SAMPLES, ids=[p.name for p in VALID_SAMPLES])
def test_each_fact_of_a_valid_filing_lands_in_exactly_one_cell(sample: Path, style: str | None, processor,
                                                               tmp_path: Path) -> None:
    """Also written as other software writes it: other prefixes, date-time periods, a context per fact, ..."""
    if style == "foreign":
        from mbo_xbrl.synthetic.foreign import STYLES, restyle

        sample = tmp_path / sample.name
        sample.write_bytes(restyle((ROOT / "samples" / "valid" / sample.name).read_bytes(), STYLES))
    with processor.loaded(sample) as (model, _):
        where: dict[int, list[str]] = collections.defaultdict(list)
        for role, cell in _cells(model, tmp_path):
            for fact, _value, _justify in cell.facts:
                where[fact.objectIndex].append(role.rsplit("/", 1)[1])
        facts = list(model.facts)
        assert len(facts) > (15 if sample.name == NON_FUNDED.name else 300)
        misplaced = {(str(f.qname), f.contextID): where[f.objectIndex] for f in facts if len(where[f.objectIndex]) != 1}
        assert misplaced == {}
        # and in the right section: an indicator in its objective's, an amount of 3.3 in 3.3's budget
        by_concept = {f.qname.localName: where[f.objectIndex][0] for f in facts}
        assert by_concept["InstitutionName"] == "01-general"
        assert by_concept["SatisfactionWithSchool"].endswith("objective-3.1-indicators")
        if sample.name != NON_FUNDED.name:
            assert by_concept["TeachersInLcLdScales"].endswith("objective-3.3-indicators")
            amounts = [where[f.objectIndex][0] for f in facts if f.qname.localName == "EarmarkedAmount"]
            assert amounts and all(r.endswith("-budget") for r in amounts)
        if "ReportingYear" in by_concept:
            assert by_concept["ReportingYear"] == "01-general"


def test_every_section_is_one_link_role_for_presentation_definition_and_table(processor) -> None:
    with processor.loaded(CURRENT.entry_point_url) as (model, messages):
        assert [m for m in messages if m.level not in ("info", "debug")] == []
        roles = [CURRENT.role_base + s.code for s in SECTIONS]
        for arcrole in (PARENT_CHILD, ALL, TABLE_BREAKDOWN):
            assert set(model.relationshipSet(arcrole).linkRoleUris) >= set(roles), arcrole
        assert set(model.relationshipSet(PARENT_CHILD).linkRoleUris) == set(roles)
        assert set(model.relationshipSet(TABLE_BREAKDOWN).linkRoleUris) == set(roles)
        # questionnaire order three ways: the URIs sort so, the order resources, the generic labels
        assert sorted(roles) == roles
        order = model.relationshipSet(f"{CURRENT.base_url}arcrole/linkrole-order")
        positions = {rel.fromModelObject.roleURI: Decimal(rel.toModelObject.textValue)
                     for rel in order.modelRelationships}
        assert sorted(positions, key=positions.__getitem__) == roles
        labels = [model.roleTypes[r][0].genLabel(lang="nl") for r in roles]
        assert labels == [s.heading_nl for s in SECTIONS] == sorted(labels)


def test_the_questionnaire_order_is_the_monitoring_plans() -> None:
    cat = load_catalogue()
    slugs = [s.slug for s in SECTIONS]
    assert slugs[:2] == ["general", "budget-total"] and slugs[-3:] == ["own-indicators", "alternative-sources",
                                                                        "narrative"]
    per_objective = [s for s in slugs if s.startswith("objective-")]
    expected = []
    for o in cat.objectives:
        expected.append(f"objective-{o.code}-declaration")
        expected += [f"objective-{o.code}-indicators"] if cat.indicators_of(o.code) else []
        expected += [f"objective-{o.code}-measures"] if cat.measures_of(o.code) else []
        expected.append(f"objective-{o.code}-budget")
    assert per_objective == expected


def test_the_non_funded_form_has_only_its_sections_under_the_whole_forms_link_roles(tmp_path: Path) -> None:
    """Seed 003: general information, the satisfaction and basic-skills indicators, alternative sources and the
    narrative; no declarations, measures, budgets or own indicators. Plain Arelle renders it with the values."""
    assert render(str(NON_FUNDED), tmp_path / "form.html", "nl", tmp_path) == []
    page = html.parse(str(tmp_path / "form.html")).getroot()
    texts = [t.strip() for t in page.itertext() if t.strip()]
    expected = [s.heading_nl for s in MODEL.non_funded_sections]
    assert [t for t in texts if t in {s.heading_nl for s in SECTIONS}] == expected
    codes = [s.code for s in MODEL.non_funded_sections]
    assert set(codes) < {s.code for s in SECTIONS}  # the same link roles: one number per section in both forms
    asked = {"general", "objective-1.2-indicators", "objective-3.1-indicators", "objective-3.2-indicators",
             "alternative-sources", "narrative"}
    assert codes == [s.code for s in SECTIONS if s.slug in asked]
    cells = [c.strip() for c in page.xpath("//td[@class='cell']/text()") if c.strip()]
    filed = [r["value"] for r in _facts(NON_FUNDED) if r["concept"].endswith(":SatisfactionWithSchool")]
    assert filed and all(value in cells for value in filed)
    headers = " ".join(t.strip() for t in page.xpath("//th/text()"))
    assert "I3.1.01" in headers and "I3.3.01" not in headers and "Pas toe" not in headers


def test_every_release_renders_its_empty_form(tmp_path: Path) -> None:
    for release in RELEASES.values():
        out = tmp_path / f"form-{release.year}.html"
        assert render(release.entry_point_url, out, "nl", tmp_path) == []
        headers = " ".join(t.strip() for t in html.parse(str(out)).getroot().xpath("//th/text()"))
        assert "I2.2.07" in headers
        if release.catalogue.reporting_year_fact:
            assert "Verslagjaar" in headers
