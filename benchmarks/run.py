"""Benchmarks: `mbo-xbrl check` against plain Arelle on the same files, in one run, as ratios.

    .venv/bin/python benchmarks/run.py [--repeat 5] [--no-write]

Prints a table and writes it to docs/performance.md. Absolute times drift on shared machines;
the ratios, measured side by side in one run, are what to read.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples" / "valid").glob("*.xbrl"))
PACKAGE = ROOT / "taxonomy" / "mbo-vgr-2024.zip"


def timed(command: list[str], repeat: int, env: dict[str, str]) -> float:
    """Median wall time of a command run `repeat` times (after one warm-up of the OS file cache)."""
    subprocess.run(command, capture_output=True, env=env, check=False)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, env=env)
        times.append(time.perf_counter() - started)
        if result.returncode not in (0, 1):
            raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{result.stderr.decode()[-2000:]}")
    return statistics.median(times)


def warm(repeat: int) -> list[tuple[str, float, float]]:
    """In-process, per filing: our full check against Arelle load+validate through the same processor."""
    sys.path.insert(0, str(ROOT))
    from mbo_xbrl.engine import Engine
    from mbo_xbrl.taxonomy.processor import XbrlProcessor

    processor = XbrlProcessor()
    engine = Engine(processor)
    rows = []
    for sample in SAMPLES:
        engine.check(sample)
        ours, plain = [], []
        for _ in range(repeat):
            started = time.perf_counter()
            with processor.validated(sample):
                pass
            plain.append(time.perf_counter() - started)
            started = time.perf_counter()
            engine.check(sample)
            ours.append(time.perf_counter() - started)
        rows.append((sample.name, statistics.median(plain), statistics.median(ours)))
    processor.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-write", action="store_true", help="print only, do not write docs/performance.md")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="mbo-bench-")
    env = dict(os.environ, XDG_CONFIG_HOME=home)
    python = sys.executable
    mbo = [python, "-c", "from mbo_xbrl.cli import main; main()"]
    lines = ["| file | facts | plain Arelle, cold (s) | mbo-xbrl check, cold (s) | ratio |", "|---|---|---|---|---|"]
    for sample in SAMPLES:
        facts = sample.read_text("utf-8").count("contextRef=")
        plain = timed([python, "-m", "arelle.CntlrCmdLine", "--file", str(sample), "--packages", str(PACKAGE),
                       "--validate", "--internetConnectivity", "offline"], args.repeat, env)
        ours = timed(mbo + ["check", str(sample)], args.repeat, env)
        lines.append(f"| {sample.name} | {facts} | {plain:.2f} | {ours:.2f} | {ours / plain:.2f}× |")
    lines += ["", "| file | Arelle load + validate, warm (s) | full check, warm (s) | ratio |", "|---|---|---|---|"]
    for name, plain, ours in warm(args.repeat):
        lines.append(f"| {name} | {plain:.3f} | {ours:.3f} | {ours / plain:.2f}× |")
    table = "\n".join(lines)
    print(table)
    if not args.no_write:
        machine = f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores"
        (ROOT / "docs" / "performance.md").write_text(PAGE.format(table=table, repeat=args.repeat, machine=machine),
                                                      "utf-8")


PAGE = """# Performance

Measured with `python benchmarks/run.py` (median of {repeat} runs each, one run, {machine}). Absolute
times depend on the machine; the ratios compare our check with plain Arelle on the same file in the
same run. Cold: a new process per check, as a user runs it. Warm: in one process, per filing, after a
first check — what the nightly ingest and the web page pay.

{table}

## What the check adds, and the target

`mbo-xbrl check` = Arelle's load and validation (the processor of record) + our pre-checks on the raw
bytes and lxml tree + 29 rules on the tidy facts. Target (issue 3): at most about 1.5× plain Arelle.
Arelle reloads and validates the whole taxonomy (DTS) for every filing; that is most of the cost on
both sides and the first thing to cache (the benchmarks issue).
"""


if __name__ == "__main__":
    main()
