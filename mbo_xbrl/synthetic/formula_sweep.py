"""Plain Arelle running the taxonomy's formula linkbase against the engine, on many filings at once.

Per filing, the set of (rule code, severity) of Arelle's assertion messages must equal the engine's
findings of the rules that travel (`mbo_xbrl.rules.travel`). Compared where the engine reaches the
semantic layer: where it stops earlier (not XBRL, an XBRL error, a filing-rule error) it reports the
root cause only while an XBRL processor still evaluates the assertions over what it read, so the two
differ by design. The suite runs a seeded 300 (tests/taxonomy/test_formulas.py);
`python scripts/formula_sweep.py --count 5000` runs more.

    results = sweep(variants(310, seed=1), workers=2)
    differing(results)   # [] when Arelle and the engine agree on every compared filing
"""

from __future__ import annotations

import multiprocessing
import re
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from mbo_xbrl.rules.travel import taxonomy_assertions

RULE = re.compile(r"^(?:message:)?(MBO-[A-Z][0-9]{3})-")


@dataclass(frozen=True)
class Compared:
    name: str
    arelle: frozenset[tuple[str, str]]  # (rule, severity) of the assertion messages
    engine: frozenset[tuple[str, str]]  # (rule, severity) of the engine's findings of the rules that travel
    stopped_at: str | None  # where the engine stopped before the semantic layer, if it did
    other: tuple[str, ...]  # Arelle's errors and warnings that are not assertion messages

    @property
    def agrees(self) -> bool:
        return self.stopped_at is not None or (self.arelle == self.engine and not self.other)


def assertion_findings(messages) -> frozenset[tuple[str, str]]:
    """(rule code, severity) of each assertion message: the code is the prefix of the assertion's id."""
    return frozenset((match.group(1), m.level) for m in messages if (match := RULE.match(m.code)))


def engine_findings(report) -> frozenset[tuple[str, str]]:
    travels = taxonomy_assertions()
    return frozenset((f.code, f.severity.value) for f in report.findings if f.code in travels)


_checkers: tuple | None = None  # in each spawned process: (Arelle with formulas, the engine)


def _start() -> None:
    global _checkers
    from mbo_xbrl.engine import Engine
    from mbo_xbrl.taxonomy.processor import XbrlProcessor

    _checkers = (XbrlProcessor(formulas=True), Engine(XbrlProcessor()))


def _compare(item: tuple[str, bytes]) -> Compared:
    from mbo_xbrl.taxonomy.processor import memory_file

    name, data = item
    formulas, engine = _checkers
    report = engine.check_bytes(data, name)
    with memory_file([data]) as path, formulas.validated(path) as (_, messages):
        other = tuple(f"{m.code}: {m.text[:120]}" for m in messages
                      if m.level in ("error", "warning") and not RULE.match(m.code))
        return Compared(name, assertion_findings(messages), engine_findings(report), report.stopped_at, other)


def sweep(items: Iterable[tuple[str, bytes]], workers: int = 2) -> list[Compared]:
    """Compare each (name, bytes) in `workers` spawned processes, each with its own Arelle. Arelle trusts
    our taxonomy's DTS as `mbo-xbrl check` does (tests/taxonomy/test_formulas.py checks the samples
    without that trust too)."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start) as pool:
        return list(pool.map(_compare, items, chunksize=10))


def differing(results: list[Compared]) -> list[str]:
    """One line per compared filing where Arelle and the engine disagree."""
    return [f"{r.name}: only Arelle {sorted(r.arelle - r.engine)}, only the engine {sorted(r.engine - r.arelle)}"
            + (f", Arelle also: {list(r.other)}" if r.other else "") for r in results if not r.agrees]
