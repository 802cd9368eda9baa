"""The web API and its limits, against a real server: same JSON as the CLI, hostile uploads refused, server up."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import threading
import time
import urllib.error
import urllib.request
import uuid
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from mbo_xbrl.cli import cli
from tests.conftest import ROOT
from tests.test_unattended import assert_all_gone, descendants
from tests.web.conftest import TOKEN, Server, _arelle_server, free_port

VALID = ROOT / "samples" / "valid" / "99XB-2024.xbrl"
INVALID = ROOT / "samples" / "invalid"


def post_file(url: str, name: str, data: bytes, headers: dict[str, str] | None = None,
              field: str = "file") -> tuple[int, bytes]:
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\n"
            "Content-Type: application/xml\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": f"multipart/form-data; boundary={boundary}", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def still_up(server: Server) -> bool:
    return get(server.url + "/healthz") == (200, b"ok")


def test_api_returns_exactly_the_json_of_the_command_line(server: Server, monkeypatch) -> None:
    for path, lang in ((VALID, "nl"), (INVALID / "MBO-C001-missing-target-value.xbrl", "en")):
        status, body = post_file(f"{server.url}/api/check?lang={lang}", path.name, path.read_bytes())
        assert status == 200
        monkeypatch.chdir(path.parent)  # the CLI names the file as given, the API as uploaded: the same here
        cli_json = CliRunner().invoke(cli, ["check", "--format", "json", "--lang", lang, path.name]).stdout
        assert json.loads(body) == json.loads(cli_json)
    assert json.loads(body)["reports"][0]["findings"][0]["code"] == "MBO-C001"
    finding = json.loads(body)["reports"][0]["findings"][0]
    words = f"{finding['message']} {finding['fix']} {finding['location']}"  # English on request
    assert "Streefwaarde" not in words and "target" in words.lower()
    assert finding["location"] == finding["location_en"] != finding["location_nl"]  # both kept for programs


def test_a_workbook_upload_gets_the_json_of_the_command_line_with_cells(server: Server, monkeypatch) -> None:
    path = INVALID / "MBO-W002-cell-not-convertible.xlsx"
    status, body = post_file(f"{server.url}/api/check", path.name, path.read_bytes())
    assert status == 200
    monkeypatch.chdir(path.parent)
    cli_json = CliRunner().invoke(cli, ["check", "--format", "json", path.name]).stdout
    assert json.loads(body) == json.loads(cli_json)
    finding = json.loads(body)["reports"][0]["findings"][0]
    assert finding["code"] == "MBO-W002" and finding["cell"] == "'07 Doel 1.2 indicatoren'!E7"


def test_an_inline_xbrl_upload_gets_the_json_of_the_command_line_with_elements(server: Server, tmp_path: Path,
                                                                              monkeypatch) -> None:
    from mbo_xbrl.inline.render import render
    from tests.inline.helpers import report_package

    document = render((INVALID / "MBO-B002-budget-does-not-add-up.xbrl").read_bytes())
    (tmp_path / "b002.xhtml").write_bytes(document)
    (tmp_path / "b002.zip").write_bytes(report_package(document))
    monkeypatch.chdir(tmp_path)
    for name in ("b002.xhtml", "b002.zip"):
        status, body = post_file(f"{server.url}/api/check", name, (tmp_path / name).read_bytes())
        assert status == 200
        cli_json = CliRunner().invoke(cli, ["check", "--format", "json", name]).stdout
        assert json.loads(body) == json.loads(cli_json)
        finding = json.loads(body)["reports"][0]["findings"][0]
        assert finding["code"] == "MBO-B002" and finding["element"] and finding["line"]


def test_a_missing_file_field_is_a_clear_400(server: Server) -> None:
    status, body = post_file(f"{server.url}/api/check", "x.xbrl", b"<x/>", field="other")
    assert status == 400 and json.loads(body)["error"] == "no_file"


def test_hostile_uploads_get_findings_or_refusals_and_the_server_stays_up(server: Server) -> None:
    schema_ref = VALID.read_text("utf-8")
    remote = schema_ref.replace("https://taxonomie.mbo-xbrl.nl/2024/entrypoints/mbo-vgr-2024.xsd",
                                "http://evil.example/steal.xsd")
    absolute = schema_ref.replace("https://taxonomie.mbo-xbrl.nl/2024/entrypoints/mbo-vgr-2024.xsd", "/etc/passwd")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("filing.xbrl", b"0" * (50 * 1024 * 1024))  # 50 MB that packs into ~50 KB
    cases = {
        "entities.xbrl": ((INVALID / "MBO-S005-doctype-or-entities.xbrl").read_bytes(), "MBO-S005"),
        "laughs.xbrl": (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">'
                        b']><x>&b;</x>', "MBO-S005"),
        "remote.xbrl": (remote.encode(), "MBO-S003"),
        "absolute.xbrl": (absolute.encode(), "MBO-S003"),
        "bomb.zip": (bomb.getvalue(), "MBO-S001"),
        "gzip.xbrl": (gzip.compress(VALID.read_bytes()), "MBO-S001"),
    }
    for name, (data, code) in cases.items():
        status, body = post_file(f"{server.url}/api/check", name, data)
        assert status == 200, name
        report = json.loads(body)["reports"][0]
        assert not report["valid"] and [f["code"] for f in report["findings"]][:1] == [code], name
        assert still_up(server)
    # over the size limit (2 MB here): refused with a clear message before any check
    status, body = post_file(f"{server.url}/api/check", "big.xbrl", b" " * (3 * 1024 * 1024))
    assert status == 413 and "te groot" in json.loads(body)["message"]
    status, page = post_file(f"{server.url}/?lang=en", "big.xbrl", b" " * (3 * 1024 * 1024))
    assert status == 413 and b"too large" in page
    assert still_up(server)
    status, body = post_file(f"{server.url}/api/check", VALID.name, VALID.read_bytes())
    assert status == 200 and json.loads(body)["reports"][0]["valid"]


def test_nothing_of_an_upload_is_kept(server: Server) -> None:
    """The server's temporary folders hold no trace of the file after the check."""
    import tempfile

    marker = f"NIETBEWAREN{uuid.uuid4().hex}"
    data = VALID.read_text("utf-8").replace("Vakcollege Verzonnen Veen (fictief)", marker).encode()
    before = set(Path(tempfile.gettempdir()).iterdir())
    assert post_file(f"{server.url}/api/check", "keep.xbrl", data)[0] == 200
    for path in set(Path(tempfile.gettempdir()).iterdir()) - before:
        if path.is_file():
            assert marker.encode() not in path.read_bytes()
        else:
            assert not any(marker.encode() in p.read_bytes() for p in path.rglob("*") if p.is_file())


