"""Benchmarks: where the time goes, against plain Arelle, and how cost grows — in one run, as ratios.

    .venv/bin/python benchmarks/run.py [--repeat 3] [--no-write]

Measures on the same files, in one run: plain Arelle (cold) against `mbo-xbrl check` (cold, on the
fast path and on the Arelle path; warm per filing) on the samples, a sample as other software writes
it, filings of 2,000 to 50,000 facts and one at the size limit; lxml alone (the floor); hostile files
against the limits per file; ingest of the 52-institution sector with 1 and 2 workers, of the same
sector as other software writes it, of ten times as many filings, re-ingest of the unchanged sector;
the sector report at 1× and 10×; the four-year sector's ingest, report and every institution's page; peak
memory of each; plain Arelle with and without the taxonomy's
formula linkbase on every valid and failing sample and a filing ten times the largest; the samples and the
sector as Inline XBRL progress sections. Prints a table and writes docs/performance.md.
Absolute times drift on shared machines; read the ratios, measured side by side.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The two 2024 filings of funded institutions: the same release and form for every measurement
SAMPLES = [ROOT / "samples" / "valid" / "99XA-2024.xbrl", ROOT / "samples" / "valid" / "99XB-2024.xbrl"]
PACKAGE = ROOT / "taxonomy" / "mbo-vgr-2024.zip"


def plain_arelle(path: Path, formula: str = "none", log: Path | None = None) -> list[str]:
    """Plain Arelle validating `path` with only our package, offline. `formula`: "none" leaves the taxonomy's
    formula linkbase out (XBRL validation only: what `check` does beside the engine's own rules), "run" runs
    its assertions after validation; `log` writes Arelle's log (with its timings) to a file."""
    return [sys.executable, "-m", "arelle.CntlrCmdLine", "--packages", str(PACKAGE), "--validate",
            "--formula", formula, "--internetConnectivity", "offline",
            *(["--logFile", str(log)] if log else []), "--file", str(path)]
# A child's peak memory and CPU time: run the command under a small Python wrapper that reports its children's
# largest resident set (the largest single process: the main one, a worker or a worker's helper), in KiB, and
# the CPU seconds (user and system) of all of them together.
PEAK = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True); "
        "sys.stderr.buffer.write(r.stderr[-2000:]); u = resource.getrusage(resource.RUSAGE_CHILDREN); "
        "print(r.returncode, u.ru_maxrss, u.ru_utime + u.ru_stime)")
