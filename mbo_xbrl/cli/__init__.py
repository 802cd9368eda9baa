"""The `mbo-xbrl` command line: a thin layer over the library.

Exit codes: 0 nothing at error level; 1 at least one error-level finding; 2 the command could not
do its job (usage, missing file, internal failure), with a one-line reason (a traceback only
with --debug).
"""

from __future__ import annotations

import importlib
import sys

import click

from mbo_xbrl.version import __version__
from mbo_xbrl.errors import MboXbrlError

# name -> (module, attribute). Loaded when named: `mbo-xbrl check` does not pay for the report's
# or the store's imports, and can start its checking process first (see `main`).
COMMANDS = {
    "check": ("mbo_xbrl.cli.check", "check"),
    "facts": ("mbo_xbrl.cli.facts", "facts"),
    "ingest": ("mbo_xbrl.cli.ingest", "ingest_command"),
    "export": ("mbo_xbrl.cli.export", "export"),
    "report": ("mbo_xbrl.cli.report", "report"),
    "prefill": ("mbo_xbrl.cli.prefill", "prefill"),
    "workbook": ("mbo_xbrl.cli.workbook", "workbook"),
    "convert": ("mbo_xbrl.cli.workbook", "convert"),
    "render": ("mbo_xbrl.cli.render", "render"),
    "sample-sector": ("mbo_xbrl.cli.sector", "sample_sector"),
    "serve": ("mbo_xbrl.cli.serve", "serve"),
    "rules": ("mbo_xbrl.cli.rules", "rules"),
    "catalogue": ("mbo_xbrl.cli.catalogue", "catalogue"),
}


class _Commands(click.Group):
    """The subcommands, each imported only when it is run or listed in --help."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attribute = COMMANDS[name]
        return getattr(importlib.import_module(module), attribute)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mbo-xbrl")
@click.option("--debug", is_flag=True, help="Show the traceback when the command fails.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Check and load mbo institutions' XBRL progress filings (Werkagenda mbo, Stagepact)."""
    ctx.obj = {"debug": debug}


def _command_named(args: list[str]) -> str | None:
    """The subcommand in the arguments (the first word that is not an option of the group)."""
    return next((a for a in args if not a.startswith("-")), None)


def main() -> None:
    """Entry point: run the group, and turn every failure into exit 2 with one line on stderr."""
    debug = "--debug" in sys.argv[1:]
    if _command_named(sys.argv[1:]) == "check" and not {"-h", "--help"} & set(sys.argv[1:]):
        from mbo_xbrl.sandbox import prestart

        prestart()  # its checking process loads while this one loads the command
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