def test_a_check_past_its_time_limit_is_stopped_the_upload_is_gone_and_the_server_goes_on(slow_server: Server) -> None:
    status, body = post_file(f"{slow_server.url}/api/check", VALID.name, VALID.read_bytes())
    report = json.loads(body)["reports"][0]
    assert status == 200 and not report["valid"]
    assert [(f["code"], f["args"]["problem"]) for f in report["findings"]] == [("MBO-S007", "time")]
    assert "0,2 seconden" in report["findings"][0]["message"]  # a Dutch decimal comma
    assert still_up(slow_server)
    assert list(slow_server.tmp.iterdir()) == []  # the killed worker left no copy of the upload
    # the worker was replaced: a file that never reaches Arelle is checked at once
    status, body = post_file(f"{slow_server.url}/api/check", "bad.xbrl", b"not xml at all")
    assert status == 200 and json.loads(body)["reports"][0]["findings"][0]["code"] == "MBO-S001"


def test_more_uploads_than_workers_are_asked_to_come_back(busy_server: Server) -> None:
    results: list[int] = []
    first = threading.Thread(target=lambda: results.append(
        post_file(f"{busy_server.url}/api/check", VALID.name, VALID.read_bytes())[0]))
    first.start()
    import time

    time.sleep(0.5)  # the first upload is now being checked by the only worker (Arelle: seconds)
    status, body = post_file(f"{busy_server.url}/api/check", VALID.name, VALID.read_bytes())
    assert status == 503 and "tegelijk" in json.loads(body)["message"]
    assert still_up(busy_server)
    first.join(120)
    assert results == [200]


