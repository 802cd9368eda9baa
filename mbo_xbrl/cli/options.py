"""Options shared by several commands, defined once."""

from __future__ import annotations

import click

format_option = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                             show_default=True, help="Output format on stdout.")
lang_option = click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
                           help="Language of messages and labels.")


def split_codes(values: tuple[str, ...]) -> list[str]:
    """`--select MBO-B --select MBO-C001,MBO-C002` -> ['MBO-B', 'MBO-C001', 'MBO-C002']."""
    return [code.strip() for value in values for code in value.split(",") if code.strip()]
