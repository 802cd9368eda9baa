"""MBO-V001: a value is out of range for its unit."""

from __future__ import annotations

from decimal import Decimal

from mbo_xbrl.parsing.filing import Filing
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, RuleContext, rule
from mbo_xbrl.rules.describe import INDICATOR_CONCEPTS, data_concepts, number_text
from mbo_xbrl.taxonomy import names


@rule(
    code="MBO-V001", name="value-out-of-range", layer=Layer.SEMANTIC, severity=Severity.ERROR,
    concepts=(INDICATOR_CONCEPTS, *data_concepts(names.OWN_INDICATOR_VALUE, names.OWN_INDICATOR_UNIT)),
    message_nl="{what_nl} heeft waarde {value:num}; een {unit_nl} ligt {range_nl}.",
    message_en="{what_en} has value {value:num}; a {unit_en} lies {range_en}.",
    fix_nl="Controleer de waarde en de eenheid: percentages als 0-100 (niet als fractie 0-1), rapportcijfers "
           "als 1-10, aantallen niet negatief.",
    fix_en="Check the value and its unit: percentages as 0-100 (not as a fraction 0-1), marks as 1-10, counts "
           "not negative.",
    why_nl="Waarden buiten wat hun eenheid toelaat, zijn type- of eenheidsfouten die de gemiddelden van de "
           "sector scheeftrekken.",
)
def value_out_of_range(filing: Filing, ctx: RuleContext) -> list[Finding]:
    """Values outside what their unit allows are typing or unit mistakes that would skew the sector means.

    Percentage 0-100, report mark 1-10, count and ratio at least 0; own indicators are checked
    against the unit they declare.
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
        else:
            continue
        unit = cat.unit_by_code.get(unit_code or "")
        if unit is None:
            continue
        low = Decimal(str(unit.minimum)) if unit.minimum is not None else None
        high = Decimal(str(unit.maximum)) if unit.maximum is not None else None
        if (low is not None and fact.number < low) or (high is not None and fact.number > high):
            range_nl = f"tussen {unit.minimum:g} en {unit.maximum:g}" if high is not None else f"op of boven {unit.minimum:g}"
            range_en = f"between {unit.minimum:g} and {unit.maximum:g}" if high is not None else f"at or above {unit.minimum:g}"
            findings.append(value_out_of_range.finding(
                what=what[1], what_nl=what[0], what_en=what[1], value=number_text(fact.number), unit=unit.code, unit_nl=unit.label_nl, unit_en=unit.label_en,
                range_nl=range_nl, range_en=range_en, value_kind=fact.value_kind, indicator=fact.indicator_code,
                objective=fact.objective, **fact.where))
    return findings
