"""Each rule's example: the findings its failing sample gives (`samples/invalid/`), kept in `examples/`.

The same files are what `tests/rules/test_rule_catalogue.py` requires the engine to find on those samples
(`UPDATE_EXPECTED=1` rewrites them), so an example is always a finding the engine really gives.
`mbo-xbrl rules CODE` shows it filled in, instead of the message's pattern.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from mbo_xbrl.report.model import Finding

EXAMPLES = Path(__file__).parent / "examples"


@dataclass(frozen=True)
class Example:
    file: str  # the failing sample, under samples/invalid/
    options: dict  # what the sample needs to fail (a size limit, a time limit, the pre-fill register)
    findings: tuple[Finding, ...]


@lru_cache(maxsize=None)
def example(code: str) -> Example | None:
    path = EXAMPLES / f"{code}.json"
    if not path.is_file():
        return None
    data = json.loads(path.read_text("utf-8"))
    return Example(data["file"], data["options"], tuple(Finding.model_validate(f) for f in data["findings"]))


def check_options(options: dict) -> list[str]:
    """The `mbo-xbrl check` options a failing sample needs to fail (its size or time limit, the register)."""
    out: list[str] = []
    if "max_bytes" in options:
        out += ["--max-size", str(options["max_bytes"])]
    if "timeout" in options:
        out += ["--timeout", str(options["timeout"])]
    if "prefill_register" in options:
        out += ["--prefill-register", f"samples/{options['prefill_register']}"]
    return out
