"""MBO-C003: realisation missing for the reporting year where the indicator's source delivers one."""

from __future__ import annotations

from mbo_xbrl.parsing.filing import Filing
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, RuleContext, rule
from mbo_xbrl.rules.completeness.common import total_value_kinds
from mbo_xbrl.rules.describe import INDICATOR_CONCEPTS, data_concepts, indicator_args
from mbo_xbrl.taxonomy import names


@rule(
    code="MBO-C003", name="missing-realisation", layer=Layer.SEMANTIC, severity=Severity.WARNING,
    concepts=(INDICATOR_CONCEPTS, *data_concepts(names.WORKS_ON_OBJECTIVE)),
    message_nl="Realisatie {report_year} ontbreekt voor indicator {indicator} '{indicator_nl}'; de bron "
               "({source}) levert dat jaar een waarde.",
    message_en="Realisation {report_year} missing for indicator {indicator} '{indicator_en}'; its source "
               "({source}) delivers a value that year.",
    fix_nl="Neem de realisatie {report_year} over uit {source} en vul die in bij het totaal van de indicator.",
    fix_en="Take the {report_year} realisation from {source} and fill it in for the indicator's total.",
    why_nl="Voortgang is alleen te zien waar de realisatie van het verslagjaar er is; gevraagd alleen als de "
           "bron dat jaar levert.",
)
def missing_realisation(filing: Filing, ctx: RuleContext) -> list[Finding]:
    """Progress is only visible where the realisation of the reporting year is there.

    Only indicators whose source publishes in the reporting year are asked for (JOB-monitor in
    2024 and 2026, SBB every two years, DUO and CBS yearly): a warning, because a source can be
    late.
    """
    cat = ctx.catalogue
    if filing.report_year is None:
        return []
    reported = total_value_kinds(filing)
    return [missing_realisation.finding(report_year=filing.report_year, source=indicator.source, value_kind="realisation",
                                        **indicator_args(indicator))
            for indicator in cat.indicators
            if filing.objective_in_scope(indicator.objective)
            and filing.report_year in cat.frequency_by_code[indicator.frequency].delivery_years
            and "realisation" not in reported.get(indicator.code, set())]
