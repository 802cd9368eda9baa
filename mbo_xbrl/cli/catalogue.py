"""`mbo-xbrl catalogue`: the objectives, measures and indicators the taxonomy is built from."""

from __future__ import annotations

import json
from typing import Any

import click

from mbo_xbrl.catalogue import Catalogue, load_catalogue
from mbo_xbrl.cli.options import format_option, lang_option
from mbo_xbrl.taxonomy.concepts import indicator_concept


def catalogue_dict(cat: Catalogue) -> dict[str, Any]:
    """The catalogue as JSON: the contract fields first, the rest of each declaration after."""
    return {
        "catalogue_version": cat.catalogue_version,
        "priorities": [p.model_dump() for p in cat.priorities],
        "objectives": [{"code": o.code, "priority": o.priority, "label_nl": o.label_nl, "label_en": o.label_en,
                        "earmarked": cat.is_earmarked(o.code)} for o in cat.objectives],
        "measures": [{"code": m.code, "objective": m.objective, "mandatory": m.mandatory, "earmarked": m.earmarked,
                      "label_nl": m.label_nl, "label_en": m.label_en, "seed": m.seed.model_dump()}
                     for m in cat.measures],
        "indicators": [{"code": i.code, "objective": i.objective, "label_nl": i.label_nl, "label_en": i.label_en,
                        "unit": i.unit, "direction": i.direction.value, "source": i.source,
                        "frequency": i.frequency, "level": i.level.value, "breakdowns": i.breakdowns,
                        "concept": indicator_concept(i).clark, "prefilled_start": cat.is_prefilled(i),
                        "start_year": i.start_year, "non_funded": i.non_funded} for i in cat.indicators],
        "sector_indicators": [{"code": si.code, "objective": si.objective, "label_nl": si.label_nl,
                               "label_en": si.label_en, "unit": si.unit, "source": si.source, "level": si.level.value,
                               "derived_from": si.derived_from} for si in cat.sector_indicators],
    }


def catalogue_text(cat: Catalogue, lang: str) -> str:
    def label(x: Any) -> str:
        return x.label_nl if lang == "nl" else x.label_en

    w = WORDS[lang]
    lines = [w["head"].format(version=cat.catalogue_version, objectives=len(cat.objectives),
                              measures=len(cat.measures), indicators=len(cat.indicators))]
    for p in cat.priorities:
        lines.append(f"{p.code} {label(p)}")
        for o in cat.objectives_of(p.code):
            lines.append(f"  {o.code} {label(o)}" + (f"  [{w['earmarked']}]" if cat.is_earmarked(o.code) else ""))
            for m in cat.measures_of(o.code):
                flags = [f for f, on in ((w["mandatory"], m.mandatory), (w["earmarked"], m.earmarked)) if on]
                lines.append(f"    {m.code} {label(m)}" + (f"  [{', '.join(flags)}]" if flags else ""))
            for i in cat.indicators_of(o.code):
                arrow = "↑" if i.direction.value == "higher" else "↓"
                unit = label(cat.unit_by_code[i.unit]) if i.unit in cat.unit_by_code else i.unit
                frequency = label(cat.frequency_by_code[i.frequency]) if i.frequency in cat.frequency_by_code \
                    else i.frequency
                breakdowns = [label(cat.breakdown_by_code[b]).lower() for b in i.breakdowns if b in cat.breakdown_by_code]
                lines.append(f"    {i.code} {label(i)}  ({unit} {arrow}, {i.source}, {frequency}"
                             + (f"; {w['by']} {', '.join(breakdowns)}" if breakdowns else "") + ")")
    return "\n".join(lines)


WORDS = {
    "nl": {"head": "catalogus {version}: {objectives} doelstellingen, {measures} maatregelen, {indicators} indicatoren",
           "earmarked": "geoormerkt", "mandatory": "verplicht", "by": "uitgesplitst naar"},
    "en": {"head": "catalogue {version}: {objectives} objectives, {measures} measures, {indicators} indicators",
           "earmarked": "earmarked", "mandatory": "mandatory", "by": "broken down by"},
}


@click.command()
@format_option
@lang_option
def catalogue(fmt: str, lang: str) -> None:
    """Print the catalogue: priorities, objectives, measures and indicators.

    \b
    Example:
        mbo-xbrl catalogue
        mbo-xbrl catalogue --format json
    """
    cat = load_catalogue()
    click.echo(json.dumps(catalogue_dict(cat), ensure_ascii=False, indent=2) if fmt == "json"
               else catalogue_text(cat, lang))
