"""`mbo-xbrl export`: a table out of the store, as CSV or Parquet."""

from __future__ import annotations

from pathlib import Path

import click

from mbo_xbrl.cli.ingest import store_option
from mbo_xbrl.store import TABLES, open_store


@click.command()
@click.option("--table", "table", required=True, type=click.Choice([t.name for t in TABLES]))
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet"]), default="csv", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The file to write.")
@click.option("--all", "all_rows", is_flag=True, help="Include history: superseded and rejected filings' rows.")
@store_option
def export(table: str, fmt: str, out: Path, all_rows: bool, store: str | None) -> None:
    """Write a table of the store to a file: the current rows, or with --all the history too.

    \b
    Example:
        mbo-xbrl export --table indicator_values --out indicators.csv
        mbo-xbrl export --table budgets --format parquet --out budgets.parquet --all
    """
    with open_store(store) as opened:
        frame = opened.table(table, current=not all_rows)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        frame.to_csv(out, index=False)
    else:
        import duckdb

        connection = duckdb.connect()
        connection.register("frame", frame)
        connection.execute(f"COPY frame TO '{str(out).replace(chr(39), chr(39) * 2)}' (FORMAT PARQUET)")
        connection.close()
    click.echo(f"wrote {len(frame)} rows of {table} to {out}", err=True)
