"""Message arguments that name catalogue things in both languages, so findings read well in nl and en."""

from __future__ import annotations

from decimal import Decimal

from mbo_xbrl.catalogue import Catalogue, Indicator
from mbo_xbrl.formats import LONGEST_PLAIN
from mbo_xbrl.taxonomy.concepts import indicator_concept


def indicator_args(indicator: Indicator) -> dict[str, object]:
    return {"indicator": indicator.code, "indicator_nl": indicator.label_nl, "indicator_en": indicator.label_en,
            "objective": indicator.objective, "concept": indicator_concept(indicator).prefixed}


def objective_args(cat: Catalogue, code: str) -> dict[str, object]:
    objective = cat.objective_by_code.get(code)
    return {"objective": code, "objective_nl": objective.label_nl if objective else code,
            "objective_en": objective.label_en if objective else code}


def measure_args(cat: Catalogue, code: str) -> dict[str, object]:
    if code.startswith("own:"):
        objective = code[4:]
        return {"measure": code, "measure_nl": f"eigen maatregelen bij {objective}",
                "measure_en": f"own measures of {objective}", "objective": objective}
    measure = cat.measure_by_code[code]
    return {"measure": code, "measure_nl": measure.label_nl, "measure_en": measure.label_en,
            "objective": measure.objective}




def number_text(number: object) -> str:
    """A number as written (for `args`, machine-readable), or in scientific notation when it has more digits than
    a person can read, so no message repeats a huge value whole. Messages format it per language (`{x:num}`)."""
    if isinstance(number, Decimal) and number.is_finite() and number.adjusted() >= LONGEST_PLAIN:
        return f"{number:.3E}"
    return str(number)


def data_concepts(*local_names: str) -> tuple[str, ...]:
    """Prefixed names of data concepts, for a rule's `concepts` declaration."""
    from mbo_xbrl.taxonomy.concepts import qname

    return tuple(qname("data", name).prefixed for name in local_names)


INDICATOR_CONCEPTS = "mbo-i:<indicator> (every catalogue indicator)"
