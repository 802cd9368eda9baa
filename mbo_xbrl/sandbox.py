"""Checks in worker processes: each file with a time limit and a memory cap, workers that die with us.

One file must never stop a run. So `check`, `ingest` and the web page never check a file in their
own process: a few long-lived workers (each with a warm `Engine`) do, and the caller gets an
`Outcome` per file whatever happened in there:

* `ok`: the worker's answer (a report, or rows for the store);
* `time`: the check ran past the time limit; the worker was killed and replaced (MBO-S007);
* `memory`: the check needed more than the memory cap (an address-space limit set inside the
  worker, so Python raises MemoryError there and the machine never has to kill anything; MBO-S007);
* `stopped`: the worker ended unexpectedly (killed from outside, a crash in native code); replaced.

Why our own processes rather than `multiprocessing` pools: a pool cannot stop one task that runs
too long, a pool worker that dies breaks the whole pool, and multiprocessing starts a resource
tracker that outlives a killed parent. Here a worker is `python -m mbo_xbrl.sandbox` with one
socket to its parent. It dies with its parent however the parent ends: the kernel sends it SIGKILL
when the parent dies (PR_SET_PDEATHSIG), and a lifeline pipe that only the parent holds open ends
it too (for workers started from a thread, where the kernel's signal follows the thread). Workers
write nothing to disk (Arelle's home folder is never created; every filing reaches Arelle through an
in-memory file), so a killed run leaves no process and no file behind. A worker is started before
its task is known (`prestart`), so it loads while the command that needs it does.
"""

from __future__ import annotations

import gc
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from mbo_xbrl.errors import MboXbrlError
from mbo_xbrl.helper import die_with
from mbo_xbrl.limits import MB, Limits

STARTUP_SECONDS = 120.0  # a worker that is not ready by then will not be (the machine is far too busy)


class Busy(Exception):
    """Every worker is checking a file: try again in a moment."""


class SandboxError(MboXbrlError):
    """A worker process could not be started: the run cannot check anything."""


@dataclass(frozen=True)
class Outcome:
    """What became of one job."""

    status: str  # ok, time, memory, stopped
    value: Any = None
    detail: str = ""


class _Worker:
    """One worker process and our end of its socket.

    A worker is started before it is given its task (`assign`): it loads the checker's code while
    its parent is still busy, so a short command does not wait for both one after the other.
    """

    def __init__(self) -> None:
        ours, theirs = socket.socketpair()
        lifeline_read, self._lifeline = os.pipe()
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mbo_xbrl.sandbox", str(theirs.fileno()), str(lifeline_read),
                 str(os.getpid())],
                pass_fds=(theirs.fileno(), lifeline_read), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                env=os.environ | {"OPENBLAS_NUM_THREADS": "1"},  # one thread's buffers, not one per core
                stderr=None if os.environ.get("MBO_XBRL_WORKER_STDERR") else subprocess.DEVNULL, close_fds=True)
        finally:
            theirs.close()
            os.close(lifeline_read)
        self.connection = Connection(ours.detach())
        self.ready = False
        self.killed = False

    def assign(self, task: str, options: dict[str, Any], limits: Limits) -> _Worker:
        """Give the worker its task, its options and the limits it must set on itself."""
        self.connection.send((task, options, limits))
        return self

    def wait_ready(self) -> None:
        """Block until the worker has set itself up; a worker that cannot start is an error of the run."""
        if self.ready:
            return
        try:
            if not self.connection.poll(STARTUP_SECONDS):
                raise SandboxError(f"a checking process did not start within {STARTUP_SECONDS:g} seconds")
            status, detail = self.connection.recv()
        except (EOFError, OSError):
            status, detail = "stopped", self._ended()
        if status != "ready":
            self.stop()
            raise SandboxError(f"a checking process could not start: {detail}")
        self.ready = True

    def _ended(self) -> str:
        """How the process ended, in words (it has ended, or ends within a moment)."""
        try:
            code = self.process.wait(5)
        except subprocess.TimeoutExpired:
            return "it stopped answering"
        if code < 0:
            try:
                return f"it was ended by signal {signal.Signals(-code).name}"
            except ValueError:
                return f"it was ended by signal {-code}"
        return f"it exited with code {code}"

    def receive(self) -> Outcome:
        """The answer to the job it was given (call when the socket is readable, or to learn of its end)."""
        try:
            status, value = self.connection.recv()
        except (EOFError, OSError):
            return Outcome("stopped", detail=self._ended())
        if status == "ok":
            return Outcome("ok", value)
        return Outcome(status, detail=str(value or ""))

    def stop(self) -> None:
        """End the process at once and release everything of it."""
        self.killed = True
        try:
            self.process.kill()
        except OSError:
            pass
        self.process.wait()
        self.connection.close()
        try:
            os.close(self._lifeline)
        except OSError:
            pass

    def close(self) -> None:
        """Let the process finish on its own (it sees the end of its socket), killing it if it does not."""
        self.connection.close()
        try:
            os.close(self._lifeline)
        except OSError:
            pass
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.stop()


_PRESTARTED: list[_Worker] = []


