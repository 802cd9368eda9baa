"""All rules, by code: the one list the engine, the CLI and the generated docs read."""

from __future__ import annotations

from functools import lru_cache

from mbo_xbrl.rules.base import LAYER_ORDER, Layer, Rule


@lru_cache(maxsize=1)
def _rules() -> dict[str, Rule]:
    from mbo_xbrl.rules.budget import (
        b001_missing_budget,
        b002_budget_does_not_add_up,
        b003_earmark_not_budgeted,
        b004_budget_on_unapplied_measure,
        b005_negative_amount,
    )
    from mbo_xbrl.rules.completeness import (
        c001_missing_target_value,
        c002_missing_start_value,
        c003_missing_realisation,
        c004_incomplete_own_indicator,
        c005_undescribed_alternative_source,
        c006_missing_objective_declaration,
    )
    from mbo_xbrl.rules.measures import (
        m001_mandatory_measure_not_applied,
        m002_missing_explanation,
        m003_missing_choice,
        m004_applied_without_budget,
    )
    from mbo_xbrl.rules.structure import (
        s001_not_wellformed,
        s002_not_an_instance,
        s003_unknown_entry_point,
        s004_invalid_xbrl,
        s005_doctype,
        s006_file_too_large,
        s007_check_limit_exceeded,
        s008_structure_beyond_limits,
        s010_nil,
        s011_unused_context_or_unit,
        s012_duplicate_facts,
        s013_institution_identity,
        s014_period_out_of_plan,
        s015_release_does_not_fit_year,
    )
    from mbo_xbrl.rules.values import (
        v001_value_out_of_range,
        v002_target_against_direction,
        v003_prefilled_value_changed,
        v004_implausible_value,
    )
    from mbo_xbrl.rules.workbook import (
        w001_workbook_refused,
        w002_cell_not_convertible,
        w003_prefilled_cell_changed,
        w004_workbook_not_of_form,
        w005_formula_without_value,
    )

    modules = [
        s001_not_wellformed, s002_not_an_instance, s003_unknown_entry_point, s004_invalid_xbrl, s005_doctype,
        s006_file_too_large, s007_check_limit_exceeded, s008_structure_beyond_limits, s010_nil, s011_unused_context_or_unit, s012_duplicate_facts, s013_institution_identity,
        s014_period_out_of_plan, s015_release_does_not_fit_year, c001_missing_target_value, c002_missing_start_value, c003_missing_realisation,
        c004_incomplete_own_indicator, c005_undescribed_alternative_source, c006_missing_objective_declaration,
        b001_missing_budget, b002_budget_does_not_add_up, b003_earmark_not_budgeted,
        b004_budget_on_unapplied_measure, b005_negative_amount, m001_mandatory_measure_not_applied,
        m002_missing_explanation, m003_missing_choice, m004_applied_without_budget, v001_value_out_of_range,
        v002_target_against_direction, v003_prefilled_value_changed, v004_implausible_value,
        w001_workbook_refused, w002_cell_not_convertible, w003_prefilled_cell_changed, w004_workbook_not_of_form,
        w005_formula_without_value,
    ]
    rules: dict[str, Rule] = {}
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, Rule):
                if value.code in rules and rules[value.code] is not value:
                    raise ValueError(f"rule code {value.code} is declared twice")
                rules[value.code] = value
    return dict(sorted(rules.items()))


def all_rules() -> list[Rule]:
    return list(_rules().values())


def get(code: str) -> Rule:
    return _rules()[code]


def rules_in_layer(layer: Layer) -> list[Rule]:
    return [r for r in all_rules() if r.layer is layer]


def select(codes: list[str] | None = None, ignore: list[str] | None = None) -> set[str]:
    """Codes of the rules chosen by --select / --ignore (each a code or a prefix like MBO-B)."""
    chosen = {r.code for r in all_rules() if not codes or any(r.code.startswith(c) for c in codes)}
    return {c for c in chosen if not ignore or not any(c.startswith(i) for i in ignore)}


__all__ = ["LAYER_ORDER", "all_rules", "get", "rules_in_layer", "select"]
