"""`mbo-xbrl rules [CODE...]`: the rule catalogue."""

from __future__ import annotations

import json
import re
from typing import Any

import click

from mbo_xbrl.cli.options import format_option, lang_option
from mbo_xbrl.report.render import TEXT, severity_word
from mbo_xbrl.rules.base import Rule
from mbo_xbrl.rules.examples import check_options, example
from mbo_xbrl.rules.registry import all_rules
from mbo_xbrl.rules.travel import engine_only, taxonomy_assertions


def rule_dict(rule: Rule) -> dict[str, Any]:
    why = engine_only(rule)
    return {"code": rule.code, "name": rule.name, "layer": rule.layer.value, "severity": rule.severity.value,
            "message_nl": rule.message_nl, "message_en": rule.message_en, "fix_nl": rule.fix_nl,
            "fix_en": rule.fix_en, "rationale": rule.rationale, "why_nl": rule.why_nl, "concepts": list(rule.concepts),
            "in_taxonomy": why is None, "taxonomy_assertions": list(taxonomy_assertions().get(rule.code, ())),
            "engine_only_nl": why[0] if why else None, "engine_only_en": why[1] if why else None,
            "funded_only": rule.funded_only}


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
    for n, r in enumerate(chosen):
        click.echo(("\n" if n else "") + rule_text(r, lang, detailed=bool(codes)))


# the words of the rule catalogue's text; severities and "fix" are the reports' (mbo_xbrl.report.render)
WORDS = {
    "nl": {"workbook": "werkmap", "file": "bestand", "form": "vorm", "filing-rules": "filingregels", "xbrl": "XBRL", "semantic": "inhoud",
           "message": "Melding", "example": "Bijvoorbeeld", "why": "Waarom", "sample": "Voorbeeldbestand",
           "taxonomy": "In de taxonomie", "engine_only": "Alleen in mbo-xbrl", "assertions": "assertion(s)"},
    "en": {"workbook": "workbook", "file": "file", "form": "form", "filing-rules": "filing rules", "xbrl": "XBRL", "semantic": "content",
           "message": "Message", "example": "For example", "why": "Why", "sample": "Failing sample",
           "taxonomy": "In the taxonomy", "engine_only": "Only in mbo-xbrl", "assertions": "assertion(s)"},
}
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def rule_text(rule: Rule, lang: str, detailed: bool) -> str:
    """A rule as people read it: what it says (filled in from its failing sample, else with … for the
    values), how to fix it, and (`detailed`) why, its sample and whether it travels with the taxonomy."""
    w = WORDS[lang] | {"fix": TEXT[lang]["fix"]}
    lines = [f"{rule.code} {rule.name} — {severity_word(rule.severity, lang)}, {w[rule.layer.value]}"]
    shown = example(rule.code)
    if shown and shown.findings:
        first = shown.findings[0]
        lines += [f"    {w['example']}: {first.message(lang)}", f"    {w['fix']}: {first.fix(lang)}"]
    else:
        lines += [f"    {w['message']}: {PLACEHOLDER.sub('…', rule.message_nl if lang == 'nl' else rule.message_en)}",
                  f"    {w['fix']}: {PLACEHOLDER.sub('…', rule.fix_nl if lang == 'nl' else rule.fix_en)}"]
    if not detailed:
        return "\n".join(lines)
    lines.append(f"    {w['why']}: {rule.why(lang)}")
    if shown:
        command = " ".join(["mbo-xbrl check", *check_options(shown.options), f"samples/invalid/{shown.file}"])
        lines.append(f"    {w['sample']}: {command}")
    why = engine_only(rule)
    if why is None:
        lines.append(f"    {w['taxonomy']}: {w['assertions']} {', '.join(taxonomy_assertions()[rule.code])}")
    else:
        lines.append(f"    {w['engine_only']}: {why[0] if lang == 'nl' else why[1]}")
    return "\n".join(lines)
