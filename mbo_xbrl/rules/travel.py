"""Which rules travel with the taxonomy, as assertions of its formula linkbase, and why the others do not.

Any XBRL processor that runs XBRL Formula (plain Arelle with the taxonomy package) checks the rules
that travel as `mbo-xbrl check` does; `mbo-xbrl rules --format json` and docs/rules.md say per rule
under which assertion ids, or why it stays in the engine.
"""

from __future__ import annotations

from functools import lru_cache

from mbo_xbrl.rules.base import Rule


@lru_cache(maxsize=1)
def taxonomy_assertions() -> dict[str, tuple[str, ...]]:
    """Rule code -> the ids of its assertions in the taxonomy's formula linkbase."""
    from mbo_xbrl.catalogue import load_catalogue
    from mbo_xbrl.taxonomy.generate.formulas import assertion_ids
    from mbo_xbrl.taxonomy.generate.model import build_model
    from mbo_xbrl.taxonomy.releases import CURRENT

    catalogue = load_catalogue()
    model = build_model(catalogue, CURRENT)
    defaults = {axis.name: member.name for axis, member in model.defaults}
    return {code: tuple(ids) for code, ids in assertion_ids(catalogue, CURRENT, defaults).items()}


def engine_only(rule: Rule) -> tuple[str, str] | None:
    """Why a rule is checked by the engine only (Dutch, English), or None when it travels with the taxonomy."""
    from mbo_xbrl.taxonomy.generate.formulas import ENGINE_ONLY_NL_EN

    if rule.code in taxonomy_assertions():
        return None
    return ENGINE_ONLY_NL_EN.get(rule.code) or ENGINE_ONLY_NL_EN[rule.layer.value]
