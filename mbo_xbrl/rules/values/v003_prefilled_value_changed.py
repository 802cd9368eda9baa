"""MBO-V003: a value OCW pre-filled was changed (when a pre-fill register is given)."""

from __future__ import annotations

from decimal import Decimal

from mbo_xbrl import formats
from mbo_xbrl.parsing.filing import Filing, TidyFact
from mbo_xbrl.prefill import PrefilledValue, format_breakdown
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, RuleContext, rule
from mbo_xbrl.rules.describe import INDICATOR_CONCEPTS, data_concepts
from mbo_xbrl.taxonomy import names


@rule(
    code="MBO-V003", name="prefilled-value-changed", layer=Layer.SEMANTIC, severity=Severity.ERROR,
    concepts=(INDICATOR_CONCEPTS, *data_concepts(names.EARMARKED_AMOUNT, names.INSTITUTION_NAME)),
    message_nl="Vooraf ingevulde waarde gewijzigd: {what_nl} was {prefilled:num} en is nu {reported_nl}.",
    message_en="Pre-filled value changed: {what_en} was {prefilled:num} and is now {reported_en}.",
    fix_nl="Zet de door OCW vooraf ingevulde waarde terug; is die onjuist, meld dat dan bij OCW in plaats van "
           "hem te wijzigen.",
    fix_en="Restore the value OCW pre-filled; if it is wrong, report that to OCW instead of changing it.",
    why_nl="OCW vult vooraf in wat het weet (DUO, JOB-monitor, oormerken); een gewijzigde voorinvulling maakt "
           "instellingen onvergelijkbaar.",
)
def prefilled_value_changed(filing: Filing, ctx: RuleContext) -> list[Finding]:
    """OCW pre-fills what it knows (DUO, JOB-monitor, earmarks; seed 003); the institution completes the rest.

    A pre-filled value that is changed or removed breaks comparability between institutions.
    Runs only when a pre-fill register is given (`--prefill-register`).
    """
    if ctx.prefill is None:
        return []
    reported = _reported(filing)
    findings = []
    for value in ctx.prefill.for_filing(filing.institution, filing.report_year):
        fact = reported.get(value.key)
        if fact is not None and _same(value, fact):
            continue
        reported_value = fact.value.strip() if fact is not None else None
        what_nl, what_en = _words(value)
        findings.append(prefilled_value_changed.finding(
            what=_describe(value), what_nl=what_nl, what_en=what_en, prefilled=value.value, reported=reported_value,
            reported_nl=_as_reported(reported_value, "nl", "verwijderd"), reported_en=_as_reported(reported_value, "en", "removed"),
            value_kind=value.value_kind or None, year=value.year,
            indicator=value.code if value.item == "indicator" else None,
            objective=value.code if value.item == "earmark" else None,
            **(fact.where if fact is not None else {})))
    return findings


def _reported(filing: Filing) -> dict[tuple, TidyFact]:
    out: dict[tuple, TidyFact] = {}
    for fact in filing.facts:
        if fact.indicator is not None and fact.value_kind:
            out[("indicator", fact.indicator.code, fact.value_kind, fact.whole_year, fact.breakdown)] = fact
        elif fact.local == names.EARMARKED_AMOUNT and fact.objective:
            out[("earmark", fact.objective, "", fact.whole_year, ())] = fact
        elif fact.local == names.INSTITUTION_NAME:
            out[("institution_name", "", "", None, ())] = fact
    return out


def _same(value: PrefilledValue, fact: TidyFact) -> bool:
    if value.item == "institution_name":
        return " ".join(value.value.split()) == " ".join(fact.value.split())
    return fact.number is not None and fact.number == Decimal(value.value)


def _words(value: PrefilledValue) -> tuple[str, str]:
    """What was pre-filled, in words: "de startwaarde 2022 van indicator I1.3.01"."""
    if value.item == "indicator":
        kind = {"start": ("startwaarde", "start value"), "target": ("streefwaarde", "target"),
                "realisation": ("realisatie", "realisation")}.get(value.value_kind, (value.value_kind,) * 2)
        part_nl = part_en = ""
        if value.breakdown:
            part_nl = part_en = f" ({format_breakdown(value.breakdown)})"
        return (f"de {kind[0]} {value.year} van indicator {value.code}{part_nl}",
                f"the {kind[1]} {value.year} of indicator {value.code}{part_en}")
    if value.item == "earmark":
        return (f"het geoormerkte bedrag {value.year} van doelstelling {value.code}",
                f"the earmarked amount {value.year} of objective {value.code}")
    return "de naam van de instelling", "the name of the institution"


def _as_reported(reported: str | None, lang: str, removed: str) -> str:
    """The reported value as `lang` writes a number (or the text as it is); `removed` when it is gone."""
    if reported is None:
        return f"({removed})"
    try:
        Decimal(reported)
    except ArithmeticError:
        return f"'{reported}'"
    return formats.number(reported, lang)


def _describe(value: PrefilledValue) -> str:
    if value.item == "indicator":
        part = f" [{format_breakdown(value.breakdown)}]" if value.breakdown else ""
        return f"{value.code} {value.value_kind} {value.year}{part}"
    if value.item == "earmark":
        return f"{value.code} earmark {value.year}"
    return "InstitutionName"
