"""A workbook's package, inspected before any spreadsheet code reads it (MBO-W001).

An .xlsx file is a zip of XML parts. Before openpyxl sees it, the package is read here entry by entry
(the central directory, then each part streamed through zlib with a cap): refused are old or
encrypted files (an OLE container), macros, links to other workbooks and data connections, a
DOCTYPE or entity declaration in any XML part, more parts than a workbook of the form has, and
parts that unpack beyond the limit or far beyond their packed size (zip bombs). Nothing outside
the file is read: the package is inspected in memory.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass

from mbo_xbrl.report.model import Finding
from mbo_xbrl.rules.workbook.w001_workbook_refused import workbook_refused

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old .xls, or an encrypted .xlsx
MAX_PARTS = 1_000
MAX_PART = 16 << 20  # one part unpacked: a sheet of the form is at most a few hundred kilobytes
MAX_RATIO = 200  # deflate reaches about 1000:1 at best; a sheet of the form packs about 10:1
_MACRO = re.compile(r"(^|/)vbaProject[^/]*\.bin$|(^|/)vbaData\.xml$|^xl/activeX/", re.IGNORECASE)
_EXTERNAL = re.compile(r"^xl/(externalLinks|connections\.xml|queryTables|pivotCache|customData)", re.IGNORECASE)
_MACRO_TYPES = (b"macroEnabled", b"vbaProject", b"ms-office.activeX", b"oleObject")
_DECLARATION = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


@dataclass(frozen=True)
class PackageLimits:
    max_unpacked: int  # bytes, all parts together

    @classmethod
    def for_file_limit(cls, max_bytes: int) -> PackageLimits:
        return cls(max_unpacked=max(4 * max_bytes, 1 << 20))


def is_workbook(data: bytes, name: str = "") -> bool:
    """A file named .xlsx/.xlsm/.xls (then inspected, and refused if it is none), or a zip package with a workbook
    part whatever its name. Another zip (a package, a zipped filing) is checked as the XBRL file it claims to be."""
    if name.lower().endswith((".xlsx", ".xlsm", ".xls")):
        return True
    if data[:4] != ZIP_MAGIC:
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:  # reads the central directory only
            return "xl/workbook.xml" in package.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


@dataclass
class Inspected:
    findings: list[Finding]  # why the package is refused (one finding), or nothing
    formulas: bool = False  # whether a sheet holds a formula (else the workbook is read once, not twice)


def _refused(kind: str, **fields: object) -> Inspected:
    return Inspected(workbook_refused.check(kind, **fields))


def inspect(data: bytes, limits: PackageLimits) -> Inspected:
    """Why the package is refused, or nothing when it may be opened as a workbook, and whether it has formulas."""
    if data[:8] == OLE_MAGIC:
        return _refused("encrypted")
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        entries = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return _refused("not_a_workbook")
    if len(entries) > MAX_PARTS:
        return _refused("too_many_parts", parts=len(entries), limit=MAX_PARTS)
    names = {e.filename for e in entries}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        return _refused("not_a_workbook")
    for entry in entries:
        if _MACRO.search(entry.filename):
            return _refused("macros", part=entry.filename)
        if _EXTERNAL.match(entry.filename):
            return _refused("external", part=entry.filename)
        if entry.flag_bits & 0x1:
            return _refused("encrypted")
    total = 0
    formulas = False
    for entry in entries:
        read = _read_part(package, entry, limits.max_unpacked - total, limits.max_unpacked)
        if isinstance(read, Finding):
            return Inspected([read])
        total += len(read)
        if entry.filename.endswith((".xml", ".rels")) or entry.filename == "[Content_Types].xml":
            if _DECLARATION.search(read):
                return _refused("entities", part=entry.filename)
            if entry.filename == "[Content_Types].xml" and any(t in read for t in _MACRO_TYPES):
                return _refused("macros", part=entry.filename)
            if entry.filename.endswith(".rels") and b"TargetMode=\"External\"" in read and (
                    b"/externalLink" in read or b"/oleObject" in read or b"/attachedTemplate" in read):
                return _refused("external", part=entry.filename)
            if entry.filename.startswith("xl/worksheets/") and (b"<f>" in read or b"<f " in read or b":f>" in read):
                formulas = True
    return Inspected([], formulas)


def _read_part(package: zipfile.ZipFile, entry: zipfile.ZipInfo, room: int, total: int) -> bytes | Finding:
    """A part's bytes, read in chunks and stopped as soon as it unpacks past the room left or the ratio."""
    limit = min(room, MAX_PART, max(entry.compress_size, 1) * MAX_RATIO + (1 << 16))
    chunks: list[bytes] = []
    size = 0
    try:
        with package.open(entry) as stream:
            while chunk := stream.read(1 << 16):
                size += len(chunk)
                if size > room:
                    return workbook_refused.check("too_large", limit=total, part=entry.filename)[0]
                if size > MAX_PART:
                    return workbook_refused.check("part_too_large", limit=MAX_PART, part=entry.filename)[0]
                if size > limit:
                    return workbook_refused.check("compression", ratio=MAX_RATIO, part=entry.filename)[0]
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
        return workbook_refused.check("damaged", part=entry.filename)[0]
    return b"".join(chunks)
