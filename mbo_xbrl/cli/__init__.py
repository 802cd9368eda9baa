"""The `mbo-xbrl` command line: a thin layer over the library.

Exit codes: 0 nothing at error level; 1 at least one error-level finding; 2 the command could not
do its job (usage, missing file, internal failure), with a one-line reason (a traceback only
with --debug).
"""

from __future__ import annotations

import sys

import click

from mbo_xbrl import __version__
from mbo_xbrl.cli.catalogue import catalogue
from mbo_xbrl.cli.check import check
from mbo_xbrl.cli.export import export
from mbo_xbrl.cli.facts import facts
from mbo_xbrl.cli.ingest import ingest_command
from mbo_xbrl.cli.prefill import prefill
from mbo_xbrl.cli.report import report
from mbo_xbrl.cli.rules import rules
from mbo_xbrl.cli.serve import serve
from mbo_xbrl.cli.sector import sample_sector
from mbo_xbrl.errors import MboXbrlError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mbo-xbrl")
@click.option("--debug", is_flag=True, help="Show the traceback when the command fails.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Check and load mbo institutions' XBRL progress filings (Werkagenda mbo, Stagepact)."""
    ctx.obj = {"debug": debug}


cli.add_command(check)
cli.add_command(catalogue)
cli.add_command(facts)
cli.add_command(rules)
cli.add_command(ingest_command)
cli.add_command(export)
cli.add_command(prefill)
cli.add_command(sample_sector)
cli.add_command(report)
cli.add_command(serve)


def main() -> None:
    """Entry point: run the group, and turn every failure into exit 2 with one line on stderr."""
    debug = "--debug" in sys.argv[1:]
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("mbo-xbrl: interrupted", err=True)
        sys.exit(2)
    except click.ClickException as err:
        err.show()
        sys.exit(2)
    except MboXbrlError as err:
        if debug:
            raise
        click.echo(f"mbo-xbrl: {err}", err=True)
        sys.exit(2)
    except SystemExit:
        raise
    except Exception as err:  # a bug: still one line, unless --debug
        if debug:
            raise
        click.echo(f"mbo-xbrl: internal error: {err or 'no reason given'} (run with --debug for details)", err=True)
        sys.exit(2)
