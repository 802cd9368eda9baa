"""MBO-V002: the target goes against the indicator's direction."""

from __future__ import annotations

from mbo_xbrl.parsing.filing import Filing
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, RuleContext, rule
from mbo_xbrl.rules.describe import INDICATOR_CONCEPTS, indicator_args, number_text


@rule(
    code="MBO-V002", name="target-against-direction", layer=Layer.SEMANTIC, severity=Severity.WARNING,
    concepts=(INDICATOR_CONCEPTS,),
    message_nl="Streefwaarde {target:num} voor indicator {indicator} '{indicator_nl}' is {worse_nl} dan de startwaarde "
               "{start:num}, terwijl {better_nl} beter is.",
    message_en="Target {target:num} for indicator {indicator} '{indicator_en}' is {worse_en} than the start value "
               "{start:num}, while {better_en} is better.",
    fix_nl="Controleer de streefwaarde: een achteruitgang als doel is ongebruikelijk; licht het toe in de "
           "toelichting bij de doelstelling als het bewust is.",
    fix_en="Check the target: aiming for a decline is unusual; explain it in the objective's narrative if it is "
           "deliberate.",
    why_nl="De ambitie wordt gelezen in de gewenste richting van de indicator; een streefwaarde die slechter is "
           "dan de start is meestal een vergissing, soms bewust.",
)
def target_against_direction(filing: Filing, ctx: RuleContext) -> list[Finding]:
    """The ambition is read against the indicator's direction (seed 002: e.g. less workload is better).

    A target worse than the start is usually a mistake (a reversed direction, a swapped value),
    sometimes deliberate: a warning.
    """
    totals: dict[tuple[str, str], object] = {}
    for fact in filing.indicator_values:
        if not fact.breakdown and fact.value_kind in ("start", "target") and fact.number is not None:
            totals[(fact.indicator.code, fact.value_kind)] = fact
    findings = []
    for (code, kind), target in totals.items():
        start = totals.get((code, "start"))
        if kind != "target" or start is None:
            continue
        indicator = target.indicator
        higher = indicator.direction.value == "higher"
        if (higher and target.number < start.number) or (not higher and target.number > start.number):
            args = indicator_args(indicator)
            args.pop("concept")
            findings.append(target_against_direction.finding(
                target=number_text(target.number), start=number_text(start.number),
                worse_nl="lager" if higher else "hoger", worse_en="lower" if higher else "higher",
                better_nl="hoger" if higher else "lager", better_en="higher" if higher else "lower",
                **args, **target.where))
    return findings