TARGETS = {
    "check_cold": "≤ 1.0× plain Arelle",
    "off_time": "≤ 1.0× plain Arelle",
    "off_memory": "≤ 1.0× plain Arelle",
    "warm": "≤ 100 ms per filing",
    "ingest_2": "≤ 10 s",
    "foreign": "≤ 1.5× our own sector",
    "growth": "≤ 1.2× the cost per filing at 1×",
    "reingest": "≤ 1 s",
    "size_limit": "≤ 400 MB",
    "memory": "≤ 400 MB",
    "report_10x": "≤ 10 s and ≤ 400 MB",
    "caps": "each hostile file stopped, or checked through, within its limit",
    "formulas": "≤ 1.0× plain Arelle without them",
    "inline_cold": "≤ 1.0× plain Arelle on the same document",
    "institutions_4y": "≤ 10 s (seconds, not minutes)",
}
NAMES = {
    "check_cold": "check, cold, fast path, against plain Arelle",
    "off_time": "check, cold, off the fast path: time against plain Arelle",
    "off_memory": "check, cold, off the fast path: memory against plain Arelle",
    "warm": "check, warm, per filing",
    "ingest_2": "sector ingest, 2 workers",
    "foreign": "ingest of the sector as other software writes it",
    "growth": "cost per filing at 10× the sector",
    "reingest": "re-ingest of an unchanged sector",
    "size_limit": "peak memory of a check and of an ingest worker at the size limit, on either path",
    "memory": "peak memory, any batch size",
    "report_10x": "sector report at 10× the sector",
    "caps": "limits per file on hostile files",
    "formulas": "what the taxonomy's rules (formula linkbase) add to plain Arelle",
    "inline_cold": "check of an Inline XBRL progress section, cold",
    "institutions_4y": "every institution's page, 52 institutions over four years",
}
LARGE = (2_000, 10_000, 50_000)  # facts, with breakdowns (mbo_xbrl/synthetic/large.py)
SIZE_LIMIT_FACTS = 99_000  # about 47 MB: the most our writer's layout fits under the 50 MB size limit


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, peak memory (MB) and CPU seconds of one run of a command; exit codes 0 and 1 are results."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", PEAK, *command], capture_output=True, env=env)
    seconds = time.perf_counter() - started
    code, peak, cpu = result.stdout.decode().split()
    if int(code) not in (0, 1):
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{result.stderr.decode()[-2000:]}")
    return seconds, int(peak) / 1024, float(cpu)


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of one run of a command."""
    return measure(command, env)[:2]


def median_run(command: list[str], repeat: int, env: dict[str, str]) -> tuple[float, float]:
    run(command, env)  # warm the OS file cache
    results = [run(command, env) for _ in range(repeat)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def warm(repeat: int) -> list[tuple[str, float, float, float, float]]:
    """In one process, per filing: lxml parse alone, our check (fast path, full Arelle path), Arelle alone."""
    sys.path.insert(0, str(ROOT))
    from lxml import etree

    from mbo_xbrl.engine import Engine
    from mbo_xbrl.parsing.stream import safe_parser
    from mbo_xbrl.taxonomy.processor import XbrlProcessor

    processor = XbrlProcessor()
    fast, full = Engine(processor, fast_path=True), Engine(processor, fast_path=False)

    def median(action) -> float:
        action()
        times = []
        for _ in range(repeat * 3):
            started = time.perf_counter()
            action()
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    def arelle_only(sample: Path) -> None:
        with processor.validated(sample):
            pass

    rows = []
    for sample in SAMPLES:
        data = sample.read_bytes()
        rows.append((sample.name, median(lambda: etree.fromstring(data, safe_parser())),
                     median(lambda: fast.check(sample)), median(lambda: full.check(sample)),
                     median(lambda: arelle_only(sample))))
    processor.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="print only, do not write docs/performance.md")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="mbo-bench-"))
    env = dict(os.environ, XDG_CONFIG_HOME=str(work / "home"))
    env.pop("MBO_XBRL_FULL_ARELLE", None)
    env.pop("MBO_XBRL_STORE", None)
    full_env = dict(env, MBO_XBRL_FULL_ARELLE="1")  # the Arelle path: what any filing outside the profile takes
    python = sys.executable
    mbo = [python, "-c", "from mbo_xbrl.cli import main; main()"]
    # plain Arelle validates without the taxonomy's formulas here (what `check` does beside the engine's own
    # rules); with them it costs more (the last table)
    memory: list[float] = []

    files = _files(work)
    out = ["## Checking one filing, cold", "",
           "A new process per check, as a user runs `mbo-xbrl check`. *Plain Arelle*: `--validate --formula "
           "none`, XBRL validation without the taxonomy's rules (with them it costs more: see the last table). "
           "*Fast path*: the filing certified against "
           "the compiled taxonomy view; *Arelle path*: the same check with `MBO_XBRL_FULL_ARELLE=1`, which is "
           "what every filing outside the fast path's profile (or with an error in XBRL) pays. Times are medians "
           f"of {args.repeat} runs, the three commands taking turns (so that a machine that slows down for a "
           "while slows all three); memory the largest resident set of any one process; *CPU*: the seconds of all "
           "processes together. An instance of more than 40,000 elements goes to Arelle in parts; where the "
           "checking process has a core to spare (here, a check of one file), a helper forked from it validates "
           "every other part at the same time, so the time is less than the CPU seconds.", "",
           "| file | facts | MB | plain Arelle: s / MB / CPU s | fast path: s / MB | ratio | Arelle path: s / MB / "
           "CPU s | ratio (time / memory / CPU) |", "|---|---|---|---|---|---|---|---|"]
    fast_ratios, off_time, off_memory, off_cpu = [], [], [], []
    size_limit_mb = (0.0, 0.0)
    limit_file = files[-1][1]
    for label, path, facts in files:
        at_limit = facts >= SIZE_LIMIT_FACTS
        check = mbo + ["check", "--quiet", str(path)]
        turns = [(measure(plain_arelle(path), env), measure(check, env), measure(check, full_env))
                 for _ in range(args.repeat)]
        (plain, plain_mb, plain_cpu), (fast, fast_mb, _), (off, off_mb, off_cpus) = (
            (statistics.median(t[i][0] for t in turns), max(t[i][1] for t in turns),
             statistics.median(t[i][2] for t in turns)) for i in range(3))
        memory.append(fast_mb)
        fast_ratios.append(fast / plain)
        off_time.append(off / plain)
        off_memory.append(off_mb / plain_mb)
        off_cpu.append(off_cpus / plain_cpu)
        off_cells = (f"{off:.2f} / {off_mb:.0f} / {off_cpus:.1f} | {off / plain:.2f}× / {off_mb / plain_mb:.2f}× / "
                     f"{off_cpus / plain_cpu:.2f}×")
        memory.append(off_mb)
        if at_limit:
            size_limit_mb = (fast_mb, off_mb)
            limit_file = path
        out.append(f"| {label} | {facts:,} | {path.stat().st_size / 1e6:.1f} | {plain:.2f} / {plain_mb:.0f} / "
                   f"{plain_cpu:.1f} | "
                   f"**{fast:.2f}** / {fast_mb:.0f} | {fast / plain:.2f}× | {off_cells} |")
    out += ["", "In one process, per filing (warm), median:", "",
            "| file | lxml parse only (ms) | check, fast path (ms) | check, full Arelle path (ms) | "
            "Arelle load + validate only (ms) | fast ÷ Arelle | fast ÷ lxml |",
            "|---|---|---|---|---|---|---|"]
    warm_rows = warm(args.repeat)
    for name, floor, fast, full, arelle_only in warm_rows:
        out.append(f"| {name} | {floor * 1000:.1f} | **{fast * 1000:.0f}** | {full * 1000:.0f} | "
                   f"{arelle_only * 1000:.0f} | {fast / arelle_only:.2f}× | {fast / floor:.1f}× |")

    hostile_rows, caps_held = hostile(work, env, mbo)
    out += hostile_rows
    formula_rows, formula_added, formula_phase = formulas_cost(work, env, args.repeat, files)
    out += formula_rows
    inline_rows, inline_ratios = inline_cost(work, env, args.repeat, mbo)
    out += inline_rows

    sector, foreign, big = work / "sector", work / "sector-foreign", work / "sector-10x"
    subprocess.run(mbo + ["sample-sector", "--out", str(sector)], check=True, capture_output=True, env=env)
    subprocess.run(mbo + ["sample-sector", "--out", str(big), "--institutions", "520"], check=True,
                   capture_output=True, env=env)
    _write_foreign(sector, foreign)
    n1, n10 = (len(list(folder.rglob("*.xbrl"))) for folder in (sector, big))
    floor = _lxml_floor(sector)

    def ingest(folder: Path, workers: int, store: Path, fresh: bool = True) -> tuple[float, float]:
        if fresh:
            for leftover in store.parent.glob(store.name + "*"):
                leftover.unlink()
        return run(mbo + ["ingest", "--quiet", "--workers", str(workers), "--store", str(store), str(folder)], env)

    store, store_10x = work / "store.duckdb", work / "store-10x.duckdb"
    limit_folder = work / "size-limit"
    limit_folder.mkdir()
    shutil.copy(limit_file, limit_folder / limit_file.name)
    limit_ingest, limit_ingest_mb = ingest(limit_folder, 1, work / "store-limit.duckdb")
    limit_ingest_off, limit_ingest_off_mb = run(mbo + ["ingest", "--quiet", "--workers", "1", "--store",
                                                      str(work / "store-limit-off.duckdb"), str(limit_folder)], full_env)
    one, one_mb = ingest(sector, 1, store)
    two, two_mb = ingest(sector, 2, store)
    again, again_mb = ingest(sector, 2, store, fresh=False)
    theirs, theirs_mb = ingest(foreign, 2, work / "store-foreign.duckdb")
    inline_sector = work / "sector-inline"
    _write_inline(sector, inline_sector)
    rendered, rendered_mb = ingest(inline_sector, 2, work / "store-inline.duckdb")
    report, report_mb = run(mbo + ["report", "--store", str(store), "--out", str(work / "report")], env)
    ten, ten_mb = ingest(big, 2, store_10x)
    report_10x, report_10x_mb = run(mbo + ["report", "--store", str(store_10x), "--out", str(work / "report-10x")],
                                    env)
    four_years = work / "sector-4y"
    subprocess.run(mbo + ["sample-sector", "--out", str(four_years), "--years", "2024,2025,2026,2027"], check=True,
                   capture_output=True, env=env)
    n4 = len(list(four_years.rglob("*.xbrl")))
    store_4y = work / "store-4y.duckdb"
    four, four_mb = ingest(four_years, 2, store_4y)
    report_4y, report_4y_mb = run(mbo + ["report", "--store", str(store_4y), "--out", str(work / "report-4y")], env)
    pages_4y, pages_4y_mb = run(mbo + ["report", "--all-institutions", "--store", str(store_4y),
                                       "--out", str(work / "pages-4y")], env)
    memory += [limit_ingest_mb, limit_ingest_off_mb, one_mb, two_mb, again_mb, theirs_mb, rendered_mb, report_mb, ten_mb, report_10x_mb, four_mb,
               report_4y_mb, pages_4y_mb]
    growth = (ten / n10) / (two / n1)
    marginal = (ten - two) / (n10 - n1)
    out += ["", "## The sector", "",
            f"The synthetic sector: {n1} filings (52 institutions, 2024 and 2025); ten times as many: {n10}. "
            "*As other software writes it*: every filing rewritten in three to all eleven styles of "
            "`mbo_xbrl/synthetic/foreign.py` (other prefixes, schemaRef arcrole, schema locations, precision, "
            "date-time periods, a context per fact, scenario order, ids, xml:lang, padded identifiers, unit ids).",
            "", "| run | files | time (s) | per filing (ms) | peak MB |", "|---|---|---|---|---|",
            f"| lxml parse only (the floor), in one process | {n1} | {floor:.2f} | {floor / n1 * 1000:.0f} | – |",
            f"| ingest, 1 worker | {n1} | {one:.2f} | {one / n1 * 1000:.0f} | {one_mb:.0f} |",
            f"| ingest, 2 workers | {n1} | **{two:.2f}** | {two / n1 * 1000:.0f} | {two_mb:.0f} |",
            f"| ingest, 2 workers, as other software writes it | {n1} | **{theirs:.2f}** | "
            f"{theirs / n1 * 1000:.0f} | {theirs_mb:.0f} |",
            f"| ingest, 2 workers, each filing as its Inline XBRL progress section (`render`) | {n1} | {rendered:.2f} | "
            f"{rendered / n1 * 1000:.0f} | {rendered_mb:.0f} |",
            f"| ingest, 2 workers, 10× the filings | {n10} | {ten:.2f} | {ten / n10 * 1000:.0f} "
            f"(each extra filing: {marginal * 1000:.0f}) | {ten_mb:.0f} |",
            f"| re-ingest of the unchanged sector (all skipped) | {n1} | **{again:.2f}** | "
            f"{again / n1 * 1000:.0f} | {again_mb:.0f} |",
            f"| sector report (`mbo-xbrl report`) | – | {report:.2f} | – | {report_mb:.0f} |",
            f"| sector report at 10× the sector | – | **{report_10x:.2f}** | – | {report_10x_mb:.0f} |",
            f"| ingest, 2 workers, four years (2024–2027, with a merger and a late correction) | {n4} | {four:.2f} | "
            f"{four / n4 * 1000:.0f} | {four_mb:.0f} |",
            f"| sector report over four years | – | {report_4y:.2f} | – | {report_4y_mb:.0f} |",
            f"| every institution's page over four years (`report --all-institutions`: 52 pages, ~1,800 charts, "
            f"and an index) | – | **{pages_4y:.2f}** | – | {pages_4y_mb:.0f} |",
            f"| ingest of the filing at the size limit ({SIZE_LIMIT_FACTS:,} facts), 1 worker, fast path | 1 | "
            f"{limit_ingest:.2f} | – | {limit_ingest_mb:.0f} |",
            f"| ingest of the filing at the size limit, 1 worker, Arelle path (`MBO_XBRL_FULL_ARELLE=1`: in parts) | 1 | "
            f"{limit_ingest_off:.2f} | – | {limit_ingest_off_mb:.0f} |"]
    warm_worst = max(fast for _, _, fast, _, _ in warm_rows)
    measured = {
        "check_cold": f"{min(fast_ratios):.2f}–{max(fast_ratios):.2f}×",
        "off_time": f"{min(off_time):.2f}–{max(off_time):.2f}× (CPU seconds of all its processes together: "
                    f"{min(off_cpu):.2f}–{max(off_cpu):.2f}×)",
        "off_memory": f"{min(off_memory):.2f}–{max(off_memory):.2f}×",
        "warm": f"{warm_worst * 1000:.0f} ms (largest sample)",
        "ingest_2": f"{two:.1f} s",
        "foreign": f"{theirs / two:.2f}× ({theirs:.1f} s)",
        "growth": f"{growth:.2f}× (each extra filing {marginal * 1000:.0f} ms)",
        "reingest": f"{again:.2f} s",
        "size_limit": f"{max(size_limit_mb[0], limit_ingest_mb):.0f} MB on the fast path, "
                      f"{max(size_limit_mb[1], limit_ingest_off_mb):.0f} MB on Arelle's (in parts) "
                      f"({SIZE_LIMIT_FACTS:,} facts; check and ingest worker)",
        "memory": f"{max(memory):.0f} MB (largest single process)",
        "report_10x": f"{report_10x:.1f} s, {report_10x_mb:.0f} MB",
        "caps": "all four" if caps_held else "not all (see below)",
        "formulas": f"{min(formula_added):.2f}–{max(formula_added):.2f}× (their own phase: "
                    f"{min(formula_phase):.2f}–{max(formula_phase):.2f}× Arelle's validation phase)",
        "inline_cold": f"{min(inline_ratios):.2f}–{max(inline_ratios):.2f}×",
        "institutions_4y": f"{pages_4y:.1f} s, {pages_4y_mb:.0f} MB",
    }
    met = {
        "check_cold": max(fast_ratios) <= 1.0, "off_time": max(off_time) <= 1.0, "off_memory": max(off_memory) <= 1.0,
        "warm": warm_worst <= 0.1, "ingest_2": two <= 10, "foreign": theirs <= 1.5 * two, "growth": growth <= 1.2,
        "reingest": again <= 1.0,
        "size_limit": max(*size_limit_mb, limit_ingest_mb, limit_ingest_off_mb) <= 400, "memory": max(memory) <= 400,
        "report_10x": report_10x <= 10 and report_10x_mb <= 400, "caps": caps_held,
        "formulas": max(formula_added) <= 1.0, "inline_cold": max(inline_ratios) <= 1.0,
        "institutions_4y": pages_4y <= 10,
    }
    out = ["## Targets", "", "| what | target | measured | met |", "|---|---|---|---|"] + [
        f"| {NAMES[k]} | {TARGETS[k]} | {measured[k]} | {'yes' if met[k] else '**no**'} |" for k in TARGETS] + [""] + out
    table = "\n".join(out)
    print(table)
    shutil.rmtree(work, ignore_errors=True)
    if not args.no_write:
        machine = f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores"
        page = PAGE_HEAD.format(repeat=args.repeat, machine=machine) + table + "\n" + PAGE_TAIL
        (ROOT / "docs" / "performance.md").write_text(page, "utf-8")


def _files(work: Path) -> list[tuple[str, Path, int]]:
    """(label, file, facts) for the single-filing table: the samples, one as other software writes it,
    large filings, and one at the size limit."""
    sys.path.insert(0, str(ROOT))
    from mbo_xbrl.synthetic.foreign import STYLES, restyle
    from mbo_xbrl.synthetic.large import large_filing

    files = [(sample.name, sample, sample.read_text("utf-8").count("contextRef=")) for sample in SAMPLES]
    foreign = work / "99XA-2024-other-software.xbrl"
    foreign.write_bytes(restyle(SAMPLES[0].read_bytes(), STYLES))
    files.append(("99XA-2024.xbrl as other software writes it", foreign, files[0][2]))
    for facts in (*LARGE, SIZE_LIMIT_FACTS):
        path = work / f"large-{facts}.xbrl"
        path.write_bytes(large_filing(facts))
        label = f"{facts:,} facts with breakdowns" + (" (the size limit)" if facts == SIZE_LIMIT_FACTS else "")
        files.append((label, path, facts))
    return files


def _write_inline(sector: Path, out: Path) -> None:
    """Every filing of the sector as its Inline XBRL progress section."""
    from mbo_xbrl.inline.render import render

    for path in sorted(sector.rglob("*.xbrl")):
        target = out / path.relative_to(sector).with_suffix(".xhtml")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(render(path.read_bytes()))


def inline_cost(work: Path, env: dict[str, str], repeat: int, mbo: list[str]) -> tuple[list[str], list[float]]:
    """The samples as Inline XBRL progress sections: plain Arelle on the document against `mbo-xbrl check` on it
    (cold), and in one process per filing the check of the document against the check of the instance."""
    sys.path.insert(0, str(ROOT))
    from mbo_xbrl.engine import Engine
    from mbo_xbrl.inline.render import render

    rows = ["", "## Inline XBRL: what a progress section costs", "",
            "Each sample rendered by `mbo-xbrl render` and checked as the filing it carries. The fast path does not "
            "cover Inline XBRL: Arelle validates every document (Inline XBRL 1.1, its transformations and the "
            "XHTML schema, which no compiled view could vouch for), then the instance it stands for is checked "
            "like any filing (on the fast path when it qualifies). *Plain Arelle*: `--validate --formula none` "
            "on the same document.", "",
            "| file | plain Arelle on the document: s / MB | `check` on the document: s / MB | ratio | "
            "warm, per filing: the instance (ms) | warm: the document (ms) | document ÷ instance |",
            "|---|---|---|---|---|---|---|"]
    ratios = []
    engine = Engine()
    for sample in SAMPLES:
        document = work / (sample.stem + ".xhtml")
        document.write_bytes(render(sample.read_bytes()))
        plain, plain_mb = median_run(plain_arelle(document), repeat, env)
        ours, ours_mb = median_run(mbo + ["check", "--quiet", str(document)], repeat, env)
        ratios.append(ours / plain)
        warm_times = []
        for path in (sample, document):
            engine.check(path)
            times = []
            for _ in range(repeat * 3):
                started = time.perf_counter()
                engine.check(path)
                times.append(time.perf_counter() - started)
            warm_times.append(statistics.median(times))
        rows.append(f"| {document.name} | {plain:.2f} / {plain_mb:.0f} | **{ours:.2f}** / {ours_mb:.0f} | "
                    f"{ours / plain:.2f}× | {warm_times[0] * 1000:.0f} | {warm_times[1] * 1000:.0f} | "
                    f"{warm_times[1] / warm_times[0]:.1f}× |")
    return rows, ratios


def _write_foreign(sector: Path, out: Path) -> None:
    """The sector as other software writes it (a mix of styles per filing, seeded)."""
    from mbo_xbrl.synthetic.foreign import foreign_sector

    files = {str(p.relative_to(sector)): p.read_bytes() for p in sorted(sector.rglob("*.xbrl"))}
    for name, data in foreign_sector(files, seed=1).items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def hostile(work: Path, env: dict[str, str], mbo: list[str]) -> tuple[list[str], bool]:
    """Files built to exhaust a checker, plain Arelle against `mbo-xbrl check` with its limits per file."""
    sys.path.insert(0, str(ROOT))
    from mbo_xbrl.synthetic.hostile import attribute_flood, many_contexts

    import re

    from mbo_xbrl.synthetic.large import large_filing

    text = SAMPLES[0].read_text("utf-8")
    flood, heavy, heavier = work / "attribute-flood.xbrl", work / "many-contexts.xbrl", work / "more-contexts.xbrl"
    flood.write_text(attribute_flood(text, 80_000), "utf-8")
    heavy.write_text(many_contexts(text, 40_000), "utf-8")
    heavier.write_text(many_contexts(text, 95_000), "utf-8")
    errors = work / "an-error-in-every-number.xbrl"  # the size limit's filing, every number made invalid
    errors.write_bytes(re.sub(rb'(decimals="[0-9]+"[^>]*>)([0-9.]+<)', rb"\1x\2", large_filing(SIZE_LIMIT_FACTS)))
    full = dict(env, MBO_XBRL_FULL_ARELLE="1")
    cases = [  # (what, file, options, environment, the finding and kind that must stop it, limit: seconds / MB)
        ("80,000 attributes on the root", flood, [], env, ("MBO-S008", "attributes"), ("s", 1.0)),
        ("95,000 contexts, memory cap 300 MB", heavier, ["--max-memory", "300"], env, ("MBO-S007", "memory"),
         ("MB", 300)),
        ("40,000 contexts, Arelle path, time limit 5 s", heavy, ["--timeout", "5"], full, ("MBO-S007", "time"),
         ("s", 5 + 2.0)),  # the limit, plus starting the worker and killing it
        ("an error in every number of the size limit's filing (Arelle in parts; 1,000 findings listed, the rest "
         "counted)", errors, [], env, ("MBO-S004", None), ("MB", 400)),
    ]
    rows = ["", "## Hostile files: the limits per file", "",
            "Files built to exhaust a checker (`mbo_xbrl/synthetic/hostile.py`), schema-valid XML made from a sample. "
            "Plain Arelle has no limits; `mbo-xbrl check` stops each within its limit and says so in a finding, or "
            "checks it through within it.", "",
            "| file | size | plain Arelle: time (s) / peak MB | `mbo-xbrl check`: time (s) / peak MB | finding | within its limit |",
            "|---|---|---|---|---|---|"]
    held = True
    for what, path, options, case_env, (code, kind), (unit, limit) in cases:
        plain, plain_mb = run(plain_arelle(path), env)
        ours, ours_mb = run(mbo + ["check", "--quiet", *options, str(path)], case_env)
        stopped = (code, kind) in _findings(mbo, options, path, case_env)
        within = stopped and (ours <= limit if unit == "s" else ours_mb <= limit)
        held &= within
        rows.append(f"| {what} | {path.stat().st_size / 1e6:.1f} MB | {plain:.1f} / {plain_mb:.0f} | "
                    f"**{ours:.2f}** / {ours_mb:.0f} | {code}{f' ({kind})' if kind else ''} | "
                    f"{'yes' if within else '**no**'} |")
    return rows, held


def formulas_cost(work: Path, env: dict[str, str], repeat: int, files: list[tuple[str, Path, int]]
                  ) -> tuple[list[str], list[float], list[float]]:
    """Plain Arelle with and without the taxonomy's formula linkbase, on every valid sample, every failing
    sample of a rule that travels with the taxonomy, and a filing ten times the largest sample. Returns the
    table's rows, the time the formulas add as a share of the run without them, and the formula phase as a
    share of Arelle's validation phase (both read from Arelle's own log of the run with them)."""
    import re

    from mbo_xbrl.rules.travel import taxonomy_assertions
    from mbo_xbrl.synthetic.large import large_filing

    travelling = set(taxonomy_assertions())
    failing = sorted(p for p in (ROOT / "samples" / "invalid").glob("MBO-*.xbrl") if p.name[:8] in travelling)
    largest = max(facts for _, path, facts in files if path in SAMPLES)
    large = work / f"large-{10 * largest}.xbrl"
    large.write_bytes(large_filing(10 * largest))
    cases = [(p.name, p, repeat) for p in SAMPLES] + [(p.name, p, 1) for p in failing] + [
        (f"{10 * largest:,} facts (ten times the largest sample)", large, 1)]
    rows = ["", "## The rules in the taxonomy: what they cost plain Arelle", "",
            "Plain Arelle with only the taxonomy package, as OCW, DUO or a vendor runs it (docs/taxonomy.md): "
            "`--formula none` leaves the formula linkbase out, `--formula run` runs its assertions after "
            "validation. *Added*: the time the formulas add, as a share of the run without them; *phases*: "
            "from Arelle's own log of the run with them, its validation against its formula processing "
            "(compiling the assertions' XPath, about 0.4 s whatever the filing, and evaluating them). "
            f"Medians of {repeat} runs for the valid samples, one run otherwise. `mbo-xbrl check` does not load "
            "the formula linkbase (the engine runs the same rules).", "",
            "| file | without: s | with: s | added | Arelle's validation: s | formulas: s | formulas ÷ validation | "
            "assertions unsatisfied |", "|---|---|---|---|---|---|---|---|"]
    added, phase = [], []
    log = work / "formula-run.log"
    for label, path, times in cases:
        without = statistics.median(run(plain_arelle(path), env)[0] for _ in range(times))
        withs, validations, evaluations = [], [], []
        for _ in range(times):
            log.unlink(missing_ok=True)
            withs.append(run(plain_arelle(path, "run", log), env)[0])
            text = log.read_text("utf-8", errors="replace")
            validations.append(float(re.search(r"validated in ([\d.]+) secs", text).group(1)))
            evaluations.append(float(re.search(r"formula validation and execution in ([\d.]+) secs", text).group(1)))
        with_, validated, formulas = (statistics.median(x) for x in (withs, validations, evaluations))
        codes = sorted(set(re.findall(r"\[message:(MBO-[A-Z]\d{3})-", text)))
        added.append((with_ - without) / without)
        phase.append(formulas / validated)
        rows.append(f"| {label} | {without:.2f} | {with_:.2f} | **{added[-1]:.2f}×** | {validated:.2f} | "
                    f"{formulas:.2f} | {phase[-1]:.2f}× | {', '.join(codes) or '–'} |")
    return rows, added, phase


def _findings(mbo: list[str], options: list[str], path: Path, env: dict[str, str]) -> set[tuple[str, str]]:
    """(code, what or problem) of each finding `check` gives the file."""
    import json

    result = subprocess.run(mbo + ["check", "--quiet", "--format", "json", *options, str(path)], capture_output=True,
                            env=env)
    report = json.loads(result.stdout)["reports"][0]
    return {(f["code"], f["args"].get("problem") or f["args"].get("what")) for f in report["findings"]}


def _lxml_floor(folder: Path) -> float:
    """Parsing every filing with lxml alone, with the parser the check uses."""
    from lxml import etree

    from mbo_xbrl.parsing.stream import safe_parser

    started = time.perf_counter()
    for path in sorted(folder.rglob("*.xbrl")):
        etree.fromstring(path.read_bytes(), safe_parser())
    return time.perf_counter() - started


PAGE_HEAD = """# Performance

