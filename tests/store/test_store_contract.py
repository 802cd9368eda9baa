"""The store contract, on DuckDB and on PostgreSQL: the same tests, one code path."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pytest

from mbo_xbrl.ingestion import ingest
from mbo_xbrl.store import TABLES, LockHeld, Store, StoreError, open_store
from mbo_xbrl.store.schema import FILING_TABLES, SCHEMA_VERSION
from tests.conftest import ROOT, VALID_SAMPLES

INVALID = ROOT / "samples" / "invalid"
CORRECTED_99XB = INVALID / "MBO-C003-missing-realisation.xbrl"  # accepted, with a warning
REJECTED_99XB = INVALID / "MBO-C001-missing-target-value.xbrl"
CLI = [sys.executable, "-c", "from mbo_xbrl.cli import main; main()"]
# The same, committing each filing as soon as it is checked (progress is told before the commit)
CLI_COMMIT_EACH = [sys.executable, "-c", "import mbo_xbrl.ingestion as i; i.BATCH = 1; from mbo_xbrl.cli import main; main()"]


def counts(url: str) -> dict[str, int]:
    with open_store(url) as store:
        return {t.name: store.count(t.name, current=False) for t in TABLES if t.name != "ingest_runs"}


def consistent(url: str) -> None:
    """No row without its filing, one current filing per institution and year, rejected never current."""
    with open_store(url) as store:
        ids = set(store.table("filings", current=False)["filing_id"])
        for table in FILING_TABLES:
            assert set(store.table(table.name, current=False)["filing_id"]) <= ids, table.name
        filings = store.table("filings", current=False)
        current = filings[filings["is_current"].astype(bool)]
        assert not current.duplicated(["institution", "report_year"]).any()
        assert not (current["status"] == "rejected").any()


def test_schema_is_created_with_its_version_and_every_table(store_url: str) -> None:
    with Store.open(store_url) as store:
        assert store.version() == SCHEMA_VERSION
        assert all(store.count(t.name) == 0 for t in TABLES)
    with Store.open(store_url) as store:  # opening again migrates nothing
        assert store.migrate() == SCHEMA_VERSION


def test_a_store_of_schema_1_gains_the_findings_locations_and_keeps_its_rows(store_url: str) -> None:
    """Version 2 adds location_nl, location_en and caused_by to findings and school_year to indicator_values: an
    older store is migrated in place, its rows kept (the new columns empty), its current_ views made again."""
    ingest([REJECTED_99XB], store_url)
    with Store.open(store_url) as store:  # make it as version 1 left it
        with store.backend.transaction():
            store.backend.execute("DROP VIEW current_findings")
            for column in ("location_nl", "location_en", "caused_by"):
                store.backend.execute(f"ALTER TABLE findings DROP COLUMN {column}")
            store.backend.execute("DROP VIEW current_indicator_values")
            store.backend.execute("ALTER TABLE indicator_values DROP COLUMN school_year")
            for table in ("findings", "indicator_values"):
                store.backend.execute(f"CREATE VIEW current_{table} AS SELECT t.* FROM {table} t "
                                      "JOIN filings f ON f.filing_id = t.filing_id WHERE f.is_current")
            store.backend.execute("DROP VIEW current_filings")  # and as version 2 left the filings
            store.backend.execute("ALTER TABLE filings DROP COLUMN taxonomy_release")
            store.backend.execute("ALTER TABLE filings DROP COLUMN funded")
            store.backend.execute("CREATE VIEW current_filings AS SELECT * FROM filings WHERE is_current")
            store.backend.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with Store.open(store_url) as store:
        assert store.version() == SCHEMA_VERSION == 3
        assert list(store.table("filings", current=False)["taxonomy_release"]) == [2024]  # read against the first
        old = store.table("findings", current=False)
        assert list(old["code"]) == ["MBO-C001"] and old["location_nl"].isna().all()
        assert "location_nl" in store.table("findings").columns  # the views have the new columns
        assert "school_year" in store.table("indicator_values").columns
    ingest([VALID_SAMPLES[0], INVALID / "MBO-B005-negative-amount.xbrl"], store_url)
    with open_store(store_url) as store:
        new = store.table("findings", current=False)
        assert new.loc[new["code"] == "MBO-B005", "location_nl"].iloc[0].startswith("Begroting 2024")


def test_reingest_is_idempotent(store_url: str) -> None:
    first = ingest(VALID_SAMPLES, store_url)
    assert first.counts["accepted"] == len(VALID_SAMPLES) >= 4  # 2024 and 2025, funded and non-funded
    before = counts(store_url)
    assert before["indicator_values"] > 1000 and before["budgets"] > 100
    again = ingest(VALID_SAMPLES + [ROOT / "samples" / "valid"], store_url)
    n = len(VALID_SAMPLES)
    assert again.counts == {"files": n, "accepted": 0, "rejected": 0, "skipped": n, "unreadable": 0, "internal": 0,
                            "superseded": 0}
    assert counts(store_url) == before


def delivered(folder: Path, source: Path, name: str, when: str) -> Path:
    """A copy of `source` as delivered at `when` (ISO date): the file time is the submission time."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(source.read_bytes())
    stamp = datetime.fromisoformat(when).replace(tzinfo=timezone.utc).timestamp()
    os.utime(path, (stamp, stamp))
    return path


