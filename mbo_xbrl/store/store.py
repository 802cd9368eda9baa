"""The indicator store: schema and migrations, whole filings per transaction, tables as DataFrames."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from mbo_xbrl.store.backends import Backend, StoreError, connect, store_url
from mbo_xbrl.store.schema import FILING_TABLES, SCHEMA_VERSION, TABLE_BY_NAME, TABLES, Table

# Upgrades from one schema version to the next: version -> statements that make it version + 1.
MIGRATIONS: dict[int, list[str]] = {}


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
                    self.backend.execute(f"CREATE VIEW current_{table.name} AS SELECT t.* FROM {table.name} t "
                                         "JOIN filings f ON f.filing_id = t.filing_id WHERE f.is_current")
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
        """Every filing in the store (one query: the ingest's skip test for a whole batch)."""
        _, rows = self.backend.query("SELECT filing_id FROM filings")
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
                    run_id: str) -> list[str | None]:
        """Store whole filings and their rows in one transaction; per filing, the filing it supersedes.

        In input order, an accepted filing becomes current for its institution and year; the one
        current before stays as history, marked superseded. A rejected filing is never current.
        A crash before the commit leaves none of them, so the store only ever holds whole filings.
        The rows of all the filings go in one insert per table: most of the cost is per statement.
        """
        superseded_list: list[str | None] = []
        child_rows: dict[str, list[tuple]] = {}
        columns = TABLE_BY_NAME["filings"].column_names
        with self.backend.transaction():
            _, found = self.backend.query("SELECT COALESCE(MAX(sequence), 0) FROM filings")
            sequence = found[0][0]
            for filing, rows in filings:
                sequence += 1
                superseded = None
                accepted = filing["status"] == "accepted"
                if accepted and filing.get("institution") is not None:
                    _, current = self.backend.query(
                        "SELECT filing_id FROM filings WHERE institution = ? AND report_year = ? AND is_current",
                        [filing["institution"], filing["report_year"]])
                    if current:
                        superseded = current[0][0]
                        self.backend.execute("UPDATE filings SET is_current = FALSE, superseded = TRUE, "
                                             "superseded_by = ? WHERE filing_id = ?",
                                             [filing["filing_id"], superseded])
                row = filing | {"sequence": sequence, "run_id": run_id, "ingested_at": utc_now(),
                                "is_current": accepted, "superseded": False, "superseded_by": None}
                self.backend.insert_rows("filings", columns, [tuple(row.get(c) for c in columns)])
                for table, table_rows in rows.items():
                    child_rows.setdefault(table, []).extend(table_rows)
                superseded_list.append(superseded)
            for table, table_rows in child_rows.items():
                self.backend.insert_rows(table, TABLE_BY_NAME[table].column_names, table_rows)
        return superseded_list

    # --- reading ---------------------------------------------------------------------------
    @staticmethod
    def _source(table: str, current: bool) -> str:
        """The table, or its current_ view; only declared names ever reach the SQL."""
        if table not in TABLE_BY_NAME:
            raise StoreError(f"unknown table {table!r}; tables: {', '.join(TABLE_BY_NAME)}")
        has_view = table == "filings" or TABLE_BY_NAME[table].per_filing
        return f"current_{table}" if current and has_view else table

    def rows(self, table: str, current: bool = True) -> tuple[list[str], list[tuple]]:
        order = {"filings": "sequence", "ingest_runs": "started_at"}.get(table, "filing_id")
        return self.backend.query(f"SELECT * FROM {self._source(table, current)} ORDER BY {order}")

    def table(self, table: str, current: bool = True):
        """A table as a pandas DataFrame: current rows only, or (current=False) with history."""
        import pandas as pd

        columns, rows = self.rows(table, current)
        return pd.DataFrame.from_records(rows, columns=columns)

    def count(self, table: str, current: bool = True) -> int:
        return self.backend.query(f"SELECT COUNT(*) FROM {self._source(table, current)}")[1][0][0]
