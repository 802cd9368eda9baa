"""Hostile and broken files: a clear finding, nothing read that the filing points at, no traceback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from mbo_xbrl.engine import Engine
from tests.conftest import VALID_SAMPLES

ENTRY_POINT = "https://taxonomie.mbo-xbrl.nl/2024/entrypoints/mbo-vgr-2024.xsd"
SAMPLE = VALID_SAMPLES[1].read_text("utf-8")


def changed(text: str, old: str, new: str) -> str:
    """text with old replaced once by new; fails when old is not there (a test that changes nothing)."""
    assert old in text, old
    return text.replace(old, new, 1)


def codes(report) -> set[str]:
    return {f.code for f in report.findings}


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance">&lol9;</xbrli:xbrl>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!-- a comment first does not hide it -->
<!DOCTYPE x [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance">&secret;</xbrli:xbrl>
"""


@pytest.mark.parametrize("text", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external-entity"])
def test_doctype_and_entities_are_refused_before_parsing(text: str, engine: Engine) -> None:
    report = engine.check_bytes(text.encode(), "hostile.xbrl")
    assert codes(report) == {"MBO-S005"} and report.stopped_at == "file"


@pytest.mark.parametrize("data, problem", [
    (b"", "empty"),
    (b"  \n\t ", "empty"),
    (bytes(range(256)) * 4, "binary"),
    (SAMPLE.encode("utf-16"), "utf16"),
    (changed(SAMPLE, "encoding='UTF-8'", "encoding='ISO-8859-1'").encode("utf-8"), "encoding"),
    (changed(SAMPLE, "fictief", "fictief \xe9").encode("latin-1", errors="replace"), "not_utf8"),
    (SAMPLE.encode("utf-8")[:5000], "syntax"),
    (b"PK\x03\x04 not really a zip", "syntax"),
], ids=["empty", "blank", "binary", "utf16", "declared-latin1", "invalid-utf8", "truncated", "not-xml"])
def test_unreadable_files_get_one_s001_finding(data: bytes, problem: str, engine: Engine) -> None:
    report = engine.check_bytes(data, "broken.xbrl")
    assert [(f.code, f.args["problem"]) for f in report.findings] == [("MBO-S001", problem)]


def test_oversized_file_is_refused_without_being_read(tmp_path: Path, processor) -> None:
    big = tmp_path / "big.xbrl"
    with open(big, "wb") as handle:  # sparse: 60 MB that cost nothing to make
        handle.truncate(60 * 1024 * 1024)
    report = Engine(processor, max_bytes=50 * 1024 * 1024).check(big)
    assert codes(report) == {"MBO-S006"} and report.sha256 is None


def _with_reference(kind: str, target: str) -> str:
    if kind == "schemaRef":
        return changed(SAMPLE, ENTRY_POINT, target)
    if kind == "linkbaseRef":
        extra = f'<link:linkbaseRef xlink:type="simple" xlink:href="{target}" xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/>'
    elif kind == "schemaLocation":
        return changed(SAMPLE, "<xbrli:xbrl ", f'<xbrli:xbrl xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                                              f'xsi:schemaLocation="urn:x {target}" ')
    else:  # a footnote locator pointing at another document
        extra = (f'<link:footnoteLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">'
                 f'<link:loc xlink:type="locator" xlink:href="{target}#x" xlink:label="f"/></link:footnoteLink>')
    position = SAMPLE.index("<xbrli:context ")
    return SAMPLE[:position] + extra + "\n  " + SAMPLE[position:]


class _CountingServer:
    """A local TCP listener that counts connection attempts (the engine must make none)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/taxonomy.xsd"

    def _serve(self) -> None:
        while self.running:
            try:
                connection, _ = self.sock.accept()
                self.connections += 1
                connection.close()
            except OSError:
                continue

    def stop(self) -> None:
        self.running = False
        self.thread.join(2)
        self.sock.close()


@pytest.mark.parametrize("kind", ["schemaRef", "linkbaseRef", "schemaLocation", "footnote"])
def test_references_to_the_network_are_refused_and_never_followed(kind: str, engine: Engine) -> None:
    server = _CountingServer()
    try:
        report = engine.check_bytes(_with_reference(kind, server.url).encode(), "remote.xbrl")
    finally:
        server.stop()
    assert "MBO-S003" in codes(report) and report.stopped_at == "form"
    assert server.connections == 0


@pytest.mark.parametrize("kind", ["schemaRef", "linkbaseRef", "schemaLocation", "footnote"])
@pytest.mark.parametrize("form", ["path", "file-url"])
def test_references_to_local_files_are_refused_and_never_opened(kind: str, form: str, tmp_path: Path) -> None:
    """The reference points at a named pipe: opening it would block, so finishing proves it was not read."""
    fifo = tmp_path / "taxonomy.xsd"
    os.mkfifo(fifo)
    target = str(fifo) if form == "path" else fifo.as_uri()
    filing = tmp_path / "local.xbrl"
    filing.write_text(_with_reference(kind, target), "utf-8")
    result = subprocess.run([sys.executable, "-c", "from mbo_xbrl.cli import main; main()", "check", "--format",
                             "json", str(filing)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert '"MBO-S003"' in result.stdout and "Traceback" not in result.stderr


def test_xml_base_is_refused(engine: Engine) -> None:
    text = changed(SAMPLE, "<xbrli:xbrl ", '<xbrli:xbrl xml:base="file:///etc/" ')
    report = engine.check_bytes(text.encode(), "base.xbrl")
    assert "MBO-S003" in codes(report) and report.stopped_at == "form"


def test_command_line_gives_verdicts_not_tracebacks_on_a_folder_of_hostile_files(tmp_path: Path) -> None:
    files = {"laughs.xbrl": BILLION_LAUGHS.encode(), "entity.xbrl": EXTERNAL_ENTITY.encode(), "empty.xbrl": b"",
             "binary.xbrl": os.urandom(4096), "truncated.xbrl": SAMPLE.encode()[:3000],
             "remote.xbrl": _with_reference("schemaRef", "http://127.0.0.1:9/x.xsd").encode()}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    result = subprocess.run([sys.executable, "-c", "from mbo_xbrl.cli import main; main()", "check",
                             *sorted(map(str, tmp_path.iterdir()))], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout.count("AFGEKEURD") == len(files)


def test_arelle_reads_exactly_the_bytes_the_guards_checked_not_the_file_again(tmp_path: Path, processor) -> None:
    """A file swapped on disk after it was read must not reach Arelle: the guards (references, DOCTYPE,
    limits) vetted the bytes that were read, so Arelle gets those, from memory."""
    path = tmp_path / "filing.xbrl"
    original = VALID_SAMPLES[1].read_bytes()
    path.write_bytes(original)
    seen: list[tuple[str, bytes]] = []
    real = processor.validated

    def validated(target):
        seen.append((str(target), Path(target).read_bytes()))
        path.write_bytes(b"<swapped/>")  # too late to matter
        return real(target)

    engine = Engine(processor, fast_path=False)
    processor.validated = validated
    try:
        report = engine.check(path)
    finally:
        processor.validated = real
    assert [(t.startswith("/proc/"), data == original) for t, data in seen] == [(True, True)]
    assert report.valid and report.findings == []