def test_the_store_overview_needs_the_token(server: Server) -> None:
    assert get(server.url + "/overview")[0] == 401
    assert get(server.url + "/overview?token=wrong")[0] == 401
    status, page = get(server.url + "/overview", {"Authorization": f"Bearer {TOKEN}"})
    assert status == 200
    text = page.decode()
    assert "99XA" in text and "99XB" in text and "goedgekeurd" in text
    assert "volledigheid: 1" in text and "completeness" not in text  # rule families in Dutch
    assert "Vakcollege Verzonnen Veen" in text  # the institution's name beside its code
    status, page = get(f"{server.url}/overview?token={TOKEN}&lang=en")
    assert status == 200 and "rejected" in page.decode() and "completeness: 1" in page.decode()


def test_the_overview_links_each_institution_to_its_own_page_behind_the_token(server: Server) -> None:
    import html
    import re

    status, page = get(f"{server.url}/overview?token={TOKEN}&lang=en")
    links = dict((code, html.unescape(href)) for href, code in re.findall(r'<a href="([^"]+)">(\w+)</a>', page.decode()))
    assert {"99XA", "99XB"} <= set(links) and links["99XA"] == f"/institution/99XA?token={TOKEN}&lang=en"
    status, own = get(server.url + links["99XA"])
    text = own.decode()
    assert status == 200 and 'lang="en"' in text and "Institution 99XA" in text and 'id="i-I1.2.01"' in text
    assert f'href="/overview?token={TOKEN}&amp;lang=en"' in text  # back to the overview, the token carried on
    assert get(f"{server.url}/institution/99XA")[0] == 401 and get(f"{server.url}/institution/99XA?token=x")[0] == 401
    status, own = get(f"{server.url}/institution/99XA", {"Authorization": f"Bearer {TOKEN}"})
    assert status == 200 and "token=" not in own.decode()  # a token from a header is never written into a page
    assert get(f"{server.url}/institution/NOPE?token={TOKEN}")[0] == 404


def test_without_a_token_configured_there_is_no_overview(slow_server: Server) -> None:
    assert get(slow_server.url + "/overview?token=anything")[0] == 404
    assert get(slow_server.url + "/institution/99XA?token=anything")[0] == 404


def _upload_in_background(server: Server, data: bytes | None = None) -> tuple[threading.Thread, list]:
    answers: list = []
    data = VALID.read_bytes() if data is None else data
    thread = threading.Thread(target=lambda: answers.append(
        _post_or_error(f"{server.url}/api/check", VALID.name, data)), daemon=True)
    thread.start()
    return thread, answers


def _post_or_error(url: str, name: str, data: bytes):
    try:
        return post_file(url, name, data)
    except OSError as err:  # the server was killed under it
        return err


def _busy_worker(server: Server) -> int:
    """The one worker process, once it is busy with the upload (its CPU time has grown by a fifth of a second)."""
    workers = [pid for pid in descendants(server.process.pid) if b"mbo_xbrl.sandbox" in _cmdline(pid)]
    assert len(workers) == 1
    start = _cpu_ticks(workers[0])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if _cpu_ticks(workers[0]) - start >= 20:  # clock ticks of 10 ms: it is checking
            return workers[0]
        time.sleep(0.02)
    raise AssertionError("the worker did not take the upload")


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def test_a_worker_that_dies_mid_check_gives_a_report_saying_so_and_leaves_nothing(busy_server: Server) -> None:
    from mbo_xbrl.synthetic.large import large_filing

    assert post_file(f"{busy_server.url}/api/check", VALID.name, VALID.read_bytes())[0] == 200  # the worker is set up
    thread, answers = _upload_in_background(busy_server, large_filing(5_000))  # seconds of Arelle
    os.kill(_busy_worker(busy_server), signal.SIGKILL)
    thread.join(60)
    status, body = answers[0]
    assert status == 200, body
    report = json.loads(body)["reports"][0]
    assert status == 200 and not report["valid"] and report["problems"][0]["kind"] == "stopped"
    assert "onverwacht" in report["problems"][0]["message"] and "Error" not in body.decode()
    assert list(busy_server.tmp.iterdir()) == []
    assert still_up(busy_server)
    status, body = post_file(f"{busy_server.url}/api/check", "bad.xbrl", b"not xml at all")  # a new worker
    assert status == 200 and json.loads(body)["reports"][0]["findings"][0]["code"] == "MBO-S001"


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_a_server_stopped_mid_check_leaves_no_process_and_no_upload(tmp_path: Path, how: signal.Signals) -> None:
    server = _arelle_server(tmp_path, timeout=60)
    try:
        thread, _ = _upload_in_background(server)
        _busy_worker(server)
        processes = descendants(server.process.pid)
        server.process.send_signal(how)
        server.process.wait(30)
        thread.join(30)
        assert_all_gone(processes)
        assert list(server.tmp.iterdir()) == []
    finally:
        if server.process.poll() is None:
            server.process.kill()