def test_a_corrected_filing_supersedes_the_earlier_one_which_stays_as_history(store_url: str, tmp_path: Path) -> None:
    ingest([VALID_SAMPLES[0], delivered(tmp_path, VALID_SAMPLES[1], VALID_SAMPLES[1].name, "2025-03-01")], store_url)
    summary = ingest([delivered(tmp_path, CORRECTED_99XB, CORRECTED_99XB.name, "2025-04-15")], store_url)
    assert summary.counts["superseded"] == 1
    with open_store(store_url) as store:
        filings = store.table("filings", current=False).set_index("file_name")
        old, new = filings.loc["99XB-2024.xbrl"], filings.loc[CORRECTED_99XB.name]
        assert bool(new["is_current"]) and not bool(old["is_current"]) and bool(old["superseded"])
        assert old["superseded_by"] == new["filing_id"]
        current = store.table("indicator_values")
        assert set(current[current["institution"] == "99XB"]["filing_id"]) == {new["filing_id"]}
        history = store.table("indicator_values", current=False)
        assert set(history[history["institution"] == "99XB"]["filing_id"]) == {old["filing_id"], new["filing_id"]}
    consistent(store_url)


@pytest.mark.parametrize("workers", [1, 2])
def test_the_last_submission_counts_whatever_the_order_of_names(store_url: str, tmp_path: Path, workers: int) -> None:
    """An original of 1 March named after its correction of 15 April: the correction is current."""
    folder = tmp_path / "inbox"
    original = delivered(folder, VALID_SAMPLES[1], "90AA-2024.xbrl", "2025-03-01T09:00:00")
    correction = delivered(folder, CORRECTED_99XB, "90AA-2024-correctie.xbrl", "2025-04-15T16:30:00")
    assert sorted([original.name, correction.name]) == [correction.name, original.name]  # names put it first
    summary = ingest([folder], store_url, workers=workers)
    assert [Path(f.path).name for f in summary.files] == [correction.name, original.name]
    current = _current_file(store_url, "99XB")
    assert current == correction.name
    later = {Path(f.path).name: f for f in summary.files}[original.name]
    assert later.outcome == "accepted" and later.superseded_by is not None and later.supersedes is None
    consistent(store_url)


