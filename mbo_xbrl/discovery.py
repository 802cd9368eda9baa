"""Which files a command was given: files as named, folders searched recursively for filings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

FILING_SUFFIXES = {".xbrl", ".xml", ".xlsx", ".xlsm",  # workbooks: docs/workbook.md
                   ".xhtml", ".html", ".htm", ".zip", ".xbri"}  # Inline XBRL and report packages: docs/inline.md


@dataclass
class Discovered:
    files: list[Path] = field(default_factory=list)  # in the order given, each folder's filings sorted; no repeats
    missing: list[Path] = field(default_factory=list)  # neither a file nor a folder
    empty: list[Path] = field(default_factory=list)  # folders without a filing (FILING_SUFFIXES)


def discover(paths: list[Path]) -> Discovered:
    """Files as given; folders searched recursively for filings and workbooks (FILING_SUFFIXES), sorted;
    each file once."""
    out = Discovered()
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FILING_SUFFIXES)
            if not found:
                out.empty.append(path)
        elif path.is_file():
            found = [path]
        else:
            out.missing.append(path)
            continue
        for file in found:
            if file.resolve() not in seen:
                seen.add(file.resolve())
                out.files.append(file)
    return out
