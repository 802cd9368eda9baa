"""Checks for the web page: in worker processes, a bounded number at a time, each with a time limit.

Each worker is a long-lived process with its own warm `Engine` (and, when a filing needs it, its
own Arelle). A check that runs past its time limit has its worker killed and replaced, so a
hostile or pathological upload can cost one worker a few seconds but never the server. When every
worker is busy, a new check is refused at once with `Busy` instead of queueing without end.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from multiprocessing.connection import Connection

from mbo_xbrl.report.model import Report
from mbo_xbrl.rules.structure.s006_file_too_large import DEFAULT_MAX_BYTES


class Busy(Exception):
    """Every worker is checking a filing: try again in a moment."""


class TooSlow(Exception):
    """The check ran past its time limit and was stopped."""


class CheckFailed(Exception):
    """The worker could not check the file (an internal failure, reported in one line)."""


def _serve(connection: Connection, max_bytes: int) -> None:
    """A worker's loop: (data, name) in, a report as JSON (or an error line) out."""
    from mbo_xbrl.engine import Engine

    engine = Engine(max_bytes=max_bytes)
    while True:
        try:
            data, name = connection.recv()
        except (EOFError, OSError):
            return
        try:
            connection.send(("ok", engine.check_bytes(data, name).model_dump_json()))
        except Exception as err:  # one line back to the page; the worker lives on
            connection.send(("error", f"{type(err).__name__}: {err}"))


class _Worker:
    def __init__(self, context: multiprocessing.context.BaseContext, max_bytes: int) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, max_bytes), daemon=True)
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.connection.close()


class CheckPool:
    """`workers` processes; `check()` waits at most `timeout` seconds for one filing's report."""

    def __init__(self, workers: int = 2, timeout: float = 30.0, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        for _ in range(workers):
            self._add()

    def _add(self) -> None:
        worker = _Worker(self._context, self.max_bytes)
        with self._lock:
            self._all.append(worker)
        self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._all.remove(worker)
        self._add()

    def check(self, data: bytes, name: str) -> Report:
        try:
            worker = self._idle.get_nowait()
        except queue.Empty:
            raise Busy() from None
        try:
            worker.connection.send((data, name))
            if not worker.connection.poll(self.timeout):
                self._replace(worker)
                worker = None
                raise TooSlow()
            status, payload = worker.connection.recv()
        except (EOFError, OSError, BrokenPipeError) as err:  # the worker died (killed, out of memory)
            if worker is not None:
                self._replace(worker)
                worker = None
            raise CheckFailed(f"the checking process stopped: {err or type(err).__name__}") from err
        finally:
            if worker is not None:
                self._idle.put(worker)
        if status != "ok":
            raise CheckFailed(payload)
        return Report.model_validate_json(payload)

    def close(self) -> None:
        with self._lock:
            workers, self._all = self._all, []
        for worker in workers:
            worker.stop()
