"""Committed generated files: write them, or check that the committed ones are current."""

from __future__ import annotations

from pathlib import Path

import click


def write_or_check(files: dict[str, bytes], out: Path, check: bool) -> None:
    """Write `files` (paths relative to `out`), or with `check` only report stale ones; exit 1 if stale."""
    if check:
        stale = [name for name, data in files.items()
                 if not (out / name).is_file() or (out / name).read_bytes() != data]
        for name in stale:
            click.echo(f"stale: {out / name}", err=True)
        raise SystemExit(1 if stale else 0)
    for name, data in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    click.echo(f"wrote {len(files)} files under {out}", err=True)
