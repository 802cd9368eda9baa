"""MBO-M001: a mandatory measure is not applied."""

from __future__ import annotations

from mbo_xbrl.parsing.filing import Filing
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, RuleContext, rule
from mbo_xbrl.rules.describe import data_concepts, measure_args
from mbo_xbrl.taxonomy import names


@rule(
    code="MBO-M001", name="mandatory-measure-not-applied", layer=Layer.SEMANTIC, severity=Severity.ERROR, funded_only=True,
    concepts=data_concepts(names.MEASURE_APPLIED, names.WORKS_ON_OBJECTIVE),
    message_nl="Verplichte maatregel {measure} '{measure_nl}' wordt niet toegepast{why_nl}.",
    message_en="Mandatory measure {measure} '{measure_en}' is not applied{why_en}.",
    fix_nl="Kies bij deze maatregel 'pas toe' en werk aan doelstelling {objective}; een verplichte maatregel kan "
           "niet worden uitgelegd.",
    fix_en="Choose 'apply' for this measure and work on objective {objective}; a mandatory measure cannot be "
           "explained away.",
    why_nl="Vier maatregelen zijn verplicht vanwege hun urgentie; die kunnen niet worden uitgelegd.",
)
def mandatory_measure_not_applied(filing: Filing, ctx: RuleContext) -> list[Finding]:
    """Four measures are mandatory because of their urgency (seed 001, footnote 24).

    Career guidance, the two internship measures (professional internship policy; telling
    students how to report discrimination), career prospects of staff and practorates are outside
    "apply or explain": declining one, or the objective it belongs to, is not allowed.
    """
    findings = []
    for measure in ctx.catalogue.measures:
        if not measure.mandatory:
            continue
        fact = filing.applied.get(measure.code)
        if fact is not None and fact.flag is False:
            findings.append(mandatory_measure_not_applied.finding(why_nl="", why_en="",
                                                                  **measure_args(ctx.catalogue, measure.code),
                                                                  **fact.where))
        elif fact is None and not filing.objective_in_scope(measure.objective):
            declared = filing.works_on[measure.objective]  # in scope unless declared false
            findings.append(mandatory_measure_not_applied.finding(
                why_nl=f": de instelling werkt niet aan doelstelling {measure.objective}",
                why_en=f": the institution does not work on objective {measure.objective}",
                **measure_args(ctx.catalogue, measure.code), **declared.where))
    return findings
