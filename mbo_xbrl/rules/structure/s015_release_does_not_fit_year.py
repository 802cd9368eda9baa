"""MBO-S015: the filing names the entry point of another release than that of its reporting year."""

from __future__ import annotations

from mbo_xbrl.parsing.filing import Filing
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, RuleContext, rule
from mbo_xbrl.rules.describe import data_concepts
from mbo_xbrl.taxonomy import names
from mbo_xbrl.taxonomy.releases import release_for_year


@rule(
    code="MBO-S015", name="release-does-not-fit-year", layer=Layer.SEMANTIC, severity=Severity.ERROR,
    concepts=data_concepts(names.INSTITUTION_NAME, names.REPORTING_YEAR),
    message_nl="De aanlevering over verslagjaar {report_year} is gemaakt met de taxonomie van {release}; voor "
               "{report_year} geldt de taxonomie van {expected}.",
    message_en="The filing on reporting year {report_year} is made against the {release} taxonomy; for "
               "{report_year} the {expected} taxonomy applies.",
    fix_nl="Maak de aanlevering opnieuw met het entrypoint van de taxonomie {expected} ({entry_point}); een "
           "correctie over een eerder verslagjaar blijft de taxonomie van dat jaar gebruiken.",
    fix_en="Make the filing again against the entry point of the {expected} taxonomy ({entry_point}); a correction "
           "of an earlier reporting year keeps using that year's taxonomy.",
    why_nl="Elk verslagjaar heeft zijn eigen taxonomie: wat daarin veranderde (nieuwe indicatoren, maatregelen) "
           "wordt alleen met die taxonomie gevraagd en gecontroleerd.",
)
def release_does_not_fit_year(filing: Filing, ctx: RuleContext) -> list[Finding]:
    """Each reporting year has its own release (docs/releases.md): what changed in it — an indicator
    measured for the first time, a new measure, the reporting year as a fact — is asked and checked
    only through that release. A filing on a year names that year's release; a year beyond the last
    release names the last one. A correction of an earlier year keeps that year's release.
    """
    if filing.report_year is None or filing.release is None:
        return []
    release = release_for_year(filing.report_year)
    expected = release.year
    if filing.release == expected:
        return []
    entry_point = release.funded if filing.funded else release.non_funded
    located = next((f for f in filing.of(names.REPORTING_YEAR) or filing.of(names.INSTITUTION_NAME)), None)
    return [release_does_not_fit_year.finding(report_year=filing.report_year, release=filing.release,
                                              expected=expected, entry_point=entry_point.url,
                                              **(located.where if located is not None else {}))]
