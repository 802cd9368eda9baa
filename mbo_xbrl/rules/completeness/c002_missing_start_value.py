"""MBO-C002: start value missing for an indicator of an objective the institution works on."""

from __future__ import annotations

from mbo_xbrl.parsing.filing import Filing
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, RuleContext, rule
from mbo_xbrl.rules.describe import INDICATOR_CONCEPTS, data_concepts
from mbo_xbrl.rules.completeness.common import missing_total_value
from mbo_xbrl.taxonomy import names


@rule(
    code="MBO-C002", name="missing-start-value", layer=Layer.SEMANTIC, severity=Severity.ERROR,
    concepts=(INDICATOR_CONCEPTS, *data_concepts(names.WORKS_ON_OBJECTIVE)),
    message_nl="Startwaarde ontbreekt voor indicator {indicator} '{indicator_nl}' (doelstelling {objective}).",
    message_en="Start value missing for indicator {indicator} '{indicator_en}' (objective {objective}).",
    fix_nl="Vul de startwaarde van het referentiejaar in bij het totaal van de indicator (vaak vooraf ingevuld door "
           "OCW), of geef aan dat de instelling niet aan doelstelling {objective} werkt.",
    fix_en="Fill in the start value of the reference year for the indicator's total (often pre-filled by OCW), or "
           "declare that the institution does not work on objective {objective}.",
    why_nl="Elke gemeten indicator van een doelstelling waaraan de instelling werkt, heeft een startwaarde nodig: "
           "de ambitie en de voortgang worden ervan afgemeten. Een indicator die nog ontwikkeld wordt, heeft er "
           "nog geen.",
)
def missing_start_value(filing: Filing, ctx: RuleContext) -> list[Finding]:
    """Every indicator of an objective the institution works on needs its start value.

    The start value anchors the ambition and every later realisation; OCW pre-fills it where it holds the figure (DUO, JOB-monitor, CBS), so a missing one usually means a pre-filled value was removed.

    Only of an indicator a source measures: seed 003 marks some as *nieuw te ontwikkelen* (experienced
    internship discrimination, a fitting internship allowance); until a source delivers them there is no
    start value to give, and an institution that leaves it out files honestly.
    """
    cat = ctx.catalogue
    return missing_total_value(missing_start_value, filing, cat, "start", [i for i in cat.indicators if cat.is_measured(i)])
