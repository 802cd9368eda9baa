"""MBO-C001: target value (2027) missing for an indicator of an objective the institution works on."""

from __future__ import annotations

from mbo_xbrl.parsing.filing import Filing
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, RuleContext, rule
from mbo_xbrl.rules.completeness.common import missing_total_value
from mbo_xbrl.rules.describe import INDICATOR_CONCEPTS, data_concepts
from mbo_xbrl.taxonomy import names


@rule(
    code="MBO-C001", name="missing-target-value", layer=Layer.SEMANTIC, severity=Severity.ERROR, funded_only=True,
    concepts=(INDICATOR_CONCEPTS, *data_concepts(names.WORKS_ON_OBJECTIVE)),
    message_nl="Streefwaarde (2027) ontbreekt voor indicator {indicator} '{indicator_nl}' (doelstelling {objective}).",
    message_en="Target value (2027) missing for indicator {indicator} '{indicator_en}' (objective {objective}).",
    fix_nl="Vul de streefwaarde voor 2027 in bij het totaal van de indicator (zonder uitsplitsing), of geef aan dat "
           "de instelling niet aan doelstelling {objective} werkt.",
    fix_en="Fill in the target for 2027 for the indicator's total (without a breakdown), or declare that the "
           "institution does not work on objective {objective}.",
    why_nl="Elke indicator van een doelstelling waaraan de instelling werkt, heeft een streefwaarde 2027 nodig; "
           "zonder streefwaarde is de ambitie niet te bepalen.",
)
def missing_target_value(filing: Filing, ctx: RuleContext) -> list[Finding]:
    """Every indicator of an objective the institution works on needs its target value (2027).

    Without a target, the ambition (target minus start) cannot be computed and the institution cannot be placed in the sector analysis; seed 002 could not aggregate the sector where targets were missing.
    """
    return missing_total_value(missing_target_value, filing, ctx.catalogue, "target")