def prestart(count: int = 1) -> None:
    """Start `count` workers now, before their task is known: the next Sandbox takes them.

    The command line calls this first thing, so that a worker loads its code while the command
    loads its own. A worker nobody takes ends with this process.
    """
    _PRESTARTED.extend(_Worker() for _ in range(count))


class Sandbox:
    """`workers` processes running `task` (a name in TASKS) on jobs, each within `limits`.

    `map(jobs)` runs many jobs in parallel and yields their outcomes in input order (for `check`
    and `ingest`, one thread); `run(job)` runs one job and is safe from many threads (the web page).
    """

    def __init__(self, task: str, *, limits: Limits, workers: int = 1, options: dict[str, Any] | None = None) -> None:
        if task not in TASKS:
            raise ValueError(f"unknown task {task!r}")
        self.task, self.limits = task, limits
        self.options = {"part_processes": part_processes(workers), **(options or {})}
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        try:
            for _ in range(workers):
                self._idle.put(self._start())
        except BaseException:
            self.close()
            raise

    def _start(self) -> _Worker:
        worker = (_PRESTARTED.pop() if _PRESTARTED else _Worker()).assign(self.task, self.options, self.limits)
        with self._lock:
            self._all.add(worker)
        return worker

    def _retire(self, worker: _Worker) -> _Worker | None:
        """Kill a worker that timed out, ran out of memory or died, and start its replacement."""
        worker.stop()
        with self._lock:
            self._all.discard(worker)
            if self._closed:
                return None
        return self._start()

    def _finish(self, worker: _Worker, outcome: Outcome) -> None:
        """Give the worker back (or its replacement, when this outcome leaves it unfit)."""
        if outcome.status != "ok":
            worker = self._retire(worker)
        if worker is not None:
            self._idle.put(worker)

    def run(self, job: Any, *, block: bool = True) -> Outcome:
        """One job's outcome; with block=False, raise Busy at once when no worker is free."""
        try:
            worker = self._idle.get(block=block)
        except queue.Empty:
            raise Busy() from None
        worker = self._ready(worker)
        worker.connection.send(job)
        if worker.connection.poll(self.limits.seconds):
            outcome = worker.receive()
        else:
            outcome = Outcome("time")
        self._finish(worker, outcome)
        return outcome

    def _ready(self, worker: _Worker) -> _Worker:
        """The worker once it is set up; one that ended while setting up (killed from outside, say) is
        replaced once. A replacement that cannot start either is an error of the run (SandboxError)."""
        try:
            worker.wait_ready()
            return worker
        except SandboxError:
            replacement = self._retire(worker)
            if replacement is None:
                raise
        except BaseException:
            self._retire_quietly(worker)
            raise
        try:
            replacement.wait_ready()
        except BaseException:
            self._retire_quietly(replacement)
            raise
        return replacement

    def _retire_quietly(self, worker: _Worker) -> None:
        try:
            replacement = self._retire(worker)
        except SandboxError:
            return
        if replacement is not None:
            self._idle.put(replacement)

    def map(self, jobs: Iterable[Any]) -> Iterator[Outcome]:
        """The outcome of each job, in the order of `jobs`, checking up to `workers` at a time."""
        todo = deque(enumerate(jobs))
        busy: dict[Connection, tuple[int, _Worker, float]] = {}
        done: dict[int, Outcome] = {}
        next_out = 0
        while todo or busy or next_out in done:
            while todo and not self._idle.empty():
                worker = self._ready(self._idle.get_nowait())
                index, job = todo.popleft()
                worker.connection.send(job)
                busy[worker.connection] = (index, worker, time.monotonic() + self.limits.seconds)
            if next_out in done:
                yield done.pop(next_out)
                next_out += 1
                continue
            if not busy:
                raise SandboxError("no checking process is left")  # every start failed; cannot happen quietly
            soonest = min(deadline for _, _, deadline in busy.values())
            for connection in wait(list(busy), timeout=max(0.0, soonest - time.monotonic())):
                index, worker, _ = busy.pop(connection)
                outcome = worker.receive()
                done[index] = outcome
                self._finish(worker, outcome)
            now = time.monotonic()
            for connection, (index, worker, deadline) in list(busy.items()):
                if deadline <= now and not connection.poll(0):  # an answer that is there counts, however late we look
                    del busy[connection]
                    done[index] = Outcome("time")
                    self._finish(worker, done[index])

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.close()

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def part_processes(workers: int) -> int:
    """The processes that validate a large instance's parts (`Engine.part_processes`): two (the worker and a
    helper forked for it) where each of `workers` workers has two cores to itself, else one.
    MBO_XBRL_PART_PROCESSES=1 keeps every check in one process."""
    wanted = os.environ.get("MBO_XBRL_PART_PROCESSES", "").strip()
    if wanted in ("1", "2"):
        return int(wanted)
    return 2 if len(os.sched_getaffinity(0)) >= 2 * max(1, workers) else 1


