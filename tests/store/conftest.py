"""A fresh store per test, on both backends: a DuckDB file, and a new database on a real PostgreSQL.

PostgreSQL comes from $MBO_XBRL_TEST_POSTGRES (scripts/test.sh starts a private server and sets it).
In CI its absence is a failure, never a silent skip.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest



def _postgres_admin() -> str:
    url = os.environ.get("MBO_XBRL_TEST_POSTGRES")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("MBO_XBRL_TEST_POSTGRES is not set: CI must run the store tests on a real PostgreSQL")
        pytest.skip("no PostgreSQL server ($MBO_XBRL_TEST_POSTGRES); scripts/test.sh starts one")
    return url


@pytest.fixture(params=["duckdb", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "duckdb":
        yield str(tmp_path / "store.duckdb")
        return
    import psycopg

    admin = _postgres_admin()
    name = f"mbo_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    yield admin.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