def test_a_late_redelivery_of_an_old_file_does_not_replace_the_correction(store_url: str, tmp_path: Path) -> None:
    correction = delivered(tmp_path / "night1", CORRECTED_99XB, "90AA-2024-correctie.xbrl", "2025-04-15")
    ingest([correction], store_url)
    original = delivered(tmp_path / "night2", VALID_SAMPLES[1], "90AA-2024.xbrl", "2025-03-01")
    summary = ingest([original], store_url)
    assert summary.files[0].outcome == "accepted" and summary.counts["superseded"] == 0
    assert _current_file(store_url, "99XB") == correction.name
    with open_store(store_url) as store:
        filings = store.table("filings", current=False).set_index("file_name")
        assert bool(filings.loc[original.name, "superseded"])
        assert filings.loc[original.name, "superseded_by"] == filings.loc[correction.name, "filing_id"]
        current_values = store.table("indicator_values")
        assert set(current_values["filing_id"]) == {filings.loc[correction.name, "filing_id"]}
    # and a newer submission after that still takes over
    newest = tmp_path / "night3" / "90AA-2024-v3.xbrl"
    newest.parent.mkdir()
    newest.write_text(CORRECTED_99XB.read_text("utf-8").replace("Vakcollege Verzonnen Veen (fictief)",
                                                                 "Vakcollege Verzonnen Veen (fictief, v3)"), "utf-8")
    stamp = datetime(2025, 5, 1, tzinfo=timezone.utc).timestamp()
    os.utime(newest, (stamp, stamp))
    assert ingest([newest], store_url).counts["superseded"] == 1
    assert _current_file(store_url, "99XB") == newest.name
    consistent(store_url)


def _current_file(store_url: str, institution: str) -> str:
    with open_store(store_url) as store:
        current = store.table("filings")
        names = list(current[current["institution"] == institution]["file_name"])
    assert len(names) == 1
    return names[0]


def test_a_rejected_file_in_a_batch_is_recorded_never_current_and_the_batch_goes_on(store_url: str) -> None:
    summary = ingest([VALID_SAMPLES[0], REJECTED_99XB, VALID_SAMPLES[1]], store_url)
    assert [f.outcome for f in summary.files] == ["accepted", "rejected", "accepted"]
    with open_store(store_url) as store:
        filings = store.table("filings", current=False).set_index("file_name")
        rejected = filings.loc[REJECTED_99XB.name]
        assert rejected["status"] == "rejected" and not bool(rejected["is_current"]) and rejected["errors"] == 1
        findings = store.table("findings", current=False)
        mine = findings[findings["filing_id"] == rejected["filing_id"]]
        assert list(mine["code"]) == ["MBO-C001"] and "Streefwaarde" in mine["message_nl"].iloc[0]
        assert mine["location_nl"].iloc[0].startswith("Streefwaarde 2027 van indicator I1.3.01")  # the form's words
        assert mine["location_en"].iloc[0].startswith("Target 2027 of indicator I1.3.01")
        assert (store.table("indicator_values", current=False)["filing_id"] != rejected["filing_id"]).all()
        assert len(store.table("filings")) == 2
    consistent(store_url)


def test_nothing_is_lost_when_an_ingest_is_killed_part_way(store_url: str, batch: list[Path]) -> None:
    """SIGKILL after some filings, twice; the next run completes the batch with every filing once.

    Arelle checks every filing here (MBO_XBRL_FULL_ARELLE=1): at about a second a filing, the kill
    lands part way, with commits behind it and checks still running.
    """
    folder = batch[0].parent
    slow = dict(os.environ, MBO_XBRL_FULL_ARELLE="1")
    for kill_after in (2, 5):
        process = subprocess.Popen(CLI_COMMIT_EACH + ["ingest", "--lang", "en", "--store", store_url, str(folder)],
                                   stderr=subprocess.PIPE,
                                   stdout=subprocess.DEVNULL, text=True, env=slow)
        done = 0
        for line in process.stderr:
            if line.startswith("[") and (" accepted " in line or " skipped " in line):
                done += 1
                if done >= kill_after:
                    break
        time.sleep(0.3)  # let the commit that follows the progress line happen, and the next check start
        process.send_signal(signal.SIGKILL)
        process.wait(30)
        consistent(store_url)
    final = subprocess.run(CLI + ["ingest", "--store", store_url, "--format", "json", str(folder)],
                           capture_output=True, text=True, timeout=600)
    assert final.returncode == 0, final.stderr
    with open_store(store_url) as store:
        filings = store.table("filings", current=False)
        assert sorted(filings["file_name"]) == sorted(p.name for p in batch)
        assert filings["filing_id"].is_unique and filings["is_current"].all()
        runs = store.table("ingest_runs", current=False)
        assert list(runs["status"]).count("interrupted") == 2 and runs["status"].iloc[-1] == "completed"
    consistent(store_url)


