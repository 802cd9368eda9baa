"""All rules, by code: the one list the engine, the CLI and the generated docs read."""

from __future__ import annotations

from mbo_xbrl.rules.base import Rule
from mbo_xbrl.rules.structure.s004_invalid_xbrl import INVALID_XBRL

_RULES: dict[str, Rule] = {rule.code: rule for rule in (INVALID_XBRL,)}


def all_rules() -> list[Rule]:
    return sorted(_RULES.values(), key=lambda r: r.code)


def get(code: str) -> Rule:
    return _RULES[code]
