"""Limits per file: what one filing may cost, so that one file can never stop a run or a server.

Each limit has a default that leaves ample room for a real filing (one institution's filing holds
hundreds to a few thousand facts, well under 1 MB), an environment variable, and a command-line
option on `check`, `ingest` and `serve`. What each limit guards against:

| limit | default | guards against | finding |
|---|---|---|---|
| size | 50 MB | reading an arbitrarily large file | MBO-S006 |
| elements, facts, contexts, units | 1,000,000 / 100,000 / 100,000 / 1,000 | memory and time growing with the count | MBO-S008 |
| attributes per element | 500 | Arelle's cost growing with the square of the attributes of one element | MBO-S008 |
| depth | 100 | deep nesting (lxml refuses over 256 by itself) | MBO-S008 |
| findings listed per rule | 1,000 | a mistake repeated by the hundred thousand costing the report's memory | counted in the report, not listed |
| time per file | 120 s | any remaining slow path (the check is stopped); a filing at the size limit takes about 20 s on Arelle's path in two processes, 35 s in one, on a 2-core machine | MBO-S007 |
| memory per check | 2,048 MB address space | a check that would exhaust the machine (the check process is capped) | MBO-S007 |

The structural limits are counted while lxml streams the file, before Arelle sees it; time and memory are
enforced on the process that checks (see `mbo_xbrl.sandbox`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

from mbo_xbrl.errors import MboXbrlError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one file may cost. Immutable; `with_options` makes a copy with some limits changed."""

    max_bytes: int = 50 * MB
    max_elements: int = 1_000_000
    max_facts: int = 100_000
    max_contexts: int = 100_000
    max_units: int = 1_000
    max_attributes: int = 500
    max_depth: int = 100
    seconds: float = 120.0
    memory_mb: int = 2048
    max_findings: int = 1_000

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Limits:
        """The defaults, with any `MBO_XBRL_<LIMIT>` environment variable applied (e.g. MBO_XBRL_MAX_FACTS)."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            name = ENV_NAMES[f.name]
            text = env.get(name, "").strip()
            if not text:
                continue
            try:
                value = float(text) if f.name == "seconds" else int(text)
            except ValueError:
                raise MboXbrlError(f"{name}={text!r} is not a number") from None
            if value <= 0:
                raise MboXbrlError(f"{name}={text!r} must be more than 0")
            values[f.name] = value
        return cls(**values)

    def with_options(self, **options: object) -> Limits:
        """A copy with the options that were given (None means: keep this limit)."""
        return replace(self, **{k: v for k, v in options.items() if v is not None})


ENV_NAMES = {
    "max_bytes": "MBO_XBRL_MAX_SIZE",
    "max_elements": "MBO_XBRL_MAX_ELEMENTS",
    "max_facts": "MBO_XBRL_MAX_FACTS",
    "max_contexts": "MBO_XBRL_MAX_CONTEXTS",
    "max_units": "MBO_XBRL_MAX_UNITS",
    "max_attributes": "MBO_XBRL_MAX_ATTRIBUTES",
    "max_depth": "MBO_XBRL_MAX_DEPTH",
    "seconds": "MBO_XBRL_TIMEOUT",
    "memory_mb": "MBO_XBRL_MAX_MEMORY",
    "max_findings": "MBO_XBRL_MAX_FINDINGS",
}
