"""Options shared by several commands, defined once."""

from __future__ import annotations

from pathlib import Path

import click

format_option = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                             show_default=True, help="Output format on stdout.")
lang_option = click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
                           help="Language of messages and labels.")


def split_codes(values: tuple[str, ...]) -> list[str]:
    """`--select MBO-B --select MBO-C001,MBO-C002` -> ['MBO-B', 'MBO-C001', 'MBO-C002']."""
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def limit_options(command):
    """--max-size, --timeout and --max-memory: the limits per file (docs/operations.md), defined once."""
    command = click.option("--max-memory", type=click.IntRange(min=64), default=None, metavar="MB",
                           help="Memory cap of the process that checks one file (MBO-S007). "
                                "Default: $MBO_XBRL_MAX_MEMORY or 2048.")(command)
    command = click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None, metavar="SECONDS",
                           help="Time limit per file (MBO-S007). Default: $MBO_XBRL_TIMEOUT or 120.")(command)
    return click.option("--max-size", type=click.IntRange(min=1), default=None, metavar="BYTES",
                        help="Refuse files larger than this (MBO-S006). Default: $MBO_XBRL_MAX_SIZE or 50 MB.")(command)


def limits_from(*, max_size: int | None, timeout: float | None, max_memory: int | None):
    """The limits from the environment, with the options that were given."""
    from mbo_xbrl.limits import Limits

    return Limits.from_env().with_options(max_bytes=max_size, seconds=timeout, memory_mb=max_memory)


def write_whole(path: Path, data: bytes) -> None:
    """Write a whole file or nothing (`mbo_xbrl.whole_file`), and print its path."""
    from mbo_xbrl.whole_file import write_whole as write

    click.echo(str(write(path, data)))
