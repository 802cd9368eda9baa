"""`mbo-xbrl workbook` and `mbo-xbrl convert`: the institution's workbook out, and back in as a filing."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import click

from mbo_xbrl.cli.options import format_option, lang_option, limits_from, write_whole
from mbo_xbrl.prefill import PrefillRegister
from mbo_xbrl.report.model import Report
from mbo_xbrl.report.render import reports_json, reports_text
from mbo_xbrl.version import __version__

LEFT_OUT = {"nl": "{n} feiten van de aanlevering hebben geen cel in de werkmap en zijn weggelaten, "
                  "bijvoorbeeld: {first}",
            "en": "{n} facts of the filing have no cell in the workbook and were left out, for example: {first}"}


@click.command()
@click.option("--values", "values", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The register of known values (CSV, docs/prefill.md): one workbook per institution and year, "
                   "or, with --filing, the cells to lock.")
@click.option("--filing", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="An existing filing (XBRL) to make the workbook of, to correct it.")
@click.option("--institution", help="An empty workbook for this institution (BRIN code), with --year.")
@click.option("--year", type=int, default=None, help="Only this reporting year (with --values); the reporting "
                                                     "year of an empty workbook (with --institution).")
@click.option("--name", "institution_name", default=None, help="The institution's name in an empty workbook.")
@click.option("--non-funded", is_flag=True, help="An empty workbook of a non-funded institution (its shorter form).")
@click.option("--out", required=True, type=click.Path(path_type=Path),
              help="The folder for the workbooks (with --values), or the workbook's file (.xlsx).")
@lang_option
def workbook(values: Path | None, filing: Path | None, institution: str | None, year: int | None,
             institution_name: str | None, non_funded: bool, out: Path, lang: str) -> None:
    """Make the workbook (.xlsx) an institution fills in instead of writing XBRL: the form of the
    taxonomy in questionnaire order, one sheet per section, pre-filled cells locked (docs/workbook.md).

    \b
    Examples:
        mbo-xbrl workbook --values samples/prefill-register.csv --out workbooks/ --year 2024
        mbo-xbrl workbook --filing samples/valid/99XB-2024.xbrl --out 99XB-2024-werkmap.xlsx
        mbo-xbrl workbook --institution 99XN --year 2024 --non-funded --out 99XN-2024-werkmap.xlsx
    """
    from mbo_xbrl.workbook import make

    given = [x for x in (filing, institution) if x is not None]
    if len(given) > 1 or (not given and values is None):
        raise click.UsageError("give --values, --filing or --institution (with --year)")
    register = PrefillRegister.read(values) if values else None
    if filing is not None:
        limits = limits_from(max_size=None, timeout=None, max_memory=None)  # the size limit: $MBO_XBRL_MAX_SIZE
        with filing.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)  # never read past the limit: past it, MBO-S006 says so
        made = make.from_filing(data, limits, register, lang)
        write_whole(out, made.data)
        if made.left_out:
            first = ", ".join(f"{f.concept} ({f.context})" for f in made.left_out[:3])
            click.echo(f"mbo-xbrl: {LEFT_OUT[lang].format(n=len(made.left_out), first=first)}", err=True)
        return
    if institution is not None:
        if year is None:
            raise click.UsageError("--institution needs --year")
        made = make.empty(institution, year, institution_name, not non_funded, lang)
        write_whole(out, made.data)
        return
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for item in make.from_register(register, year, lang):  # each written as soon as it is made
        write_whole(out / item.file_name(lang), item.data)
        count += 1
    click.echo(f"wrote {count} workbooks to {out}", err=True)


@click.command()
@click.argument("book", metavar="WORKBOOK", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The XBRL file to write.")
@format_option
@lang_option
@click.option("--max-size", type=click.IntRange(min=1), default=None, metavar="BYTES",
              help="Refuse workbooks larger than this (MBO-S006); what one unpacks to is held to four times it "
                   "(MBO-W001). Default: $MBO_XBRL_MAX_SIZE or 50 MB.")
def convert(book: Path, out: Path, fmt: str, lang: str, max_size: int | None) -> None:
    """Turn a filled-in workbook into the XBRL filing (written by the project's own writer).

    What cannot be converted (text in a number cell, a changed pre-filled cell, a sheet of another
    workbook, a formula without a saved result, a workbook with macros) is printed as findings, each
    with its sheet and cell, and no file is written (exit code 1). Then check the filing, or check
    the workbook directly: `mbo-xbrl check WORKBOOK.xlsx`.

    \b
    Example:
        mbo-xbrl convert 99XB-2024-werkmap.xlsx --out 99XB-2024.xbrl
    """
    from mbo_xbrl.catalogue import load_catalogue
    from mbo_xbrl.workbook.cells import own_findings
    from mbo_xbrl.workbook.convert import instance_of
    from mbo_xbrl.workbook.read import read_workbook

    started = time.perf_counter()
    limit = limits_from(max_size=max_size, timeout=None, max_memory=None).max_bytes
    report = Report(tool_version=__version__, catalogue_version=load_catalogue().catalogue_version, file=str(book))
    size = book.stat().st_size
    conversion = None
    if size > limit:
        from mbo_xbrl.rules.structure.s006_file_too_large import file_too_large

        report.findings = file_too_large.check(size, limit)
    else:
        data = book.read_bytes()
        report.sha256 = hashlib.sha256(data).hexdigest()
        conversion = read_workbook(data, limit)
        report.findings = own_findings(conversion)
        conversion.identify(report)
    report.seconds = round(time.perf_counter() - started, 3)
    if conversion is not None and not conversion.stopped and report.valid:
        write_whole(out, instance_of(conversion))
    elif out.exists():
        click.echo(f"mbo-xbrl: {out} is left as it was", err=True)
    click.echo(reports_json([report], lang) if fmt == "json" else reports_text([report], lang))
    raise SystemExit(0 if report.valid else 1)
