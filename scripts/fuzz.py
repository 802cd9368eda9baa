"""A large fuzz run for the night: `.venv/bin/python scripts/fuzz.py --count 5000 --seed 42`.

Writes mutants of the valid samples (mbo_xbrl/synthetic/mutants.py) to a work folder, checks and
ingests them as a user would, and prints what did not hold (exit 1), or a one-line summary (exit 0).
The test suite runs the same with a few hundred (tests/test_fuzz.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mbo_xbrl.synthetic.fuzz import run  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="Keep the mutants and the store in this folder.")
    args = parser.parse_args()
    samples = sorted((ROOT / "samples" / "valid").glob("*.xbrl"))
    with tempfile.TemporaryDirectory(prefix="mbo-xbrl-fuzz-") as folder:
        work = args.keep or Path(folder)
        started = time.monotonic()
        result = run(samples, work, count=args.count, seed=args.seed, workers=args.workers)
    for failure in result.failures:
        print(failure)
    print(f"fuzz seed {args.seed}: {result.files} mutants, {result.valid} valid, {len(result.failures)} failures, "
          f"{time.monotonic() - started:.0f} s", file=sys.stderr)
    return 1 if result.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
