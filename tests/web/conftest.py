"""A real `mbo-xbrl serve` in a subprocess, on a free port, for the API and browser tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from mbo_xbrl.ingestion import ingest
from tests.conftest import ROOT

TOKEN = "test-token-ocw"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`mbo-xbrl serve` with a private temporary folder (`tmp`), so a test can see what it leaves there."""

    def __init__(self, args: list[str], env: dict[str, str], tmp: Path | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.tmp = tmp
        if tmp is not None:
            tmp.mkdir(parents=True, exist_ok=True)
            env = env | {"TMPDIR": str(tmp)}
        # stderr (its access log) into a file: a pipe nobody reads would fill and stop the server
        self.stderr = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from mbo_xbrl.cli import main; main()", "serve", "--port", str(self.port), *args],
            env=env, stdout=subprocess.DEVNULL, stderr=self.stderr, cwd=ROOT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited: {self.log()[-2000:]}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as response:
                    if response.read() == b"ok":
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start within 60 s")

    def log(self) -> str:
        """What the server wrote on stderr so far."""
        self.stderr.seek(0)
        return self.stderr.read().decode("utf-8", errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("MBO_XBRL_FULL_ARELLE", "MBO_XBRL_WEB_TOKEN")}
    return env | extra


@pytest.fixture(scope="session")
def store_with_samples(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The valid samples, and then a rejected filing of one of their institutions, submitted after them (its
    modification time, which ingest reads as submission, a minute after the latest of theirs)."""
    folder = tmp_path_factory.mktemp("web-store")
    url = str(folder / "store.duckdb")
    later = folder / "MBO-C001-missing-target-value.xbrl"
    later.write_bytes((ROOT / "samples" / "invalid" / later.name).read_bytes())
    moment = max(p.stat().st_mtime for p in (ROOT / "samples" / "valid").iterdir()) + 60
    os.utime(later, (moment, moment))
    ingest([ROOT / "samples" / "valid", later], url)
    return url


@pytest.fixture(scope="session")
def server(store_with_samples: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The page as users meet it: 2 workers, the default limits lowered to 2 MB, a token for /overview."""
    home = tmp_path_factory.mktemp("web-home")
    running = Server(["--store", store_with_samples, "--max-size", str(2 * 1024 * 1024)],
                     _env(MBO_XBRL_WEB_TOKEN=TOKEN, XDG_CONFIG_HOME=str(home)))
    yield running
    running.stop()


def _arelle_server(home: Path, timeout: float) -> Server:
    """One worker and Arelle on every filing (a second or more each): the limits can be met on purpose."""
    return Server(["--workers", "1", "--timeout", str(timeout)],
                  _env(MBO_XBRL_FULL_ARELLE="1", XDG_CONFIG_HOME=str(home)), tmp=home / "tmp")


@pytest.fixture()
def slow_server(tmp_path: Path) -> Iterator[Server]:
    """A time limit of a fifth of a second: a check that needs Arelle runs past it."""
    running = _arelle_server(tmp_path, timeout=0.2)
    yield running
    running.stop()


@pytest.fixture()
def busy_server(tmp_path: Path) -> Iterator[Server]:
    """A generous time limit: a second upload meets the only worker busy."""
    running = _arelle_server(tmp_path, timeout=60)
    yield running
    running.stop()