Measured with `.venv/bin/python benchmarks/run.py` (one run, medians of {repeat} runs for single checks,
{machine}). Absolute times depend on the machine; the ratios compare with plain Arelle and with
lxml alone on the same files in the same run. *Cold*: a new process, as a user runs `mbo-xbrl check`.
*Warm*: in one process, per filing, after a first check — what the nightly ingest and the web page pay.
Peak memory is the largest resident set of any one process of the run (the main process, a worker or a
worker's helper).

"""

PAGE_TAIL = """
## Where the time and memory go, and what was done

1. **The fast path** (`mbo_xbrl/parsing/certify.py`). Our taxonomy is closed and fixed, so what an
   instance check needs from it is compiled once, from Arelle's own DTS and XDT functions, into
   `mbo_xbrl/taxonomy/views/mbo-vgr-2024.json` (tied to the package by SHA-256). A filing of the
   profile our writer *and other software* write (prefixes, schemaRef arcrole and role, schema
   locations naming the DTS, `precision`, date-time periods, a context per fact, scenario members in
   any order, ids and xml:lang) is certified against it; anything else, or any doubt, goes to
   Arelle, whose messages decide. The fast path never writes a finding: `tests/test_fast_path.py`
   runs every sample, hand-made edge variants, every style of `mbo_xbrl/synthetic/foreign.py` and
   random variants through both paths and requires identical findings.
2. **Streaming.** lxml's tree of a document is about six times the file. The instance is read,
   certified and counted one child of the root at a time (`mbo_xbrl/parsing/stream.py`, iterparse
   with events only for what may be a child of the root), and each child is dropped when it is read:
   a check holds the raw facts, never the document's tree, so the size limit's 47 MB filing fits
   well under 400 MB. Off the fast path our tree is never held beside Arelle's model, and the tidy
   facts are read after Arelle's model is closed.
3. **Arelle in parts.** Arelle's model of an instance takes about 2.5 KB per element: 1 GB and more
   for a filing near the size limit. An instance of more than 40,000 elements goes to Arelle in parts
   (`mbo_xbrl/parsing/parts.py`): each part is the document with a share of the facts and exactly the
   contexts and units they use (the facts of a context together, so each context is validated once),
   every other child of the root replaced by as many line ends, so Arelle's lines are the file's. One
   part is held at a time and its model freed before the next. What could cross parts (an id twice, a
   footnote link, text in the root, references out of order) keeps the file whole, and
   `tests/test_parts.py` proves the findings equal to the whole file's on invalid filings of every kind.
   The planning pass (expat, which gives byte offsets) and a model per part cost a few per cent of
   Arelle's time on large files. Where the checking process has a core to spare (a check of one file on
   a machine of two cores or more), a helper forked from it validates every other part at the same time
   (`mbo_xbrl/helper.py`): it shares what the worker loaded, dies with it and has its memory cap, so the
   wall time of a large check on Arelle's path is about 0.6× plain Arelle's, for about as many CPU
   seconds (two processes on two cores of a shared machine cost each other some speed). An ingest keeps
   every worker to one process where the workers already use the cores.
