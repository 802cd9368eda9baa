"""Checks for the web page: in worker processes (`mbo_xbrl.sandbox`), a bounded number at a time.

Each worker is a long-lived process with its own warm `Engine`, capped in memory; a check that
runs past its time limit has its worker killed and replaced, so a hostile or pathological upload
costs one worker a few seconds but never the server. It gets the same report as `mbo-xbrl check`
would give it (MBO-S007). When every worker is busy, a new check is refused at once with `Busy`
instead of queueing without end. Uploads travel to the worker over a socket and reach Arelle as an
in-memory file: no copy of an upload is ever written to disk.
"""

from __future__ import annotations

import hashlib

from mbo_xbrl.limits import Limits
from mbo_xbrl.report.model import Report
from mbo_xbrl.sandbox import Busy, Sandbox, report_from

__all__ = ["Busy", "CheckPool"]


class CheckPool:
    """`workers` processes; `check()` returns one upload's report within the limits."""

    def __init__(self, workers: int = 2, limits: Limits | None = None) -> None:
        self.limits = limits or Limits.from_env()
        self._sandbox = Sandbox("report", limits=self.limits, workers=workers)

    @property
    def timeout(self) -> float:
        return self.limits.seconds

    def check(self, data: bytes, name: str) -> Report:
        """The report of one upload; Busy when every worker is checking another."""
        outcome = self._sandbox.run({"data": data, "name": name}, block=False)
        return report_from(outcome, name, hashlib.sha256(data).hexdigest(), self.limits)

    def close(self) -> None:
        self._sandbox.close()
