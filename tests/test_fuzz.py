"""Fuzz: a seeded few hundred mutants of the samples, several mutation kinds stacked, through check and ingest.

What must hold is in `mbo_xbrl.synthetic.fuzz`: no exit 2, no traceback or exception name, valid
exactly when no error and no problem, a consistent store with no infinite value, and ingest's
outcome per file agreeing with check. `scripts/fuzz.py` runs thousands, for the night.
"""

from __future__ import annotations

import os
from pathlib import Path

from mbo_xbrl.synthetic.fuzz import run
from mbo_xbrl.synthetic.mutants import MUTATIONS, mutants
from tests.conftest import VALID_SAMPLES

SEED = int(os.environ.get("MBO_XBRL_FUZZ_SEED", "20261125"))


def test_mutants_are_reproducible_and_stack_every_kind() -> None:
    first = list(mutants(VALID_SAMPLES, 300, SEED))
    assert first == list(mutants(VALID_SAMPLES, 300, SEED))
    kinds = {kind for name, _ in first for kind in name.split("-", 2)[2].removesuffix(".xbrl").split("+")}
    assert {m.__name__ for m in MUTATIONS} <= {k.split("-")[-1] for k in kinds} | kinds
    assert any(name.count("+") == 2 for name, _ in first)  # three kinds stacked
    assert len({data for _, data in first}) == 300  # distinct files: ingest checks each


def test_three_hundred_mutants_each_get_a_verdict_and_the_store_stays_consistent(tmp_path: Path) -> None:
    result = run(VALID_SAMPLES, tmp_path, count=300, seed=SEED)
    assert result.files == 300
    assert 0 < result.valid < 300  # both kinds of verdict occur: the mutants do test something
    assert result.failures == [], "\n".join(result.failures[:20])
