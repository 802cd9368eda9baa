"""Where a finding is, in the words of the form: "Begroting 2025, doelstelling 3.3 Werken in het mbo".

A controller reads the questionnaire, not QNames: a finding's location names the form's field (a
budget of a year, the target of an indicator, a measure's apply-or-explain choice) and the objective,
measure, indicator and breakdown it belongs to, in Dutch and English. It is made once, when the check
is done, from the finding and the fact it points at (period, dimensions); CLI, web page, JSON
(`location_nl`, `location_en`) and the store's findings all show this one text. Concept, context and
line stay on the finding for whoever needs them.
"""

from __future__ import annotations

from collections.abc import Iterable

from mbo_xbrl.catalogue import Catalogue
from mbo_xbrl.parsing.filing import Filing, TidyFact
from mbo_xbrl.report.model import Finding
from mbo_xbrl.rules.completeness.c004_incomplete_own_indicator import PARTS as OWN_INDICATOR_PARTS
from mbo_xbrl.taxonomy import names

# The form's fields that are not indicators: (Dutch, English), with {year} where the period matters.
FIELDS = {
    names.BUDGET_AMOUNT: ("Begroting {year}", "Budget {year}"),
    names.EARMARKED_AMOUNT: ("Geoormerkt bedrag {year}", "Earmarked amount {year}"),
    names.MEASURE_APPLIED: ("Pas toe of leg uit", "Apply or explain"),
    names.MEASURE_EXPLANATION: ("Uitleg waarom niet toegepast", "Explanation why not applied"),
    names.WORKS_ON_OBJECTIVE: ("Keuze 'werkt aan deze doelstelling'", "Choice 'works on this objective'"),
    names.OBJECTIVE_NARRATIVE: ("Toelichting", "Narrative"),
    names.INSTITUTION_NAME: ("Naam van de instelling", "Name of the institution"),
    names.PROGRESS_NARRATIVE: ("Voortgangsparagraaf", "Progress narrative"),
    names.ALTERNATIVE_SOURCE_USED: ("Alternatieve bron gebruikt", "Alternative source used"),
    names.ALTERNATIVE_SOURCE_DESCRIPTION: ("Beschrijving van de alternatieve bron", "Description of the alternative source"),
} | {concept: (nl.capitalize(), en.capitalize()) for concept, (nl, en) in OWN_INDICATOR_PARTS.items()}
KINDS = {"start": ("Startwaarde ({year})", "Start value ({year})"), "target": ("Streefwaarde {year}", "Target {year}"),
         "realisation": ("Realisatie {year}", "Realisation {year}")}
WORDS = {
    "nl": {"indicator": "indicator", "objective": "doelstelling", "measure": "maatregel", "own_measures":
           "eigen maatregelen", "own_indicator": "eigen indicator", "total": "totaal van de instelling",
           "line": "regel {line} van het bestand", "context": "context {context}", "of": "van"},
    "en": {"indicator": "indicator", "objective": "objective", "measure": "measure", "own_measures":
           "own measures", "own_indicator": "own indicator", "total": "institution total",
           "line": "line {line} of the file", "context": "context {context}", "of": "of"},
}


def with_locations(findings: Iterable[Finding], filing: Filing | None, catalogue: Catalogue) -> list[Finding]:
    """The findings, each with `location_nl` and `location_en` (left empty where nothing is known)."""
    findings = list(findings)
    if not findings:  # a valid filing: no index of its facts to build
        return findings
    facts: dict[tuple[str, str], TidyFact] = {}
    # for a finding that names a line but no context (nil, Arelle): the fact on that line, when it is the only
    # one there (a file written on one line names line 1 for everything: then the line says nothing)
    at_line: dict[tuple[str, int], TidyFact | None] = {}
    if filing is not None:
        for fact in filing.facts:
            facts.setdefault((fact.concept, fact.context), fact)
            if fact.line is not None:
                for key in ((fact.concept, fact.line), ("", fact.line)):
                    at_line[key] = fact if key not in at_line else None
    out = []
    for finding in findings:
        fact = facts.get((finding.concept or "", finding.context or "")) or \
            at_line.get((finding.concept or "", finding.line or 0))
        nl, en = (locate(finding, fact, catalogue, lang) for lang in ("nl", "en"))
        out.append(finding.model_copy(update={"location_nl": nl, "location_en": en}) if nl or en else finding)
    return out


