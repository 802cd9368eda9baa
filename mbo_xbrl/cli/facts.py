"""`mbo-xbrl facts FILE`: the tidy facts the engine reads from one filing."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import click

from mbo_xbrl.limits import Limits
from mbo_xbrl.parsing.filing import read_filing
from mbo_xbrl.parsing.tidy import fact_columns, fact_rows
from mbo_xbrl.rules.precheck import precheck
from mbo_xbrl.inline.read import is_inline
from mbo_xbrl.workbook.package import is_workbook


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
def facts(file: Path, fmt: str) -> None:
    """Print one row per fact: concept, context, indicator, objective, measure, value kind, period,
    value, unit, decimals and one column per breakdown.

    The file is read, not validated: run `mbo-xbrl check` for the verdict. A file that is not a
    readable XBRL instance of the mbo taxonomy gives exit code 1 and the reason on stderr. A workbook
    (.xlsx, docs/workbook.md) gives the facts of the filing it converts to; an Inline XBRL document (.xhtml,
    .html, or a report package .zip, docs/inline.md) the facts it tags, as an XBRL processor reads them.

    \b
    Example:
        mbo-xbrl facts samples/valid/99XB-2024.xbrl > facts.csv
        mbo-xbrl facts --format json samples/valid/99XB-2024.xbrl
    """
    limits = Limits.from_env()
    limit = limits.max_bytes
    too_large = file.stat().st_size > limit
    data = b"" if too_large else file.read_bytes()
    if not too_large and is_workbook(data, file.name):
        data = _converted(file, data, limit)
    target = None
    if not too_large and is_inline(data, file.name):
        target = _extracted(file, data, limits)
        data = target.data
    pre = None if too_large else precheck(data, limits)
    if pre is None or pre.raw is None or pre.stopped_at is not None:
        blocking = pre.findings[:1] if pre is not None and pre.findings else []
        reason = blocking[0].message("en") if blocking else f"the file is larger than {limit} bytes"
        click.echo(f"mbo-xbrl: {file}: not a readable XBRL instance of the mbo taxonomy: {reason}", err=True)
        raise SystemExit(1)
    filing = read_filing(pre.raw)  # through the catalogue of the release its schemaRef names
    if target is not None:  # an Inline XBRL document's facts: their lines are those of the tagged elements
        filing.facts = [replace(f, line=(target.place(f.line) or (None,))[0]) for f in filing.facts]
    catalogue = filing.catalogue
    rows = fact_rows(filing)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fact_columns(catalogue), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    click.echo(buffer.getvalue(), nl=False)


def _extracted(file: Path, data: bytes, limits: Limits):
    """The instance an Inline XBRL document stands for (its facts as Arelle reads them); exit 1 with the first
    reason when it is none."""
    from mbo_xbrl.inline.read import open_inline
    from mbo_xbrl.taxonomy.processor import XbrlProcessor

    opened = open_inline([data], limits, XbrlProcessor.shared())
    if opened.target is None:
        first = next((f for f in opened.findings if f.severity.value == "error"), None)
        reason = first.message("en") if first else "it could not be read"
        click.echo(f"mbo-xbrl: {file}: not a readable Inline XBRL document of the mbo taxonomy: {reason}", err=True)
        raise SystemExit(1)
    return opened.target


def _converted(file: Path, data: bytes, limit: int) -> bytes:
    """The instance a workbook converts to; exit 1 with the first reason when it cannot be converted."""
    from mbo_xbrl.workbook.convert import instance_of
    from mbo_xbrl.workbook.read import read_workbook

    conversion = read_workbook(data, limit)
    errors = [f for f in conversion.findings if f.severity.value == "error"]
    if conversion.stopped or errors:
        click.echo(f"mbo-xbrl: {file}: the workbook cannot be converted: {errors[0].message('en')}", err=True)
        raise SystemExit(1)
    return instance_of(conversion)
