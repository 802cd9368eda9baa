"""MBO-V004: a value beyond anything real for its unit."""

from __future__ import annotations

from decimal import Decimal

from mbo_xbrl.parsing.filing import Filing
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, RuleContext, rule
from mbo_xbrl.rules.describe import INDICATOR_CONCEPTS, data_concepts, number_text
from mbo_xbrl.taxonomy import names

AMOUNTS = (names.BUDGET_AMOUNT, names.EARMARKED_AMOUNT)


@rule(
    code="MBO-V004", name="implausible-value", layer=Layer.SEMANTIC, severity=Severity.ERROR,
    concepts=(INDICATOR_CONCEPTS, *data_concepts(names.OWN_INDICATOR_VALUE, *AMOUNTS)),
    message_nl="{what_nl} heeft waarde {value:num}. Meer dan {limit:num} ({unit_nl}) kan niet kloppen: {basis_nl}.",
    message_en="{what_en} has value {value:num}. More than {limit:num} ({unit_en}) cannot be right: {basis_en}.",
    fix_nl="Controleer de waarde: vaak is een bedrag in centen of een aantal met extra nullen ingevuld, of is een "
           "waarde in een verkeerd veld terechtgekomen.",
    fix_en="Check the value: often an amount was entered in cents or a count with extra zeros, or a value "
           "ended up in the wrong field.",
    why_nl="Waarden ver boven alles wat echt kan, zijn type- of eenheidsfouten die elk sectortotaal zouden "
           "overspoelen.",
)
def implausible_value(filing: Filing, ctx: RuleContext) -> list[Finding]:
    """Values far beyond anything real are typing or unit mistakes, and would swamp every sector total.

    XML Schema admits a decimal of any size, so a count of 10^400 early leavers is valid XBRL;
    in the store it would become infinity and in the sector report "inf". Each unit declares in
    the catalogue the largest value a real filing can hold and why: a count beyond twice all mbo
    students together, a ratio of two counts above a thousand, an amount above the whole sector's
    quality funds for a year. Percentages and marks are bounded by MBO-V001.
    """
    cat = ctx.catalogue
    own_units = {(f.own_indicator, f.objective): f.value.strip() for f in filing.of(names.OWN_INDICATOR_UNIT)}
    findings = []
    for fact in filing.facts:
        if fact.number is None:
            continue
        if fact.indicator is not None:
            unit_code, what = fact.indicator.unit, (f"Indicator {fact.indicator.code}",) * 2
        elif fact.local == names.OWN_INDICATOR_VALUE:
            unit_code = own_units.get((fact.own_indicator, fact.objective))
            what = (f"Eigen indicator {fact.own_indicator}", f"Own indicator {fact.own_indicator}")
        elif fact.local in AMOUNTS:
            unit_code, what = "euro", ("Het bedrag", "The amount")
        else:
            continue
        unit = cat.unit_by_code.get(unit_code or "")
        if unit is None or unit.plausible_maximum is None:
            continue
        limit = Decimal(str(unit.plausible_maximum))
        if abs(fact.number) > limit:
            findings.append(implausible_value.finding(
                what=what[1], what_nl=what[0], what_en=what[1], value=number_text(fact.number), unit=unit.code,
                unit_nl=unit.label_nl, unit_en=unit.label_en, limit=unit.plausible_maximum,
                basis_nl=unit.plausible_basis_nl, basis_en=unit.plausible_basis_en, value_kind=fact.value_kind,
                indicator=fact.indicator_code, objective=fact.objective, measure=fact.measure, **fact.where))
    return findings
