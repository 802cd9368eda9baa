"""Hostile and broken workbooks are refused with one clear finding (MBO-W001), before any spreadsheet code
reads them, within the size limit, and nothing outside the file is read."""

from __future__ import annotations

import io
import zipfile

import pytest

from mbo_xbrl.catalogue import load_catalogue
from mbo_xbrl.synthetic.workbooks import filled_workbook, with_macros

SHEET = "xl/worksheets/sheet8.xml"  # a sheet of the form (07 Doel 1.2 indicatoren)


@pytest.fixture(scope="module")
def book() -> bytes:
    return filled_workbook(load_catalogue())


def rezipped(book: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None,
             streamed: dict[str, object] | None = None) -> bytes:
    """The workbook's package with parts replaced or added (`streamed`: a part written chunk by chunk)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(book)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if streamed and info.filename in streamed:
                with target.open(info.filename, "w") as part:
                    for chunk in streamed[info.filename]():
                        part.write(chunk)
                continue
            target.writestr(info.filename, (replace or {}).get(info.filename, source.read(info.filename)))
        for name, data in (add or {}).items():
            target.writestr(name, data)
    return out.getvalue()


def refused(engine, data: bytes, name: str = "werkmap.xlsx") -> str:
    report = engine.check_bytes(data, name)
    assert [f.code for f in report.findings] == ["MBO-W001"], report.findings
    assert report.stopped_at == "workbook" and not report.valid and not report.problems
    finding = report.findings[0]
    assert finding.message_nl.startswith("De werkmap is niet gelezen: ") and finding.fix_nl
    return finding.args["problem"]


def test_a_zip_bomb_is_refused_as_soon_as_it_unpacks_too_far(book, engine) -> None:
    def zeros():  # 300 MB of zeros, about 300 KB packed
        for _ in range(300):
            yield b"\0" * (1 << 20)
    assert refused(engine, rezipped(book, streamed={SHEET: zeros})) in ("part_too_large", "compression")


def test_a_part_that_packs_far_better_than_any_sheet_is_a_zip_bomb(book, engine) -> None:
    assert refused(engine, rezipped(book, replace={SHEET: b" " * (8 << 20)})) == "compression"


def test_a_huge_sheet_is_refused(book, engine) -> None:
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n * 7919 % 100003}</v></c><c r="B{n}"><v>{n}.{n % 97}</v></c></row>'
                   for n in range(1, 400_001))
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             f'spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>').encode()
    assert len(sheet) > 16 << 20
    assert refused(engine, rezipped(book, replace={SHEET: sheet})) == "part_too_large"


def test_macros_are_refused_whatever_the_file_is_called(book, engine) -> None:
    assert refused(engine, with_macros(book), "werkmap.xlsm") == "macros"
    assert refused(engine, with_macros(book), "werkmap.xlsx") == "macros"


def test_links_to_other_workbooks_and_data_connections_are_refused(book, engine) -> None:
    link = (b'<?xml version="1.0"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<externalBook r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'
            b'</externalLink>')
    rels = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'externalLinkPath" Target="file:///etc/passwd" TargetMode="External"/></Relationships>')
    linked = rezipped(book, add={"xl/externalLinks/externalLink1.xml": link,
                                 "xl/externalLinks/_rels/externalLink1.xml.rels": rels})
    assert refused(engine, linked) == "external"
    connection = b'<?xml version="1.0"?><connections xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
    assert refused(engine, rezipped(book, add={"xl/connections.xml": connection})) == "external"


@pytest.mark.parametrize("part", [SHEET, "xl/sharedStrings.xml", "[Content_Types].xml"])
def test_a_doctype_or_entity_in_any_part_is_refused(book, engine, part) -> None:
    with zipfile.ZipFile(io.BytesIO(book)) as package:
        original = package.read(part) if part in package.namelist() else b'<?xml version="1.0"?><sst/>'
    declaration = b'<!DOCTYPE x [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>'
    hostile = declaration + original  # openpyxl writes parts without an XML declaration
    data = rezipped(book, replace={part: hostile}) if part != "xl/sharedStrings.xml" or part in _names(book) else \
        rezipped(book, add={part: hostile})
    assert refused(engine, data) == "entities"


def _names(book: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(book)) as package:
        return package.namelist()


def test_too_many_parts_are_refused(book, engine) -> None:
    extra = {f"xl/media/image{n}.png": b"x" for n in range(1001)}
    assert refused(engine, rezipped(book, add=extra)) == "too_many_parts"


@pytest.mark.parametrize("data, problem", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024, "encrypted"),  # an old .xls or an encrypted workbook
    (b"PK\x03\x04" + b"\0" * 200, "not_a_workbook"),  # a zip in name only
], ids=["ole", "broken-zip"])
def test_files_that_are_no_workbook_are_refused(engine, data, problem) -> None:
    assert refused(engine, data) == problem


def test_a_cut_off_workbook_is_refused_and_a_zip_is_a_workbook_only_when_it_holds_one(book, engine) -> None:
    assert refused(engine, book[: len(book) // 2]) == "not_a_workbook"
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as package:
        package.writestr("META-INF/taxonomyPackage.xml", b"<taxonomyPackage/>")
    report = engine.check_bytes(other.getvalue(), "package.zip")  # checked as the XBRL file it is not
    assert [f.code for f in report.findings] == ["MBO-S001"]
    renamed = engine.check_bytes(book, "filing.xbrl")  # a workbook under another name is still one
    assert renamed.valid and report.stopped_at == "file"


def test_a_damaged_part_is_refused(book, engine) -> None:
    damaged = bytearray(book)
    with zipfile.ZipFile(io.BytesIO(book)) as package:
        info = package.getinfo(SHEET)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    damaged[start + 10: start + 60] = b"\xff" * 50  # the deflate stream of one sheet
    assert refused(engine, bytes(damaged)) == "damaged"


def test_the_size_limit_holds_for_the_file_and_for_what_it_unpacks_to(book, engine, tmp_path) -> None:
    from mbo_xbrl.engine import Engine

    path = tmp_path / "werkmap.xlsx"
    path.write_bytes(book)
    assert [f.code for f in Engine(engine.processor, max_bytes=50_000).check(path).findings] == ["MBO-S006"]
    # packed within the limit, unpacked beyond four times it: refused while unpacking
    notes = "".join(f"<c><v>{n % 977}</v></c>" for n in range(150_000)).encode()
    padded = rezipped(book, add={"xl/notes.xml": notes})
    assert len(padded) < 400_000 < 4 * 400_000 < len(notes)
    path.write_bytes(padded)
    report = Engine(engine.processor, max_bytes=400_000).check(path)
    assert [(f.code, f.args["problem"]) for f in report.findings] == [("MBO-W001", "too_large")]