def _alert(page: bytes) -> tuple[str, str]:
    """The page's language and the text of its alert, read from the rendered HTML."""
    from lxml import html

    tree = html.fromstring(page)
    return tree.get("lang"), " ".join(tree.xpath("string(//*[@role='alert'])").split())


def test_error_pages_are_dutch_with_english_on_request_and_the_api_answers_json(server: Server) -> None:
    from mbo_xbrl.web.labels import WEB

    for path, status, key in (("/no-such-page", 404, "http_404"), ("/overview?token=wrong", 401, "http_401")):
        for lang in ("nl", "en"):
            joined = "&" if "?" in path else "?"
            got, page = get(f"{server.url}{path}{joined}lang={lang}" if lang == "en" else server.url + path)
            assert got == status
            assert _alert(page) == (lang, WEB[lang][key]), (path, lang)
    request = urllib.request.Request(server.url + "/healthz", data=b"x", method="POST")
    try:
        urllib.request.urlopen(request, timeout=30)
        raise AssertionError("POST /healthz was accepted")
    except urllib.error.HTTPError as err:
        assert err.code == 405 and _alert(err.read()) == ("nl", WEB["nl"]["http_405"])
    status, body = get(server.url + "/api/nothing?lang=en")
    assert status == 404 and json.loads(body)["message"] == WEB["en"]["http_404"]


def test_each_request_is_logged_in_one_line_without_its_query_or_a_token(server: Server) -> None:
    marker = uuid.uuid4().hex
    assert get(f"{server.url}/overview?token={TOKEN}")[0] == 200
    assert get(f"{server.url}/{marker}?token={TOKEN}")[0] == 404
    assert post_file(server.url + "/api/check", VALID.name, VALID.read_bytes())[0] == 200
    deadline = time.monotonic() + 10
    while f"/{marker}" not in server.log() and time.monotonic() < deadline:
        time.sleep(0.1)
    lines = server.log().splitlines()
    assert any(f'"GET /{marker}" 404 ' in line for line in lines)
    assert any('"GET /overview" 200 ' in line for line in lines)
    assert any('"POST /api/check" 200 ' in line for line in lines)
    assert TOKEN not in server.log() and "InstitutionName" not in server.log()


def test_a_fault_of_ours_is_a_plain_500_page_and_its_traceback_goes_to_the_log(tmp_path: Path) -> None:
    from mbo_xbrl.web.labels import WEB

    broken_store = f"postgresql://nobody@127.0.0.1:{free_port()}/none"  # nothing listens there
    running = Server(["--store", broken_store], dict(os.environ, MBO_XBRL_WEB_TOKEN=TOKEN,
                                                     XDG_CONFIG_HOME=str(tmp_path / "home")))
    try:
        status, page = get(f"{running.url}/overview?token={TOKEN}&lang=en")
        assert status == 500
        assert _alert(page) == ("en", WEB["en"]["http_500"])
        assert "Traceback" not in page.decode() and "postgresql" not in page.decode()
        assert still_up(running)
        log = running.log()
        assert "GET /overview failed" in log and "Traceback" in log  # for the operator
        assert TOKEN not in log
    finally:
        running.stop()


def test_the_page_says_a_filing_is_a_non_funded_institutions(server) -> None:
    sample = ROOT / "samples" / "valid" / "99XN-2024.xbrl"
    status, body = post_file(f"{server.url}/", sample.name, sample.read_bytes())
    page = body.decode("utf-8")
    assert status == 200 and "niet-bekostigde instelling" in page and "non-funded institution" in page
    status, body = post_file(f"{server.url}/", VALID.name, VALID.read_bytes())
    assert status == 200 and "niet-bekostigde" not in body.decode("utf-8")
