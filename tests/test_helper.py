"""Work shared with a forked helper process (`mbo_xbrl.helper`): both halves done, every failure of the helper
said here as what it was, and no helper outliving the process that forked it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mbo_xbrl.errors import ProcessorError
from mbo_xbrl.helper import HelperError, halves
from tests.test_unattended import alive, assert_all_gone


def test_each_half_is_done_once_and_the_other_half_in_another_process() -> None:
    here, there = halves(lambda numbers: (os.getpid(), [n * n for n in numbers]), [0, 2, 4, 6], [1, 3, 5])
    assert here == (os.getpid(), [0, 4, 16, 36])
    assert there[1] == [1, 9, 25] and there[0] != os.getpid()
    assert not alive(there[0])  # reaped: not even a zombie is left


def helper_only(failure):
    """Work that fails in the helper (which does the odd numbers) and nowhere else."""
    def work(numbers):
        if numbers and numbers[0] % 2:
            failure()
        return list(numbers)
    return work


def out_of_memory() -> None:
    raise MemoryError


def processor_fails() -> None:
    raise ProcessorError("the XBRL processor failed on part.xbrl: boom")


def c_extension_fails() -> None:
    raise SystemError("error return without exception set")


def ends() -> None:
    os._exit(3)


def fails() -> None:
    raise KeyError("a fault of ours")


@pytest.mark.parametrize(("failure", "raised", "said"), [
    (out_of_memory, MemoryError, "ran out of memory"),
    (processor_fails, ProcessorError, "failed on part.xbrl: boom"),
    (c_extension_fails, SystemError, "without exception set"),
    (ends, HelperError, "ended without an answer"),
    (fails, HelperError, "KeyError"),
])
def test_a_failure_in_the_helper_is_raised_here_as_what_it_was(failure, raised, said: str) -> None:
    with pytest.raises(raised, match=said):
        halves(helper_only(failure), [0, 2], [1, 3])


def test_when_this_half_fails_the_helper_is_killed_and_reaped(tmp_path: Path) -> None:
    pid_file = tmp_path / "helper.pid"

    def work(numbers):
        if numbers[0] == 1:  # the helper: says who it is, then would work a minute
            pid_file.write_text(str(os.getpid()))
            time.sleep(60)
            return []
        while not pid_file.exists() or not pid_file.read_text():
            time.sleep(0.01)
        raise ValueError("this half failed")

    started = time.monotonic()
    with pytest.raises(ValueError, match="this half failed"):
        halves(work, [0], [1])
    assert time.monotonic() - started < 30
    assert not alive(int(pid_file.read_text()))


def test_a_helper_dies_with_the_process_that_forked_it(tmp_path: Path) -> None:
    """However that process ends (here: SIGKILL, as at a time limit), the kernel ends its helper."""
    pid_file = tmp_path / "helper.pid"
    script = (
        "import os, sys, time\n"
        "from mbo_xbrl.helper import halves\n"
        "def work(numbers):\n"
        "    if numbers[0] == 1:\n"
        f"        open({str(pid_file)!r}, 'w').write(str(os.getpid()))\n"
        "    time.sleep(120)\n"
        "halves(work, [0], [1])\n")
    process = subprocess.Popen([sys.executable, "-c", script], cwd=Path(__file__).resolve().parents[1])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (pid_file.exists() and pid_file.read_text()):
        time.sleep(0.05)
    helper = int(pid_file.read_text())
    assert alive(helper)
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    assert_all_gone({helper})


def test_two_processes_per_check_only_where_each_worker_has_two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    from mbo_xbrl.sandbox import part_processes

    cores = len(os.sched_getaffinity(0))
    monkeypatch.delenv("MBO_XBRL_PART_PROCESSES", raising=False)
    assert part_processes(cores) == 1  # as many workers as cores (an ingest): one process each
    assert part_processes(max(1, cores // 2)) == (2 if cores >= 2 else 1)
    monkeypatch.setenv("MBO_XBRL_PART_PROCESSES", "1")
    assert part_processes(1) == 1
    monkeypatch.setenv("MBO_XBRL_PART_PROCESSES", "2")
    assert part_processes(cores * 4) == 2