def test_a_second_ingest_exits_2_while_the_lock_is_held_and_waits_with_wait(store_url: str) -> None:
    holder = Store.open(store_url, lock=True)
    try:
        with pytest.raises(LockHeld):
            Store.open(store_url, lock=True)
        refused = subprocess.run(CLI + ["ingest", "--store", store_url, str(VALID_SAMPLES[1])], capture_output=True,
                                 text=True, timeout=120)
        assert refused.returncode == 2 and "lock" in refused.stderr and "Traceback" not in refused.stderr
        waiting = subprocess.Popen(CLI + ["ingest", "--wait", "--quiet", "--store", store_url, str(VALID_SAMPLES[1])],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(2)
        assert waiting.poll() is None  # still waiting for the lock
    finally:
        holder.close()
    assert waiting.wait(120) == 0


def test_export_writes_the_current_rows_as_csv_and_parquet(store_url: str, tmp_path: Path) -> None:
    ingest(VALID_SAMPLES + [CORRECTED_99XB], store_url)
    for fmt in ("csv", "parquet"):
        out = tmp_path / f"values.{fmt}"
        result = subprocess.run(CLI + ["export", "--store", store_url, "--table", "indicator_values", "--format", fmt,
                                       "--out", str(out)], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        reader = "read_csv_auto" if fmt == "csv" else "read_parquet"
        exported = duckdb.sql(f"SELECT count(*), count(DISTINCT filing_id) FROM {reader}('{out}')").fetchall()[0]
        with open_store(store_url) as store:
            assert exported == (store.count("indicator_values"), len(VALID_SAMPLES))  # the correction replaces one
    everything = tmp_path / "all.csv"
    subprocess.run(CLI + ["export", "--store", store_url, "--table", "indicator_values", "--all", "--out",
                          str(everything)], check=True, capture_output=True, timeout=120)
    every = duckdb.sql(f"SELECT count(DISTINCT filing_id) FROM read_csv_auto('{everything}')").fetchall()[0]
    assert every == (len(VALID_SAMPLES) + 1,)  # and the filing the correction replaced


def test_the_python_api_returns_typed_dataframes(store_url: str) -> None:
    ingest(VALID_SAMPLES, store_url)
    with open_store(store_url) as store:
        values = store.table("indicator_values")
        assert values["value"].dtype.kind == "f" and values["period_year"].dtype.kind == "i"
        workload = values[(values["indicator"] == "I3.3.03") & (values["value_kind"] == "target")]
        assert set(workload["institution"]) == {"99XA", "99XB"}
        assert set(workload["period_year"]) == {2027}
        budgets = store.table("budgets")
        totals = budgets[budgets["level"] == "total"].groupby("institution")["amount"].sum()
        objectives = budgets[budgets["level"] == "objective"].groupby("institution")["amount"].sum()
        assert (totals - objectives).abs().max() < 1


def test_a_table_is_read_by_column_and_condition_and_nothing_undeclared_reaches_the_sql(store_url: str) -> None:
    ingest(VALID_SAMPLES, store_url)
    with open_store(store_url) as store:
        whole = store.table("indicator_values")
        totals = store.table("indicator_values", columns=["institution", "indicator", "value"],
                             where=[("level", "=", None), ("study_route", "=", None), ("period_year", ">=", 2027)])
        assert list(totals.columns) == ["institution", "indicator", "value"]
        expected = whole[whole["level"].isna() & whole["study_route"].isna() & (whole["period_year"] >= 2027)]
        assert len(totals) == len(expected) > 0
        for columns, where in ((["value; DROP TABLE filings"], []), (None, [("value", "<>", 1)]),
                               (None, [("1=1 OR value", "=", 1)])):
            with pytest.raises(StoreError):
                store.table("indicator_values", columns=columns, where=where)
        assert store.count("filings") == len(VALID_SAMPLES)


def test_two_workers_give_the_same_store_as_one(store_url: str, batch: list[Path], tmp_path: Path) -> None:
    ingest(batch[:4], store_url, workers=2)
    single = str(tmp_path / "single.duckdb")
    ingest(batch[:4], single, workers=1)
    assert counts(store_url) == counts(single)


def test_an_unreachable_or_unwritable_store_exits_2_with_one_line(tmp_path: Path) -> None:
    for url in ("postgresql://nobody@127.0.0.1:9/none", "/dev/null/store.duckdb"):
        result = subprocess.run(CLI + ["ingest", "--store", url, str(VALID_SAMPLES[1])], capture_output=True,
                                text=True, timeout=120)
        assert result.returncode == 2, (url, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    with pytest.raises(StoreError):
        open_store(str(tmp_path / "never-made.duckdb"))


def test_a_file_that_vanishes_mid_run_is_reported_and_the_batch_goes_on(store_url: str, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("mbo_xbrl.ingestion.BATCH", 1)  # commit (and report) after every filing
    files = [tmp_path / f"{n}-{p.name}" for n, p in enumerate([VALID_SAMPLES[0], CORRECTED_99XB, VALID_SAMPLES[1]])]
    for source, target in zip([VALID_SAMPLES[0], CORRECTED_99XB, VALID_SAMPLES[1]], files):
        target.write_bytes(source.read_bytes())

    def remove_the_last_one(outcome, done, total) -> None:
        if done == 1:  # the one worker has the second file by now, not yet the third
            files[2].unlink()  # moved away by someone else while the run goes on

    summary = ingest(files, store_url, progress=remove_the_last_one)
    assert [f.outcome for f in summary.files] == ["accepted", "accepted", "unreadable"]
    assert summary.counts["unreadable"] == 1 and "No such file" in summary.files[2].reason
    consistent(store_url)


def test_an_indicator_keeps_one_identity_across_taxonomy_releases(store_url: str) -> None:
    """The 2025 release renames I2.2.07 and measures it for the first time, in its own namespace: in the store it
    is the same indicator, and each filing records the release it was checked against."""
    ingest(VALID_SAMPLES, store_url)
    with open_store(store_url) as store:
        filings = store.table("filings").set_index("file_name")
        assert filings.loc["99XB-2024.xbrl", "taxonomy_release"] == 2024
        assert filings.loc["99XB-2025.xbrl", "taxonomy_release"] == 2025
        assert filings.loc["99XB-2025.xbrl", "catalogue_version"] == "2025.1"
        values = store.table("indicator_values", where=[("institution", "=", "99XB"), ("indicator", "=", "I2.2.07")])
        assert set(values["report_year"]) == {2024, 2025}
        assert set(values.loc[values["value_kind"] == "start", "report_year"]) == {2025}  # first measured in 2025
        assert set(values.loc[values["value_kind"] == "start", "period_year"]) == {2025}
        both = store.table("indicator_values", where=[("institution", "=", "99XB")])
        per_year = both.groupby("report_year")["indicator"].apply(set)
        assert per_year[2024] <= per_year[2025]  # every indicator of 2024 is found again under its own code
