"""Inline XBRL in: the commands and the hostile-input guarantees, for XHTML documents and report packages."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from mbo_xbrl.cli import cli
from mbo_xbrl.inline.render import render
from mbo_xbrl.limits import Limits
from tests.conftest import ROOT, VALID_SAMPLES
from tests.inline.helpers import report_package
from tests.test_hostile_input import _CountingServer

SOURCE = VALID_SAMPLES[1]  # 99XB-2024
DOCUMENT = render(SOURCE.read_bytes())
TEXT = DOCUMENT.decode()
ENTRY_POINT = "https://taxonomie.mbo-xbrl.nl/2024/entrypoints/mbo-vgr-2024.xsd"


def changed(old: str, new: str, text: str = TEXT) -> bytes:
    assert old in text, old
    return text.replace(old, new, 1).encode()


def codes(report) -> set[str]:
    return {f.code for f in report.findings}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from mbo_xbrl.cli import main; main()", *args],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)


def test_check_facts_and_a_report_package_agree_with_the_instance(tmp_path: Path) -> None:
    document = tmp_path / "99XB-2024.xhtml"
    document.write_bytes(DOCUMENT)
    package = tmp_path / "99XB-2024.zip"
    package.write_bytes(report_package(DOCUMENT))
    result = run("check", "--format", "json", str(SOURCE), str(document), str(package))
    assert result.returncode == 0, result.stdout + result.stderr
    reports = json.loads(result.stdout)["reports"]
    assert [(r["valid"], r["findings"]) for r in reports] == [(True, [])] * 3
    assert {(r["institution"], r["report_year"]) for r in reports} == {("99XB", 2024)}
    rows = [json.loads(run("facts", "--format", "json", str(p)).stdout) for p in (SOURCE, document, package)]
    without_line = [sorted(json.dumps({k: v for k, v in r.items() if k != "line"}, sort_keys=True) for r in rs)
                    for rs in rows]
    assert without_line[0] == without_line[1] == without_line[2] and len(without_line[0]) == 341
    # the document's lines are those of its tagged elements
    first = rows[1][0]
    assert f'name="{first["concept"]}"' in TEXT.splitlines()[first["line"] - 1]


def test_a_finding_points_at_the_tagged_element_in_text_and_json(tmp_path: Path) -> None:
    failing = ROOT / "samples" / "invalid" / "MBO-V002-target-against-direction.xbrl"
    document = tmp_path / "v002.xhtml"
    document.write_bytes(render(failing.read_bytes()))
    result = run("check", "--format", "json", str(document))
    assert result.returncode == 0  # a warning: accepted
    finding = json.loads(result.stdout)["reports"][0]["findings"][0]
    assert finding["code"] == "MBO-V002" and finding["element"] and finding["line"]
    assert f'id="{finding["element"]}"' in document.read_text().splitlines()[finding["line"] - 1]
    text = run("check", "--verbose", str(document)).stdout
    assert f"id {finding['element']}" in text and "Streefwaarde 2027" in text


def test_ingest_loads_inline_documents_and_packages_from_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "99XB-2024.xhtml").write_bytes(DOCUMENT)
    (folder / "99XA-2024.zip").write_bytes(report_package(render(VALID_SAMPLES[0].read_bytes()), top="99XA"))
    (folder / "broken.html").write_bytes(DOCUMENT[: len(DOCUMENT) // 2])
    store = str(tmp_path / "store.duckdb")
    result = run("ingest", "--store", store, "--format", "json", str(folder))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    outcomes = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert {name: f["outcome"] for name, f in outcomes.items()} == {
        "99XB-2024.xhtml": "accepted", "99XA-2024.zip": "accepted", "broken.html": "rejected"}
    assert outcomes["broken.html"]["first_error"].startswith("MBO-S001")
    from mbo_xbrl.store import open_store

    with open_store(store) as opened:
        values = opened.table("indicator_values", current=False)
        assert set(values["institution"]) == {"99XA", "99XB"}


@pytest.mark.parametrize("document, code, layer", [
    (changed("<html ", '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<html '), "MBO-S005", "file"),
    (changed("</body>", "<p>&amp; <b>broken</p></body>"), "MBO-S001", "file"),
    (changed("<ix:header>", f'<ix:header><p xml:base="file:///etc/">x</p>'), "MBO-S003", "form"),
    (changed(f'xlink:href="{ENTRY_POINT}"', 'xlink:href="file:///etc/passwd"'), "MBO-S003", "form"),
    (changed("</ix:references>", '<link:linkbaseRef xlink:type="simple" xlink:href="../secret.xml" '
                                 'xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/></ix:references>'),
     "MBO-S003", "form"),
    (changed('<html xmlns="http://www.w3.org/1999/xhtml"', '<html xmlns="http://www.w3.org/1999/xhtml" ' +
             " ".join(f'data-a{i}="x"' for i in range(600))), "MBO-S008", "form"),
    ('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Jaarverslag</p></body></html>'.encode(),
     "MBO-S002", "form"),
    (changed('format="ixt:num-comma-decimal"', 'format="ixt:num-comma-decimal" data-x="y"').replace(
        b">6.496.000<", b">zes miljoen<"), "MBO-S004", "xbrl"),
    (changed('name="mbo-i:BudgetAmount"', 'name="mbo-i:NoSuchConcept"'), "MBO-S004", "xbrl"),
], ids=["doctype-entity", "not-well-formed", "xml-base", "local-schema-ref", "linkbase-ref", "attributes",
        "xhtml-without-inline", "transformation-fails", "unknown-concept"])
def test_a_broken_or_hostile_document_gets_one_clear_finding(document: bytes, code: str, layer: str, engine) -> None:
    report = engine.check_bytes(document, "hostile.xhtml")
    assert code in codes(report) and report.stopped_at == layer and report.problems == []
    assert all(f.message_nl and f.message_en for f in report.findings)


def test_a_document_with_a_script_and_remote_images_is_checked_and_nothing_is_fetched(engine) -> None:
    server = _CountingServer()
    try:
        document = changed("</body>", f'<script type="text/javascript">fetch("{server.url}")</script>'
                                      f'<p><img src="{server.url}" alt="logo"/></p></body>',
                           changed("</head>", f'<link rel="stylesheet" type="text/css" href="{server.url}"/></head>').decode())
        report = engine.check_bytes(document, "scripted.xhtml")
    finally:
        server.stop()
    assert server.connections == 0
    assert report.valid and report.problems == []  # the page's own references are never followed


def test_a_reference_to_a_local_file_is_never_opened(tmp_path: Path) -> None:
    """The schemaRef points at a named pipe: opening it would block, so finishing proves it was not read."""
    fifo = tmp_path / "taxonomy.xsd"
    os.mkfifo(fifo)
    document = tmp_path / "local.xhtml"
    document.write_bytes(changed(f'xlink:href="{ENTRY_POINT}"', f'xlink:href="{fifo.as_uri()}"'))
    result = run("check", "--format", "json", str(document))
    assert result.returncode == 1 and '"MBO-S003"' in result.stdout and "Traceback" not in result.stderr


def _zip(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as package:
        for name, data in entries.items():
            package.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("data, problem", [
    (_zip({"p/META-INF/reportPackage.json": b"{}"}), "package_empty"),
    (_zip({"p/reports/a.xhtml": DOCUMENT, "p/reports/b.xhtml": DOCUMENT}), "package_several"),
    (_zip({"p/reports/a.xhtml": b"<" * 30_000_000}), "package_bomb"),
    (b"PK\x03\x04" + b"\x00" * 200, "package_broken"),
    (_zip({"p/reports/a.xhtml": DOCUMENT})[:-40], "package_broken"),
], ids=["no-report", "two-reports", "zip-bomb", "not-a-zip", "cut-off"])
def test_a_report_package_that_cannot_be_read_says_why(data: bytes, problem: str, engine) -> None:
    report = engine.check_bytes(data, "package.zip")
    assert [(f.code, f.args.get("problem")) for f in report.findings] == [("MBO-S001", problem)]
    assert report.stopped_at == "file" and report.problems == []


def test_a_package_report_beyond_the_size_limit_is_not_unpacked(engine) -> None:
    from mbo_xbrl.engine import Engine

    small = Engine(engine.processor, max_bytes=100_000)
    report = small.check_bytes(report_package(DOCUMENT), "package.zip")
    assert [(f.code, f.args.get("problem")) for f in report.findings] == [("MBO-S001", "package_too_large")]
    assert len(DOCUMENT) > 100_000 > len(report_package(DOCUMENT))
    assert Limits().max_bytes > len(DOCUMENT)


def test_render_writes_nothing_for_a_file_that_is_no_filing(tmp_path: Path) -> None:
    out = tmp_path / "out.xhtml"
    result = run("render", str(ROOT / "samples" / "invalid" / "MBO-S003-unknown-entry-point.xbrl"), "--out", str(out))
    assert result.returncode == 2 and "not a readable XBRL instance" in result.stderr and not out.exists()
    assert len(result.stderr.strip().splitlines()) == 1  # one line, no traceback
    result = CliRunner().invoke(cli, ["render", str(SOURCE), "--out", str(out), "--lang", "en"])
    assert result.exit_code == 0 and out.read_bytes() == render(SOURCE.read_bytes(), "en")


def foreign_inline(document: bytes) -> bytes:
    """The rendered document as other Inline XBRL software writes one: another prefix for the concepts, the
    older transformation registry (ixt 2: numcommadecimal, booleantrue), amounts in thousands (scale 3),
    a narrative split over a continuation, nested markup inside a fact, and a fact in ix:hidden."""
    text = document.decode()
    text = text.replace('xmlns:mbo-i="', 'xmlns:vo="').replace('name="mbo-i:', 'name="vo:')
    text = text.replace("http://www.xbrl.org/inlineXBRL/transformation/2020-02-12",
                        "http://www.xbrl.org/inlineXBRL/transformation/2011-07-31")
    text = text.replace('format="ixt:num-comma-decimal"', 'format="ixt:numcommadecimal"')
    text = text.replace('format="ixt:fixed-true"', 'format="ixt:booleantrue"').replace(
        'format="ixt:fixed-false"', 'format="ixt:booleanfalse"')
    import re

    def thousands(match: re.Match) -> str:
        whole = match.group(2).replace(".", "")
        assert whole.endswith("000")
        return match.group(1).replace('scale="0"', 'scale="3"') + f"{int(whole) // 1000:,}".replace(",", ".") + "<"
    text, count = re.subn(r'(<ix:nonFraction [^>]*unitRef="EUR"[^>]*>)([\d.]+)<', thousands, text)
    assert count > 20
    narrative = re.search(r'(<ix:nonNumeric name="vo:ProgressNarrative"[^>]*)>([^<]+)</ix:nonNumeric>', text)
    first, rest = narrative.group(2).split(" ", 1)
    text = text.replace(narrative.group(0), f'{narrative.group(1)} continuedAt="c1"><b>{first}</b></ix:nonNumeric>'
                                            f'<ix:continuation id="c1"> {rest}</ix:continuation>')
    name = re.search(r'<ix:nonNumeric name="vo:InstitutionName"[^>]*>[^<]*</ix:nonNumeric>', text).group(0)
    text = text.replace(name, "").replace("<ix:references>", f"<ix:hidden>{name}</ix:hidden><ix:references>")
    return text.encode()


def test_an_inline_document_written_as_other_software_writes_it_gives_the_same_facts(engine, processor) -> None:
    from tests.inline.helpers import facts, inline_facts

    foreign = foreign_inline(DOCUMENT)
    assert b"ixt:numcommadecimal" in foreign and b'scale="3"' in foreign and b"ix:continuation" in foreign
    expected = [tuple((k, v.replace("mbo-i:", "vo:") if k == "concept" else v) for k, v in row)
                for row in facts(SOURCE.read_bytes())]
    assert inline_facts(foreign, processor) == sorted(expected)
    report = engine.check_bytes(foreign, "other-software.xhtml")
    assert report.valid and report.findings == [] and report.institution_name == "Vakcollege Verzonnen Veen (fictief)"


def test_a_file_is_read_as_what_it_is_whatever_its_name(engine) -> None:
    """An instance named .html is an instance; an Inline XBRL document named .xbrl, or one whose root carries a
    prefix (<xhtml:html>), is Inline XBRL."""
    instance = engine.check_bytes(SOURCE.read_bytes(), "filing.html")
    assert instance.valid and instance.xbrl_validation == "compiled-view"
    named = engine.check_bytes(DOCUMENT, "progress.xbrl")
    assert named.valid and named.xbrl_validation == "arelle"
    text = TEXT.replace('<html xmlns="http://www.w3.org/1999/xhtml"', '<xhtml:html xmlns:xhtml="http://www.w3.org/1999/xhtml"'
                        ' xmlns="http://www.w3.org/1999/xhtml"', 1).replace("</html>", "</xhtml:html>")
    prefixed = engine.check_bytes(text.encode(), "progress.xhtml")
    assert prefixed.valid and prefixed.xbrl_validation == "arelle", [f.message_en for f in prefixed.findings]