def locate(finding: Finding, fact: TidyFact | None, catalogue: Catalogue, lang: str) -> str | None:
    """The finding's place in the form, in `lang`; None when it is about the file as a whole."""
    w = WORDS[lang]
    i = 0 if lang == "nl" else 1
    local = fact.local if fact is not None else (finding.concept or "").rpartition(":")[2]
    year = _year(finding, fact)
    kind = (fact.value_kind if fact is not None else None) or finding.args.get("value_kind")
    indicator = catalogue.indicator_by_code.get(finding.indicator or (fact.indicator_code if fact else None) or "")
    objective = finding.objective or (fact.objective if fact else None) or (indicator.objective if indicator else None)
    measure = finding.measure or (fact.measure if fact else None)
    own = (fact.own_indicator if fact else None) or finding.args.get("own_indicator")
    parts: list[str] = []
    if indicator is not None and local not in FIELDS:
        field = KINDS[kind][i] if kind in KINDS else ""
        target_year = catalogue.target_year if kind == "target" else year
        named = f"{w['indicator']} {indicator.code} {indicator.label_nl if i == 0 else indicator.label_en}"
        head = f"{field.format(year=target_year or '').replace(' ()', '')} {w['of']} {named}" if field else named
        parts.append(head[0].upper() + head[1:] + _breakdown(fact, catalogue, i))
        return ", ".join(parts)
    if local in FIELDS:
        parts.append(FIELDS[local][i].format(year=year or "").strip())
    elif kind in KINDS and own:
        parts.append(KINDS[kind][i].format(year=catalogue.target_year if kind == "target" else year or "")
                     .replace(" ()", ""))
    if indicator is not None:
        parts.append(f"{w['indicator']} {indicator.code} {indicator.label_nl if i == 0 else indicator.label_en}")
    if own:
        parts.append(f"{w['own_indicator']} {own}")
    if measure:
        if measure.startswith("own:"):
            parts.append(w["own_measures"])
        elif measure in catalogue.measure_by_code:
            m = catalogue.measure_by_code[measure]
            parts.append(f"{w['measure']} {m.code} {m.label_nl if i == 0 else m.label_en}")
    if objective in catalogue.objective_by_code:
        o = catalogue.objective_by_code[objective]
        parts.append(f"{w['objective']} {o.code} {o.label_nl if i == 0 else o.label_en}")
    elif local in (names.BUDGET_AMOUNT, names.EARMARKED_AMOUNT) and not measure:
        parts.append(w["total"])
    if not parts and finding.context:
        parts.append(w["context"].format(context=finding.context))
    if not parts and finding.line:
        parts.append(w["line"].format(line=finding.line))
    if not parts:
        return None
    text = ", ".join(parts)
    return text[0].upper() + text[1:]


def _year(finding: Finding, fact: TidyFact | None) -> int | str | None:
    if fact is not None and fact.school_year is not None:
        return f"{fact.school_year}-{fact.school_year + 1}"  # a school year, 1 August - 31 July
    if fact is not None and fact.period_end is not None:
        return fact.whole_year or fact.period_end.year
    for key in ("year", "report_year"):
        value = finding.args.get(key)
        if isinstance(value, int):
            return value
    return None


def _breakdown(fact: TidyFact | None, catalogue: Catalogue, i: int) -> str:
    if fact is None or not fact.breakdown:
        return ""
    labels = []
    for code, member in fact.breakdown:
        breakdown = catalogue.breakdown_by_code.get(code)
        known = {m.code: m for m in breakdown.members} if breakdown else {}
        m = known.get(member)
        labels.append((m.label_nl if i == 0 else m.label_en) if m else member)
    return f" ({', '.join(labels)})"
