"""The indicator store: DuckDB (embedded, the default) or PostgreSQL, with one code path.

    from mbo_xbrl.store import open_store
    with open_store() as store:                      # ./mbo-xbrl.duckdb or $MBO_XBRL_STORE
        values = store.table("indicator_values")     # current rows, as a pandas DataFrame
"""

from __future__ import annotations

from mbo_xbrl.store.backends import LockHeld, StoreError, store_url
from mbo_xbrl.store.schema import TABLES
from mbo_xbrl.store.store import Store


def open_store(url: str | None = None, *, read_only: bool = True) -> Store:
    """Open the store for reading (default) or writing; `url` as `--store` takes it."""
    return Store.open(url, read_only=read_only)


__all__ = ["LockHeld", "Store", "StoreError", "TABLES", "open_store", "store_url"]
