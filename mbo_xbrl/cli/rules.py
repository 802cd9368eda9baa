"""`mbo-xbrl rules [CODE...]`: the rule catalogue."""

from __future__ import annotations

import json
from typing import Any

import click

from mbo_xbrl.cli.options import format_option, lang_option
from mbo_xbrl.rules.base import Rule
from mbo_xbrl.rules.registry import all_rules
from mbo_xbrl.rules.travel import engine_only, taxonomy_assertions


def rule_dict(rule: Rule) -> dict[str, Any]:
    why = engine_only(rule)
    return {"code": rule.code, "name": rule.name, "layer": rule.layer.value, "severity": rule.severity.value,
            "message_nl": rule.message_nl, "message_en": rule.message_en, "fix_nl": rule.fix_nl,
            "fix_en": rule.fix_en, "rationale": rule.rationale, "concepts": list(rule.concepts),
            "in_taxonomy": why is None, "taxonomy_assertions": list(taxonomy_assertions().get(rule.code, ())),
            "engine_only_nl": why[0] if why else None, "engine_only_en": why[1] if why else None}


@click.command()
@click.argument("codes", nargs=-1)
@format_option
@lang_option
def rules(codes: tuple[str, ...], fmt: str, lang: str) -> None:
    """Print the rule catalogue, or the rules whose code starts with one of CODES.

    \b
    Example:
        mbo-xbrl rules
        mbo-xbrl rules MBO-B --format json
    """
    chosen = [r for r in all_rules() if not codes or any(r.code.startswith(c) for c in codes)]
    if codes and not chosen:
        raise click.BadParameter(f"no rule matches {', '.join(codes)}", param_hint="CODES")
    if fmt == "json":
        click.echo(json.dumps([rule_dict(r) for r in chosen], ensure_ascii=False, indent=2))
        return
    for r in chosen:
        click.echo(f"{r.code} {r.name} ({r.severity.value}, {r.layer.value})")
        click.echo(f"    {r.message_nl if lang == 'nl' else r.message_en}")
        click.echo(f"    {r.rationale.splitlines()[0]}")
