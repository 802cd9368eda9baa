"""`mbo-xbrl render`: a filing as its Inline XBRL progress section (docs/inline.md)."""

from __future__ import annotations

from pathlib import Path

import click

from mbo_xbrl.cli.options import lang_option, limits_from, write_whole


@click.command()
@click.argument("filing", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The Inline XBRL document to write (.xhtml).")
@lang_option
def render(filing: Path, out: Path, lang: str) -> None:
    """Turn a filing (XBRL, any writer's) into its progress section (voortgangsparagraaf) as Inline XBRL 1.1:
    one XHTML page for the annual report and the machine, every value tagged, Dutch or English number
    formats, printable on A4. `check`, `facts`, `ingest` and the web page take it back as a filing.

    \b
    Example:
        mbo-xbrl render samples/valid/99XB-2024.xbrl --out 99XB-2024-voortgang.xhtml
    """
    from mbo_xbrl.inline.render import render as render_document

    limits = limits_from(max_size=None, timeout=None, max_memory=None)  # the size limit: $MBO_XBRL_MAX_SIZE
    with filing.open("rb") as handle:
        data = handle.read(limits.max_bytes + 1)  # never read past the limit: past it, MBO-S006 says so
    write_whole(out, render_document(data, lang, limits))
