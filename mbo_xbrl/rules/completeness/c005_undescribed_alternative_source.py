"""MBO-C005: an alternative source is used without a source description."""

from __future__ import annotations

from mbo_xbrl.parsing.filing import Filing
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, RuleContext, rule
from mbo_xbrl.rules.describe import data_concepts, indicator_args
from mbo_xbrl.taxonomy import names


@rule(
    code="MBO-C005", name="undescribed-alternative-source", layer=Layer.SEMANTIC, severity=Severity.ERROR,
    concepts=data_concepts(names.ALTERNATIVE_SOURCE_USED, names.ALTERNATIVE_SOURCE_DESCRIPTION),
    message_nl="Voor indicator {indicator} '{indicator_nl}' is een alternatieve bron gebruikt zonder beschrijving.",
    message_en="Indicator {indicator} '{indicator_en}' uses an alternative source without a description.",
    fix_nl="Beschrijf bij de indicator welke alternatieve bron is gebruikt, hoe en wanneer er is gemeten en hoe "
           "betrouwbaar de gegevens zijn.",
    fix_en="Describe with the indicator which alternative source was used, how and when it measured, and how "
           "reliable its data are.",
    why_nl="Waarden uit een alternatieve bron zijn alleen vergelijkbaar als bekend is welke bron het is en hoe "
           "er is gemeten.",
)
def undescribed_alternative_source(filing: Filing, ctx: RuleContext) -> list[Finding]:
    """Values from an alternative source are only comparable when their source is known (seed 003).

    The monitoring plan takes alternative sources into the analysis provided their quality
    information is delivered with them.
    """
    cat = ctx.catalogue
    described = {f.about_indicator for f in filing.of(names.ALTERNATIVE_SOURCE_DESCRIPTION) if f.value.strip()}
    findings = []
    for fact in filing.of(names.ALTERNATIVE_SOURCE_USED):
        if fact.flag and fact.about_indicator and fact.about_indicator not in described:
            args = indicator_args(cat.indicator_by_code[fact.about_indicator])
            args.pop("concept")
            findings.append(undescribed_alternative_source.finding(**args, **fact.where))
    return findings
