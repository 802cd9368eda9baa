"""A large formula sweep: `.venv/bin/python scripts/formula_sweep.py --count 5000 --seed 7`.

Generates `count` variants of the valid samples that break the rules that travel with the taxonomy in
many ways (mbo_xbrl/synthetic/rule_variants.py), runs plain Arelle with the package's formula linkbase
and the engine on each, and prints every filing where the two disagree (exit 1), or a one-line summary
(exit 0). The test suite runs 300 (tests/taxonomy/test_formulas.py).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mbo_xbrl.synthetic.formula_sweep import differing, sweep  # noqa: E402
from mbo_xbrl.synthetic.rule_variants import variants  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    started = time.monotonic()
    results = sweep(variants(args.count, seed=args.seed), workers=args.workers)
    disagreements = differing(results)
    for line in disagreements:
        print(line)
    compared = [r for r in results if r.stopped_at is None]
    caught = Counter(code for r in compared for code, _ in r.arelle)
    print(f"formula sweep seed {args.seed}: {len(results)} variants, {len(compared)} compared, "
          f"{sum(1 for r in compared if not r.arelle)} valid, {len(disagreements)} disagreements, "
          f"{time.monotonic() - started:.0f} s; per rule: "
          + ", ".join(f"{code} {n}" for code, n in sorted(caught.items())), file=sys.stderr)
    return 1 if disagreements else 0


if __name__ == "__main__":
    raise SystemExit(main())
