"""The indicator store: schema and migrations, whole filings per transaction, tables as DataFrames."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any

from mbo_xbrl.store.backends import Backend, StoreError, connect, store_url
from mbo_xbrl.store.schema import FILING_TABLES, SCHEMA_VERSION, TABLE_BY_NAME, TABLES, Table

RETRIED_CODE = "MBO-S007"  # a rejection by a limit (time, memory) is not final: the next run checks again

# Upgrades from one schema version to the next: version -> statements that make it version + 1.
# Statements that bring a store from the version (key) to the next. A view over a table whose columns
# change is made again: PostgreSQL binds `SELECT t.*` to the columns the table had when the view was made.
def _current_view(table: str) -> str:
    return (f"CREATE VIEW current_{table} AS SELECT t.* FROM {table} t "
            "JOIN filings f ON f.filing_id = t.filing_id WHERE f.is_current")


MIGRATIONS: dict[int, list[str]] = {
    1: ["DROP VIEW current_findings",
        "ALTER TABLE findings ADD COLUMN location_nl VARCHAR",
        "ALTER TABLE findings ADD COLUMN location_en VARCHAR",
        "ALTER TABLE findings ADD COLUMN caused_by VARCHAR",
        _current_view("findings"),
        "DROP VIEW current_indicator_values",
        "ALTER TABLE indicator_values ADD COLUMN school_year BOOLEAN",  # a start value of 1 August - 31 July
        _current_view("indicator_values")],
    2: ["DROP VIEW current_filings",
        "ALTER TABLE filings ADD COLUMN taxonomy_release BIGINT",  # filings read before: the first release
        "ALTER TABLE filings ADD COLUMN funded BOOLEAN",
        "UPDATE filings SET taxonomy_release = 2024, funded = TRUE WHERE report_year IS NOT NULL",
        "CREATE VIEW current_filings AS SELECT * FROM filings WHERE is_current"],
}


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Store:
    """One store (DuckDB file or PostgreSQL database), opened for reading or for one ingest."""

    def __init__(self, backend: Backend, url: str) -> None:
        self.backend = backend
        self.url = url

    @classmethod
    def open(cls, url: str | None = None, *, read_only: bool = False, lock: bool = False,
             wait: bool = False) -> Store:
        resolved = store_url(url)
        store = cls(connect(resolved, read_only=read_only, lock=lock, wait=wait), resolved)
        try:
            if read_only:
                store.check_version()
            else:
                store.migrate()
        except BaseException:
            store.close()
            raise
        return store

    def close(self) -> None:
        self.backend.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- schema ----------------------------------------------------------------------------
    def version(self) -> int | None:
        try:
            _, rows = self.backend.query("SELECT value FROM meta WHERE key = 'schema_version'")
        except Exception:
            return None
        return int(rows[0][0]) if rows else None

    def check_version(self) -> int:
        version = self.version()
        if version is None:
            raise StoreError(f"store {self.url} holds no mbo-xbrl data yet: run `mbo-xbrl ingest` first")
        if version > SCHEMA_VERSION:
            raise StoreError(f"store {self.url} has schema version {version}, newer than this mbo-xbrl "
                             f"({SCHEMA_VERSION}): upgrade mbo-xbrl")
        return version

    def migrate(self) -> int:
        """Create the schema in an empty store, or bring an older one up to date. Returns the version."""
        version = self.version()
        if version is not None and version > SCHEMA_VERSION:
            self.check_version()
        with self.backend.transaction():
            if version is None:
                self.backend.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
                for table in TABLES:
                    self.backend.execute(self._ddl(table))
                for table in FILING_TABLES:
                    self.backend.execute(_current_view(table.name))
                self.backend.execute("CREATE VIEW current_filings AS SELECT * FROM filings WHERE is_current")
                self.backend.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
                version = SCHEMA_VERSION
            while version < SCHEMA_VERSION:
                for statement in MIGRATIONS[version]:
                    self.backend.execute(statement)
                version += 1
                self.backend.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])
        return version

    def _ddl(self, table: Table) -> str:
        columns = ", ".join(f"{name} {self.backend.types[kind]}" for name, kind in table.columns)
        keys = {"filings": ", PRIMARY KEY (filing_id)", "ingest_runs": ", PRIMARY KEY (run_id)"}
        return f"CREATE TABLE {table.name} ({columns}{keys.get(table.name, '')})"

    # --- ingest ----------------------------------------------------------------------------
    def filing_ids(self) -> set[str]:
        """Every filing in the store that a run should skip (one query for a whole batch).

        A filing rejected only because a limit stopped its check (MBO-S007) is left out: the next run
        checks it again, and its new verdict replaces the old row.
        """
        _, rows = self.backend.query(
            "SELECT filing_id FROM filings WHERE filing_id NOT IN "
            f"(SELECT filing_id FROM findings WHERE code = '{RETRIED_CODE}' AND filing_id IS NOT NULL)")
        return {row[0] for row in rows}

    def start_run(self, run_id: str, host: str, pid: int, tool_version: str) -> None:
        """Record a run; runs left 'running' by a killed ingest become 'interrupted' (we hold the lock)."""
        with self.backend.transaction():
            self.backend.execute("UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running'")
            self.backend.insert_rows("ingest_runs", TABLE_BY_NAME["ingest_runs"].column_names, [(
                run_id, utc_now(), None, "running", host, pid, 0, 0, 0, 0, 0, tool_version)])

    def finish_run(self, run_id: str, status: str, counts: dict[str, int]) -> None:
        with self.backend.transaction():
            self.backend.execute(
                "UPDATE ingest_runs SET finished_at = ?, status = ?, files = ?, accepted = ?, rejected = ?, "
                "skipped = ?, superseded = ? WHERE run_id = ?",
                [utc_now(), status, counts.get("files", 0), counts.get("accepted", 0), counts.get("rejected", 0),
                 counts.get("skipped", 0), counts.get("superseded", 0), run_id])

    def add_filings(self, filings: list[tuple[dict[str, Any], dict[str, list[tuple]]]],
                    run_id: str) -> list[tuple[str | None, str | None]]:
        """Store whole filings and their rows in one transaction; per filing, what it changed in who is current.

        The last submission counts: of the accepted filings of an institution and year, the one with
        the latest `submitted_at` is current (ties: the highest sha256, so that the same files give
        the same current filing in any order and over any number of runs); the others stay as
        history, marked superseded by it. A rejected filing is never current. Per filing the result
        is (the filing it made history, the filing that is current instead of it), each or both None.
        A crash before the commit leaves none of them, so the store only ever holds whole filings.
        The rows of all the filings go in one insert per table: most of the cost is per statement.
        """
        elected: list[tuple[str | None, str | None]] = []
        child_rows: dict[str, list[tuple]] = {}
        columns = TABLE_BY_NAME["filings"].column_names
        with self.backend.transaction():
            _, found = self.backend.query("SELECT COALESCE(MAX(sequence), 0) FROM filings")
            sequence = found[0][0]
            for filing, rows in filings:
                sequence += 1
                self._forget(filing["filing_id"])  # a filing checked again (see filing_ids)
                row = filing | {"sequence": sequence, "run_id": run_id, "ingested_at": utc_now(),
                                "is_current": False, "superseded": False, "superseded_by": None}
                self.backend.insert_rows("filings", columns, [tuple(row.get(c) for c in columns)])
                for table, table_rows in rows.items():
                    child_rows.setdefault(table, []).extend(table_rows)
                if filing["status"] == "accepted" and filing.get("institution") is not None:
                    elected.append(self._elect(filing["filing_id"], filing["institution"], filing["report_year"]))
                else:
                    elected.append((None, None))
            for table, table_rows in child_rows.items():
                self.backend.insert_rows(table, TABLE_BY_NAME[table].column_names, table_rows)
        return elected

    def _forget(self, filing_id: str) -> None:
        """Remove a filing and its rows, in the caller's transaction, before it is stored anew."""
        _, found = self.backend.query("SELECT COUNT(*) FROM filings WHERE filing_id = ?", [filing_id])
        if found[0][0]:
            for table in FILING_TABLES:
                self.backend.execute(f"DELETE FROM {table.name} WHERE filing_id = ?", [filing_id])
            self.backend.execute("DELETE FROM filings WHERE filing_id = ?", [filing_id])

    def _elect(self, filing_id: str, institution: str, year: int | None) -> tuple[str | None, str | None]:
        """Make the last submitted accepted filing of the institution and year current (see add_filings)."""
        where = "institution = ? AND report_year = ? AND status = 'accepted'"
        _, candidates = self.backend.query(
            f"SELECT filing_id, submitted_at, is_current FROM filings WHERE {where}", [institution, year])
        before = next((c[0] for c in candidates if c[2]), None)
        winner = max(candidates, key=lambda c: (c[1] is not None, c[1] or datetime.min, c[0]))[0]
        if winner != before:
            self.backend.execute(f"UPDATE filings SET is_current = (filing_id = ?), superseded = (filing_id <> ?), "
                                 f"superseded_by = CASE WHEN filing_id = ? THEN NULL ELSE ? END WHERE {where}",
                                 [winner, winner, winner, winner, institution, year])
        else:
            self.backend.execute("UPDATE filings SET superseded = TRUE, superseded_by = ? WHERE filing_id = ?",
                                 [winner, filing_id])
        if winner == filing_id:
            return before, None
        return None, winner

    # --- reading ---------------------------------------------------------------------------
    @staticmethod
    def _source(table: str, current: bool) -> str:
        """The table, or its current_ view; only declared names ever reach the SQL."""
        if table not in TABLE_BY_NAME:
            raise StoreError(f"unknown table {table!r}; tables: {', '.join(TABLE_BY_NAME)}")
        has_view = table == "filings" or TABLE_BY_NAME[table].per_filing
        return f"current_{table}" if current and has_view else table

    def rows(self, table: str, current: bool = True, columns: Sequence[str] | None = None,
             where: Sequence[tuple[str, str, Any]] = ()) -> tuple[list[str], list[tuple]]:
        """Rows of a table (or its current view): all columns or `columns`, filtered by `where`, a list of
        (column, operator, value) with operator "=", "<=" or ">=" (value None: IS NULL). Only declared
        column names and operators reach the SQL; values go as parameters."""
        declared = TABLE_BY_NAME[table].column_names if table in TABLE_BY_NAME else []
        wanted = list(columns) if columns is not None else None
        unknown = [c for c in (wanted or []) + [w[0] for w in where] if c not in declared]
        if unknown:
            raise StoreError(f"unknown columns of {table}: {', '.join(unknown)}")
        clauses, params = [], []
        for column, operator, value in where:
            if operator not in ("=", "<=", ">="):
                raise StoreError(f"unknown operator {operator!r}")
            if value is None:
                clauses.append(f"{column} IS NULL")
            else:
                clauses.append(f"{column} {operator} ?")
                params.append(value)
        order = {"filings": "sequence", "ingest_runs": "started_at"}.get(table, "filing_id")
        select = ", ".join(wanted) if wanted else "*"
        condition = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        return self.backend.query(f"SELECT {select} FROM {self._source(table, current)}{condition} ORDER BY {order}",
                                  params)

    def table(self, table: str, current: bool = True, columns: Sequence[str] | None = None,
              where: Sequence[tuple[str, str, Any]] = ()):
        """A table as a pandas DataFrame: current rows only, or (current=False) with history; `columns` and
        `where` as in `rows`, so that a report reads only what it needs."""
        import pandas as pd

        names, rows = self.rows(table, current, columns, where)
        return pd.DataFrame.from_records(rows, columns=names)

    def count(self, table: str, current: bool = True) -> int:
        return self.backend.query(f"SELECT COUNT(*) FROM {self._source(table, current)}")[1][0][0]