4. **Arelle does only the filing's work.** Arelle validates the whole DTS with every instance; for a
   small filing that is most of its time. Our packages are generated, fixed and proven valid by plain
   Arelle when built, and a filing can add nothing to them (MBO-S003), so their documents are marked
   as checked (Arelle's `skipDTS`, on our package's documents only); calculation checks run only
   where the DTS has relationships for them. `tests/taxonomy/test_plain_arelle.py` shows the same
   messages with and without, on every sample.
5. **Processes.** `mbo-xbrl check` starts its checking process before it loads itself, and loads a
   subcommand only when it runs; workers freeze what they loaded at start and collect cycles less
   often (a check makes objects by the hundred thousand and frees them together).
6. **The store and the report.** Rows go into DuckDB as one DataFrame scan per table, whole filings
   committed in batches; the report reads only the rows and columns its analyses use (institutions'
   totals, objectives' budgets, finding codes), draws many bars in one call, and above 80 rows draws
   a chart's rows without a label each (the table beside it names them). The institutions' pages read
   the report's tables once, grouped per institution, format each distinct number once, and draw their
   ~1,800 small charts as a few lines of SVG text each instead of matplotlib figures (0.15 s each).
7. **The rules in the taxonomy** (`mbo_xbrl/taxonomy/generate/formulas.py`). Formula evaluation blows up
   in Arelle on cross-products of fact variables and on XPath that compares sequences pair by pair. Most
   assertions are evaluated once per filing over one sequence of the facts they read; where they compare
   two sets they count distinct values first (linear) and search pairs only to name what is wrong; a
   value out of range or a negative amount is found by a filter, so a valid filing binds no fact for it.
   On a filing with 433 own indicators this took the formulas from 16 s to 2.6 s. What is left is
   Arelle's compiling of the assertions' XPath (about 0.4 s for any filing) and the totals matched
   against their parts per objective and year.

What remains, off the fast path (every filing outside its profile, and every invalid one): a check
costs what Arelle costs plus reading the facts for the Werkagenda rules. In time that is under
plain Arelle up to 10,000 facts (Arelle no longer validates our taxonomy again) and about 1.04× at
50,000; in memory it is level with plain Arelle up to a few thousand facts and 4–9% over it at 10,000
to 50,000: the engine's own code (about 13 MB: the report model and the catalogue) and the raw facts
(about 0.8 KB a fact), held while Arelle validates. At
the size limit Arelle's own model needs about 1 GB, so a filing that large *and* outside the fast
path's profile is bounded by the memory cap (MBO-S007, 2 GB by default, `--max-memory`), not by
400 MB. Peak memory counts the largest single process.
"""


if __name__ == "__main__":
    main()