def report_from(outcome: Outcome, name: str, sha256: str | None, limits: Limits):
    """The report of a `report` job, whatever its outcome: the worker's, or one that says why there is none."""
    from mbo_xbrl.engine import limit_report, problem_report

    if outcome.status == "ok":
        return outcome.value
    if outcome.status in ("time", "memory"):
        return limit_report(name, sha256, outcome.status, limits)
    if outcome.status == "stopped":
        return problem_report(name, sha256, "stopped", "het controleproces stopte onverwacht",
                              "the checking process stopped unexpectedly")
    return problem_report(name, sha256, "internal", "een interne fout in de controle",
                          "an internal error in the checker")


# --- inside a worker -------------------------------------------------------------------------

def _report_task(options: dict[str, Any]):
    """Jobs: {"path": str} or {"data": bytes, "name": str}; answer: the Report.

    The report goes back pickled, by Python: pydantic's serializer (in Rust) aborts the process when an
    allocation fails under the memory cap, where Python raises MemoryError, which becomes MBO-S007."""
    from mbo_xbrl.engine import Engine, problem_report

    engine = Engine(**options)

    def run(job: dict[str, Any]) -> str:
        if "data" in job:
            return engine.check_bytes([job.pop("data")], job["name"])  # the engine holds the only copy
        try:
            return engine.check(job["path"])
        except OSError as err:
            reason = err.strerror or str(err)
            return problem_report(job["path"], None, "unreadable", f"het bestand kon niet worden gelezen ({reason})",
                                  f"the file could not be read ({reason})")
    return run


def _store_task(options: dict[str, Any]):
    """Jobs: {"path", "sha256"}; answer: the NormalisedFiling for the store, or a str saying why the file could
    not be read. A file over the size limit is not read whole: its report takes the sha256 the parent took."""
    from mbo_xbrl.engine import Engine
    from mbo_xbrl.normalise import normalise

    engine = Engine(**options)

    def run(job: dict[str, str]):
        try:
            report, filing = engine.check_file(job["path"])
        except OSError as err:
            return f"unreadable: {err.strerror or err}"
        if report.sha256 is None:
            report.sha256 = job["sha256"]
        return normalise(report, filing)
    return run


TASKS = {"report": _report_task, "store": _store_task}


def _die_with_parent(lifeline: int, parent: int) -> None:
    """End this process when the parent ends, however it ends (see the module docstring)."""
    die_with(parent)

    def watch() -> None:
        try:
            while os.read(lifeline, 1):
                pass
        except OSError:
            pass
        os._exit(0)

    threading.Thread(target=watch, name="lifeline", daemon=True).start()


def _cap_memory(megabytes: int) -> None:
    """Cap this process's address space; Python then raises MemoryError where an allocation fails.

    numpy (which Arelle imports) is loaded first: OpenBLAS sets up its buffers when it loads and
    aborts the process, uncatchably, if that fails under the cap.
    """
    import resource

    import numpy  # noqa: F401

    limit = megabytes * MB
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _show_traceback() -> None:
    """On the worker's stderr, which the parent passes on only with MBO_XBRL_WORKER_STDERR=1 (for debugging)."""
    import traceback

    traceback.print_exc()


def worker_main(argv: list[str]) -> None:
    """The loop of one worker: set up, say ready, then one job in, one answer out, until the socket closes."""
    fd, lifeline, parent = (int(a) for a in argv[:3])
    _die_with_parent(lifeline, parent)
    connection = Connection(fd)
    megabytes = 0
    try:
        import mbo_xbrl.engine  # noqa: F401 - the checker's code, loaded while the parent gets ready

        try:
            task, options, limits = connection.recv()
        except (EOFError, OSError):
            return  # started ahead, and not needed after all
        megabytes = limits.memory_mb
        _cap_memory(megabytes)
        run = TASKS[task](dict(options, limits=limits))
    except MemoryError:
        connection.send(("memory", f"{megabytes} MB is not enough to start"))
        return
    except Exception:  # noqa: BLE001 - the parent shows one line; the traceback only when asked for
        _show_traceback()
        connection.send(("error", "it failed while setting up (MBO_XBRL_WORKER_STDERR=1 shows why)"))
        return
    # A check makes objects by the hundred thousand (Arelle's model, the tidy facts) and frees them
    # together: collecting cycles every 700 allocations spends ~5% of a large check walking live
    # objects. Every 10,000 costs about a megabyte; what was loaded to set up is never garbage.
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
    connection.send(("ready", None))
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        try:
            answer: tuple[str, Any] = ("ok", run(job))
        except MemoryError:
            answer = ("memory", "")
        except SystemError:  # a C extension that failed without an exception: under the cap, out of memory
            _show_traceback()
            answer = ("memory", "") if megabytes else ("error", "an internal error in the checker")
        except Exception:  # noqa: BLE001 - a fault of ours: the parent reports the file as not checked
            _show_traceback()
            answer = ("error", "an internal error in the checker")
        try:
            connection.send(answer)
        except MemoryError:
            connection.send(("memory", ""))
        if answer[0] == "memory":
            return  # a fresh process for the next file: memory may be fragmented past use


if __name__ == "__main__":
    worker_main(sys.argv[1:])
