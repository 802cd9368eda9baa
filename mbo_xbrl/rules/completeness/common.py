"""Shared by the completeness rules: which indicator values a filing holds in total (no breakdown)."""

from __future__ import annotations

from mbo_xbrl.parsing.filing import Filing


def total_value_kinds(filing: Filing) -> dict[str, set[str]]:
    """Indicator code -> the value kinds reported for the total (no breakdown)."""
    out: dict[str, set[str]] = {}
    for fact in filing.indicator_values:
        if not fact.breakdown and fact.value_kind:
            out.setdefault(fact.indicator.code, set()).add(fact.value_kind)
    return out


def missing_total_value(rule, filing: Filing, catalogue, kind: str, indicators=None) -> list:
    """A finding of `rule` for each in-scope indicator (of `indicators`, default all) whose total lacks a value
    of `kind`."""
    from mbo_xbrl.rules.describe import indicator_args

    reported = total_value_kinds(filing)
    return [rule.finding(value_kind=kind, **indicator_args(indicator))
            for indicator in (catalogue.indicators if indicators is None else indicators)
            if filing.objective_in_scope(indicator.objective) and kind not in reported.get(indicator.code, set())]
