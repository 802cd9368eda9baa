"""The page in a real browser: Debian's Chromium driven by Playwright. Screenshots go to test-artifacts/."""

from __future__ import annotations

import os
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from babel.numbers import parse_decimal

from mbo_xbrl.rules.examples import example

from tests.conftest import ROOT
from tests.web.conftest import Server

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("MBO_XBRL_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def page():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("no Chromium: scripts/test.sh installs Debian's chromium package")
        pytest.skip("no Chromium on this machine (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=["--no-sandbox", "--disable-dev-shm-usage"])
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        yield context.new_page()
        browser.close()


def upload(page, server: Server, path: Path, lang: str = "nl") -> None:
    page.goto(f"{server.url}/?lang={lang}")
    page.set_input_files("#file", str(path))
    with page.expect_navigation():
        page.click("button[type=submit]")


def test_a_valid_filing_is_accepted(page, server: Server) -> None:
    upload(page, server, ROOT / "samples" / "valid" / "99XB-2024.xbrl")
    verdict = page.locator("section.lang-nl .verdict")
    assert verdict.is_visible() and verdict.inner_text().strip() == "Goedgekeurd"
    assert page.locator("section.lang-nl").get_by_text("Geen bevindingen.").is_visible()
    page.screenshot(path=str(ARTIFACTS / "web-valid.png"), full_page=True)


def test_a_failing_filing_lists_its_findings_and_switches_language(page, server: Server) -> None:
    upload(page, server, ROOT / "samples" / "invalid" / "MBO-B002-budget-does-not-add-up.xbrl")
    dutch = page.locator("section.lang-nl")
    assert dutch.locator(".verdict").inner_text().strip() == "Afgekeurd"
    findings = dutch.locator(".finding[data-code='MBO-B002']")
    assert findings.count() >= 1 and findings.first.is_visible()
    assert "Oplossing:" in findings.first.inner_text()
    # where, in the words of the form, before the XBRL details; the severity in Dutch; amounts the Dutch way
    where = findings.first.locator(".where").inner_text()
    assert where.startswith("Waar: Begroting 2025, doelstelling 2.2") and "mbo-i:" not in where
    assert findings.first.locator(".code").inner_text().startswith("fout MBO-B002")
    summed = Decimal(example("MBO-B002").findings[0].args["sum"])  # what the engine found, as a number
    shown = re.search(r"€\s(\d{1,3}(?:\.\d{3})+)", findings.first.inner_text().replace("\xa0", " ")).group(1)
    assert parse_decimal(shown, locale="nl_NL", strict=True) == summed  # written the Dutch way
    assert findings.first.locator(".xbrl").inner_text().startswith("XBRL: mbo-i:BudgetAmount")
    assert not page.locator("section.lang-en").is_visible()
    page.screenshot(path=str(ARTIFACTS / "web-failing-nl.png"), full_page=True)

    page.click("section.lang-nl a[hreflang=en]")
    english = page.locator("section.lang-en")
    assert english.is_visible() and not dutch.is_visible()
    assert english.locator(".verdict").inner_text().strip() == "Rejected"
    assert "Fix:" in english.locator(".finding[data-code='MBO-B002']").first.inner_text()
    english_finding = english.locator(".finding[data-code='MBO-B002']").first
    assert english_finding.locator(".where").inner_text().startswith("Where: Budget 2025, objective 2.2")
    shown = re.search(r"€(\d{1,3}(?:,\d{3})+)", english_finding.inner_text()).group(1)
    assert parse_decimal(shown, locale="en_GB", strict=True) == summed  # and the English way
    page.screenshot(path=str(ARTIFACTS / "web-failing-en.png"), full_page=True)


def test_the_json_download_is_the_report(page, server: Server) -> None:
    import json

    upload(page, server, ROOT / "samples" / "invalid" / "MBO-B002-budget-does-not-add-up.xbrl")
    with page.expect_download() as download:
        page.click("section.lang-nl a[download]")
    report = json.loads(Path(download.value.path()).read_text("utf-8"))["reports"][0]
    assert report["valid"] is False and "MBO-B002" in {f["code"] for f in report["findings"]}


def test_an_english_upload_shows_english_first_and_a_refusal_is_explained(page, server: Server) -> None:
    upload(page, server, ROOT / "samples" / "valid" / "99XA-2024.xbrl", lang="en")
    assert page.locator("section.lang-en .verdict").inner_text().strip() == "Accepted"
    assert not page.locator("section.lang-nl").is_visible()
    big = ARTIFACTS / "too-big.xbrl"
    big.write_bytes(b" " * (3 * 1024 * 1024))
    try:
        upload(page, server, big)
    finally:
        big.unlink()
    alert = page.locator("[role=alert]")
    assert alert.is_visible() and "te groot" in alert.inner_text()
    page.screenshot(path=str(ARTIFACTS / "web-too-large.png"), full_page=True)


def test_a_workbook_is_checked_and_its_findings_name_their_cells(page, server: Server, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from mbo_xbrl.cli import cli

    upload(page, server, ROOT / "samples" / "invalid" / "MBO-W002-cell-not-convertible.xlsx")
    dutch = page.locator("section.lang-nl")
    assert dutch.locator(".verdict").inner_text().strip() == "Afgekeurd"
    finding = dutch.locator(".finding[data-code='MBO-W002']")
    assert finding.locator(".where").inner_text().startswith(
        "Waar: cel '07 Doel 1.2 indicatoren'!E7 · Realisatie 2024, Beroepsopleidende leerweg (bol), I1.2.01")
    assert "'12,5%' is geen getal" in finding.inner_text()
    page.screenshot(path=str(ARTIFACTS / "web-workbook-cell.png"), full_page=True)
    book = tmp_path / "99XB-2024-werkmap.xlsx"
    CliRunner().invoke(cli, ["workbook", "--filing", str(ROOT / "samples" / "valid" / "99XB-2024.xbrl"),
                             "--out", str(book)])
    upload(page, server, book)
    assert dutch.locator(".verdict").inner_text().strip() == "Goedgekeurd"


def test_the_result_prints_as_the_result_alone(page, server: Server) -> None:
    upload(page, server, ROOT / "samples" / "invalid" / "MBO-B002-budget-does-not-add-up.xbrl")
    dutch = page.locator("section.lang-nl")
    assert dutch.locator(".actions").is_visible() and dutch.locator(".print-hint").is_visible()
    page.emulate_media(media="print")
    try:
        assert not dutch.locator(".actions").is_visible() and not dutch.locator(".print-hint").is_visible()
        assert not dutch.locator("header a").is_visible()
        assert dutch.locator(".verdict").is_visible() and dutch.locator(".finding[data-code='MBO-B002']").first.is_visible()
        pdf = page.pdf(format="A4")  # what "save as PDF" in the print dialog gives
    finally:
        page.emulate_media(media="screen")
    assert pdf.startswith(b"%PDF-") and pdf.count(b"/Type /Page") >= 1
    (ARTIFACTS / "web-failing-print.pdf").write_bytes(pdf)


def test_a_long_result_leads_with_a_summary_per_rule_and_folds_the_parts(page, server: Server, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from mbo_xbrl.cli import cli

    out = tmp_path / "prefilled"
    assert CliRunner().invoke(cli, ["prefill", "--values", str(ROOT / "samples" / "prefill-register.csv"),
                                    "--out", str(out)]).exit_code == 0
    upload(page, server, sorted(out.glob("*.xbrl"))[0])  # pre-filled only: about 190 findings
    dutch = page.locator("section.lang-nl")
    rows = dutch.locator("table.summary tbody tr")
    assert rows.count() >= 5
    for n in range(rows.count()):
        code = rows.nth(n).get_attribute("data-code")
        count = int(rows.nth(n).locator("td").first.inner_text())
        assert count == dutch.locator(f".finding[data-code='{code}']").count(), code  # the summary counts them all
    parts = dutch.locator("details.part")
    assert parts.count() >= 2
    first_finding = parts.first.locator(".finding").first
    assert not first_finding.is_visible()  # folded
    page.screenshot(path=str(ARTIFACTS / "web-long-result.png"), full_page=True)
    parts.first.locator("summary").click()
    assert first_finding.is_visible()
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 27_000, height


def test_a_rendered_progress_section_reads_and_prints_in_the_browser(page, server: Server, tmp_path: Path) -> None:
    """The page `mbo-xbrl render` makes, as a reader sees it (the screenshot in docs/inline.md), printed on A4, and
    uploaded to the check page as a filing."""
    from mbo_xbrl.inline.render import render

    document = tmp_path / "99XB-2024-voortgangsparagraaf.xhtml"
    document.write_bytes(render((ROOT / "samples" / "valid" / "99XB-2024.xbrl").read_bytes()))
    page.goto(document.as_uri())
    assert page.locator("h1").inner_text().startswith("Voortgangsparagraaf Werkagenda mbo en Stagepact 2024")
    amount = page.locator("td.n").first
    assert amount.is_visible() and "." in amount.inner_text()  # 6.496.000: Dutch digit groups
    assert page.locator("div[style='display:none']").is_hidden()  # the ix:header is not shown
    page.set_viewport_size({"width": 900, "height": 1300})
    page.screenshot(path=str(ARTIFACTS / "inline-progress-section.png"))
    if os.environ.get("MBO_XBRL_UPDATE_DOCS"):  # the screenshot docs/inline.md shows, taken here
        shutil.copy(ARTIFACTS / "inline-progress-section.png", ROOT / "docs" / "images" / "inline-progress-section.png")
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") >= 3
    (ARTIFACTS / "inline-progress-section.pdf").write_bytes(pdf)
    page.set_viewport_size({"width": 1200, "height": 900})
    upload(page, server, document)
    assert page.locator("section.lang-nl .verdict").inner_text().strip() == "Goedgekeurd"


@pytest.fixture(scope="module")
def four_year_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small four-year sector (12 institutions, 2024-2027, with its merger and late correction) ingested, with
    the sector report and every institution's page written from it."""
    from mbo_xbrl.analysis.institution import write_institution_pages
    from mbo_xbrl.analysis.report import build_report, write_report
    from mbo_xbrl.ingestion import ingest
    from mbo_xbrl.store import open_store
    from mbo_xbrl.synthetic.sector import write_sector

    folder = tmp_path_factory.mktemp("four-year-pages")
    write_sector(folder / "sector", institution_count=12, years=(2024, 2025, 2026, 2027))
    ingest([folder / "sector"], str(folder / "store.duckdb"), workers=2)
    with open_store(str(folder / "store.duckdb")) as store:
        report = build_report(store)
    write_report(report, folder / "sector-report")
    write_institution_pages(report, folder / "institutions")
    return folder


def test_an_institutions_page_reads_in_the_browser_from_its_index(page, four_year_pages: Path) -> None:
    """From the index to an institution's page: a chart per indicator drawn, 'behind' marked, the path explained;
    the page prints on A4. Screenshots of the page and of one indicator in test-artifacts/ (and docs/analysis.md)."""
    page.goto((four_year_pages / "institutions" / "index.html").as_uri())
    assert page.locator("tbody tr").count() == 12
    page.locator("tbody a").first.click()
    assert page.url.endswith("/90AA.html")
    cards = page.locator("div.card")
    assert cards.count() > 20 and page.locator("div.card svg").count() == cards.count()
    first_chart = page.locator("div.card svg").first
    box = first_chart.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 80  # drawn, not collapsed
    behind = page.locator("td.behind")  # 'achter' stands out: its own colour, on every such cell
    assert behind.count() >= 1 and behind.count() == page.locator("td", has_text=re.compile("^achter$")).count()
    assert behind.first.evaluate("e => getComputedStyle(e).color") == "rgb(138, 75, 8)"
    assert "rechte lijn van de startwaarde" in page.locator("#method").inner_text()
    assert page.locator("#filings tbody tr").count() >= 4  # a filing per year, 2024-2027
    page.screenshot(path=str(ARTIFACTS / "institution-page.png"), full_page=False)
    years = [cards.nth(k).locator("tbody tr").count() for k in range(cards.count())]
    assert max(years) >= 3  # realisations over several years
    cards.nth(years.index(max(years))).screenshot(path=str(ARTIFACTS / "institution-indicator.png"))
    if os.environ.get("MBO_XBRL_UPDATE_DOCS"):
        shutil.copy(ARTIFACTS / "institution-indicator.png", ROOT / "docs" / "images" / "institution-indicator.png")
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") >= 3
    (ARTIFACTS / "institution-page.pdf").write_bytes(pdf)
    page.locator("a", has_text="Alle instellingen").click()
    assert page.url.endswith("/institutions/index.html")


def test_the_merged_institution_and_the_sectors_years_read_in_the_browser(page, four_year_pages: Path) -> None:
    index = (four_year_pages / "institutions" / "index.html").read_text("utf-8")
    absorbed = re.search(r'<a href="(\w+)\.html">\w+</a></td><td>[^<]*</td><td>2024, 2025</td>', index)
    assert absorbed, "one institution files for 2024 and 2025 only: it merged"
    page.goto((four_year_pages / "institutions" / f"{absorbed.group(1)}.html").as_uri())
    assert "Geen voortgangsrapportage over 2026, 2027" in page.locator("#summary").inner_text()
    page.goto((four_year_pages / "sector-report" / "index.html").as_uri())
    section = page.locator("section#realisation")
    assert section.locator("h2").inner_text() == "8. Voortgang over de jaren"
    assert section.locator("svg").first.is_visible()
    years = section.locator("table").first.locator("tbody tr td:first-child").all_inner_texts()
    assert years == ["2024", "2025", "2026", "2027"]
    section.screenshot(path=str(ARTIFACTS / "sector-progress.png"))


def test_the_overview_leads_to_an_institutions_page(page, server: Server) -> None:
    from tests.web.conftest import TOKEN

    page.goto(f"{server.url}/overview?token={TOKEN}")
    page.locator("a", has_text="99XA").click()
    assert "/institution/99XA" in page.url
    assert page.locator("h1").is_visible() and "Instelling 99XA" in page.locator("p.sub").inner_text()
    page.screenshot(path=str(ARTIFACTS / "overview-institution.png"))
    page.locator("a", has_text="Alle instellingen").click()
    assert "/overview" in page.url and page.locator("table").is_visible()
