"""The two store backends behind one small interface: DuckDB (embedded, default) and PostgreSQL.

Why not an ORM: the store needs a dozen statements; a thin DB-API layer keeps both backends on the
same SQL (with `?` placeholders), with the few real differences — column types, bulk insert,
locking — stated here in one place.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mbo_xbrl.errors import MboXbrlError
from mbo_xbrl.store.schema import BOOL, FLOAT, INT, TEXT, TIME


class StoreError(MboXbrlError):
    """The store cannot be reached, opened, written or migrated."""


class LockHeld(StoreError):
    """Another ingest holds the store's lock."""


LOCK_KEY = 0x6D626F78  # "mbox": the PostgreSQL advisory lock of mbo-xbrl ingests


class Backend:
    name: str
    types: dict[str, str]

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...
    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]: ...
    def insert_rows(self, table: str, columns: list[str], rows: list[tuple]) -> None: ...
    @contextmanager
    def transaction(self) -> Iterator[None]: ...  # type: ignore[misc]
    def lock(self, wait: bool) -> None: ...
    def close(self) -> None: ...


SMALL_INSERT = 20  # rows; below this a VALUES statement beats registering a DataFrame


class DuckDBBackend(Backend):
    name = "duckdb"
    types = {TEXT: "VARCHAR", INT: "BIGINT", FLOAT: "DOUBLE", BOOL: "BOOLEAN", TIME: "TIMESTAMP"}

    def __init__(self, path: Path, read_only: bool = False, lock_file: int | None = None) -> None:
        import duckdb

        self.path = path
        self._lock_file = lock_file  # the ingest lock's descriptor, released with the backend
        if read_only and not path.exists():
            raise StoreError(f"store {path} does not exist yet: run `mbo-xbrl ingest` first")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.connection = duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as err:
            if "lock" in str(err).lower():
                raise StoreError(f"store {path} is in use by another process (an ingest?); try again when it "
                                 "has finished") from err
            raise StoreError(f"cannot open store {path}: {err}") from err
        except (duckdb.Error, OSError) as err:
            raise StoreError(f"cannot open store {path}: {err}") from err

    @staticmethod
    def acquire_file_lock(path: Path, wait: bool) -> int:
        """An exclusive lock on `<store>.lock`, taken before the database is opened.

        The OS releases it when the process ends, even by SIGKILL, so a crash never leaves the store
        locked.
        """
        lock_path = path.with_name(path.name + ".lock")
        try:
            lock_path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as err:
            raise StoreError(f"cannot create the lock file {lock_path}: {err}") from err
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
            os.close(fd)
            raise LockHeld(f"another ingest holds the store lock {lock_path} ({holder or 'unknown process'}); "
                           "it exits 2 instead of interleaving — use --wait to wait for it") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}".encode(), 0)
        return fd

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.connection.execute(sql, list(params))

    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        cursor = self.connection.execute(sql, list(params))
        return [d[0] for d in cursor.description], cursor.fetchall()

    def insert_rows(self, table: str, columns: list[str], rows: list[tuple]) -> None:
        """A few rows go in as one VALUES statement; more as one scan of a DataFrame.

        DuckDB's executemany runs one statement a row (about 90x slower than a DataFrame scan).
        """
        names = ", ".join(columns)
        if len(rows) <= SMALL_INSERT:
            if rows:
                marks = "(" + ", ".join("?" for _ in columns) + ")"
                self.connection.execute(f"INSERT INTO {table} ({names}) VALUES " + ", ".join([marks] * len(rows)),
                                        [value for row in rows for value in row])
            return
        import pandas

        frame = pandas.DataFrame.from_records(rows, columns=columns).astype(object)  # None stays NULL
        view = f"_mbo_xbrl_rows_{table}"
        self.connection.register(view, frame)
        try:
            self.connection.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {view}")
        finally:
            self.connection.unregister(view)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.connection.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def lock(self, wait: bool) -> None:
        """Taken in `open_store` before connecting (see acquire_file_lock)."""

    def close(self) -> None:
        self.connection.close()
        if self._lock_file is not None:
            os.close(self._lock_file)
            self._lock_file = None


class PostgresBackend(Backend):
    name = "postgresql"
    types = {TEXT: "TEXT", INT: "BIGINT", FLOAT: "DOUBLE PRECISION", BOOL: "BOOLEAN", TIME: "TIMESTAMP"}

    def __init__(self, url: str, read_only: bool = False) -> None:
        try:
            import psycopg
        except ImportError as err:
            raise StoreError("the PostgreSQL store needs psycopg: pip install 'mbo-xbrl[postgres]'") from err
        self._psycopg = psycopg
        try:
            self.connection = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as err:
            raise StoreError(f"cannot reach the PostgreSQL store: {str(err).strip().splitlines()[0]}") from err
        if read_only:
            self.connection.execute("SET default_transaction_read_only = on")

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        try:
            self.connection.execute(self._sql(sql), list(params))
        except self._psycopg.Error as err:
            raise StoreError(f"the PostgreSQL store refused a statement: {str(err).strip().splitlines()[0]}") from err

    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        cursor = self.connection.execute(self._sql(sql), list(params))
        return [d.name for d in cursor.description], cursor.fetchall()

    def insert_rows(self, table: str, columns: list[str], rows: list[tuple]) -> None:
        if rows:
            with self.connection.cursor() as cursor, cursor.copy(
                    f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.connection.transaction():
            yield

    def lock(self, wait: bool) -> None:
        """A session-level advisory lock: released by the server when the connection ends, even by a crash."""
        if wait:
            self.connection.execute("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
            return
        (acquired,) = self.connection.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY]).fetchone()
        if not acquired:
            raise LockHeld("another ingest holds the store's lock (PostgreSQL advisory lock); it exits 2 instead of "
                           "interleaving — use --wait to wait for it")

    def close(self) -> None:
        self.connection.close()


DEFAULT_STORE = "mbo-xbrl.duckdb"


def store_url(url: str | None) -> str:
    """The store URL: the argument, else $MBO_XBRL_STORE, else ./mbo-xbrl.duckdb."""
    return url or os.environ.get("MBO_XBRL_STORE") or DEFAULT_STORE


def connect(url: str, *, read_only: bool = False, lock: bool = False, wait: bool = False) -> Backend:
    """Open a backend for a store URL: a path or duckdb:///path (DuckDB), or postgresql://… (PostgreSQL)."""
    if url.startswith(("postgresql://", "postgres://")):
        backend: Backend = PostgresBackend(url, read_only=read_only)
        if lock:
            backend.lock(wait)
        return backend
    path = Path(url.removeprefix("duckdb://") if url.startswith("duckdb://") else url)
    lock_fd = DuckDBBackend.acquire_file_lock(path, wait) if lock else None
    try:
        return DuckDBBackend(path, read_only=read_only, lock_file=lock_fd)
    except BaseException:
        if lock_fd is not None:
            os.close(lock_fd)
        raise
