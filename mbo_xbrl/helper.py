"""Work shared with one helper process, forked for it: this process does one half, the helper the other.

A large instance goes to Arelle in parts (`mbo_xbrl.parsing.parts`); where the process that checks it has a
second core to itself, a helper forked from it validates every other part at the same time. A fork shares
what this process has set up (Arelle with our taxonomy, the file in memory) without loading it again, and
the objects frozen before the fork (`gc.freeze`) stay shared: no collection touches them.

The helper is as safe to run unattended as the process that forks it:
* it dies with that process, however it ends (the kernel's SIGKILL, PR_SET_PDEATHSIG), so a check killed
  for its time limit leaves no helper behind;
* it has the same memory cap (the address-space limit is inherited); running out of memory there is
  MemoryError here, as it would be in this process;
* it writes nothing but its answer, pickled, to a pipe that only this process reads, and ends with
  `os._exit`: no cleanup of this process's (shared) resources runs in it;
* when this process fails in its half, the helper is killed and reaped before the failure goes on.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable, Sequence
from typing import TypeVar

from mbo_xbrl.errors import ProcessorError

T = TypeVar("T")


class HelperError(Exception):
    """The helper failed without a reason this process can raise as its own."""


def halves(work: Callable[[Sequence[int]], T], mine: Sequence[int], theirs: Sequence[int]) -> tuple[T, T]:
    """`work(mine)` in this process and `work(theirs)` in a helper forked for it, at the same time: both results,
    this process's first.

    Raises what the work raised here; MemoryError when the helper ran out of memory; ProcessorError when the
    XBRL processor failed there; SystemError when a C extension failed there without an exception (under a
    memory cap: out of memory); HelperError when it failed otherwise or ended without an answer.
    """
    reading, writing = os.pipe()
    parent = os.getpid()
    try:
        pid = os.fork()
    except OSError:  # no process to be had (a process limit, say): this one does both halves
        os.close(reading)
        os.close(writing)
        return work(mine), work(theirs)
    if pid == 0:
        os.close(reading)
        _helper(work, theirs, writing, parent)  # never returns
    os.close(writing)
    done = False
    try:
        done_here = work(mine)
        with os.fdopen(reading, "rb") as incoming:
            reading = -1
            try:
                status, value = pickle.load(incoming)
            except MemoryError:
                raise
            except Exception:  # noqa: BLE001 - nothing, or half an answer: the helper ended on the way
                status, value = "ended", None
        done = True
    finally:
        if reading >= 0:
            os.close(reading)
        if not done:
            _kill(pid)
        _reap(pid)
    if status == "ok":
        return done_here, value
    if status == "memory":
        raise MemoryError("the helper process ran out of memory")
    if status == "processor":
        raise ProcessorError(value)
    if status == "system":
        raise SystemError(value)
    raise HelperError(value or "the helper process ended without an answer")


def _helper(work: Callable[[Sequence[int]], T], numbers: Sequence[int], writing: int, parent: int) -> None:
    """The helper's whole life: its half of the work, the answer down the pipe, and out."""
    try:
        die_with(parent)
        try:
            answer: tuple[str, object] = ("ok", work(numbers))
        except MemoryError:
            answer = ("memory", None)
        except ProcessorError as err:
            answer = ("processor", str(err))
        except SystemError as err:  # under the memory cap, a C extension out of memory: the caller decides
            answer = ("system", str(err))
        except BaseException as err:  # noqa: BLE001 - said to the parent, which decides
            answer = ("error", f"{type(err).__name__}: {err}")
        try:
            data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            data = pickle.dumps(("memory", None))
        view = memoryview(data)
        while view:
            view = view[os.write(writing, view):]
    finally:
        os._exit(0)


def die_with(parent: int) -> None:
    """SIGKILL from the kernel when the process `parent` (that started or forked this one) ends: armed, then
    checked for the race of a parent that ended before. Its signal follows the thread that started this
    process (`mbo_xbrl.sandbox` adds a lifeline for workers started from a thread)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(0)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
