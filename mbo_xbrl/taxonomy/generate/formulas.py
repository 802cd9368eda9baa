"""The rules that travel with the taxonomy: an XBRL Formula 1.0 linkbase generated from the rule declarations.

Every semantic rule XBRL Formula can express is written as a value assertion whose id starts with the
rule's code, with the rule's default severity (Assertion Severity 2.0), a Dutch and an English message
with the values that triggered it, and a reference to the rule. Any XBRL processor that runs formulas
(plain Arelle: `--validate` with the taxonomy package) then checks a filing as `mbo-xbrl check` does;
`tests/taxonomy/test_formulas.py` proves that the two agree.

Two shapes, chosen per rule to keep evaluation cheap (no cross-products of fact variables):

* **per fact** — one fact variable binds one fact per evaluation (a negative amount; a value outside
  its unit's range; an earmark against its objective's budget, matched on every other aspect);
* **per filing** — every fact variable covers all aspects (`acf:aspectCover all`) and binds *all*
  its facts as one sequence, so the assertion is evaluated once per filing and its test is XPath
  over those sequences. What the rule needs of the catalogue (which indicators belong to which
  objective, which measures are mandatory, which way an indicator is better, when a source
  delivers) is written into the assertion as general variables generated from the catalogue, next
  to the concepts and members it names: the taxonomy carries it, nothing is copied by hand.

The engine runs the same rules itself, so `mbo-xbrl check` does not load this linkbase (see
`mbo_xbrl.taxonomy.processor`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from mbo_xbrl.catalogue import Catalogue
from mbo_xbrl.taxonomy import names
from mbo_xbrl.taxonomy.concepts import indicator_concept
from mbo_xbrl.taxonomy.releases import PARTS, Release

FORMULA_NS = {
    "generic": "http://xbrl.org/2008/generic",
    "variable": "http://xbrl.org/2008/variable",
    "va": "http://xbrl.org/2008/assertion/value",
    "cf": "http://xbrl.org/2008/filter/concept",
    "df": "http://xbrl.org/2008/filter/dimension",
    "acf": "http://xbrl.org/2010/filter/aspect-cover",
    "bf": "http://xbrl.org/2008/filter/boolean",
    "gf": "http://xbrl.org/2008/filter/general",
    "msg": "http://xbrl.org/2010/message",
    "reference": "http://xbrl.org/2008/reference",
    "xfi": "http://www.xbrl.org/2008/function/instance",
    "xs": "http://www.w3.org/2001/XMLSchema",
}
SCHEMAS = {
    "http://xbrl.org/2008/generic": "http://www.xbrl.org/2008/generic-link.xsd",
    "http://xbrl.org/2008/variable": "http://www.xbrl.org/2008/variable.xsd",
    "http://xbrl.org/2008/assertion/value": "http://www.xbrl.org/2008/value-assertion.xsd",
    "http://xbrl.org/2008/filter/concept": "http://www.xbrl.org/2008/concept-filter.xsd",
    "http://xbrl.org/2008/filter/dimension": "http://www.xbrl.org/2008/dimension-filter.xsd",
    "http://xbrl.org/2010/filter/aspect-cover": "http://www.xbrl.org/2010/aspect-cover-filter.xsd",
    "http://xbrl.org/2008/filter/boolean": "http://www.xbrl.org/2008/boolean-filter.xsd",
    "http://xbrl.org/2008/filter/general": "http://www.xbrl.org/2008/general-filter.xsd",
    "http://xbrl.org/2010/message": "http://www.xbrl.org/2010/generic-message.xsd",
    "http://xbrl.org/2008/reference": "http://www.xbrl.org/2008/generic-reference.xsd",
}
ROLE_REFS = [
    ("http://www.xbrl.org/2008/role/link", "http://www.xbrl.org/2008/generic-link.xsd#standard-link-role"),
    ("http://www.xbrl.org/2010/role/message", "http://www.xbrl.org/2010/generic-message.xsd#standard-message"),
    ("http://www.xbrl.org/2008/role/reference", "http://www.xbrl.org/2008/generic-reference.xsd#standard-reference"),
]
VARIABLE_SET = "http://xbrl.org/arcrole/2008/variable-set"
VARIABLE_FILTER = "http://xbrl.org/arcrole/2008/variable-filter"
BOOLEAN_FILTER = "http://xbrl.org/arcrole/2008/boolean-filter"
UNSATISFIED_MESSAGE = "http://xbrl.org/arcrole/2010/assertion-unsatisfied-message"
UNSATISFIED_SEVERITY = "http://xbrl.org/arcrole/2022/assertion-unsatisfied-severity"
ELEMENT_REFERENCE = "http://xbrl.org/arcrole/2008/element-reference"
ARCROLE_REFS = [
    (VARIABLE_SET, "http://www.xbrl.org/2008/variable.xsd#variable-set"),
    (VARIABLE_FILTER, "http://www.xbrl.org/2008/variable.xsd#variable-filter"),
    (BOOLEAN_FILTER, "http://www.xbrl.org/2008/boolean-filter.xsd#boolean-filter"),
    (UNSATISFIED_MESSAGE, "http://www.xbrl.org/2010/validation-message.xsd#assertion-unsatisfied-message"),
    (UNSATISFIED_SEVERITY, "http://www.xbrl.org/2022/assertion-severity.xsd#assertion-unsatisfied-severity"),
    (ELEMENT_REFERENCE, "http://www.xbrl.org/2008/generic-reference.xsd#element-reference"),
]
SEVERITIES = "http://www.xbrl.org/2022/severities.xml"
RULES_DOCS = "https://taxonomie.mbo-xbrl.nl/regels#"  # where docs/rules.md is published

XLINK = "http://www.w3.org/1999/xlink"
LINK = "http://www.xbrl.org/2003/linkbase"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
REF_2006 = "http://www.xbrl.org/2006/ref"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class FactVariable:
    """A fact variable of a per-fact assertion: its concepts or types, dimension filters (axis local name ->
    member local name; None: the axis's default; NOT_DEFAULT: any other member), and whether it binds the
    facts that match the other variables' as one sequence (the parts of a total) or one fact at a time."""

    name: str
    concepts: tuple[str, ...] = ()
    data_types: tuple[str, ...] = ()  # prefixed type names (cf:conceptDataType, derived types included)
    dimensions: dict[str, str | None] = field(default_factory=dict)
    sequence: bool = True
    fallback: str | None = "()"
    uncovered: tuple[str, ...] = ()  # axes whose filters leave the aspect uncovered: matched with the other variables
    where: str | None = None  # a general filter's test on the fact (`.`): only facts that may break the rule are bound


@dataclass(frozen=True)
class Group:
    """Facts of some concepts, with members on some axes (None: the axis's default, as an indicator's total)."""

    concepts: tuple[str, ...]
    dimensions: tuple[tuple[str, str | None], ...] = ()


@dataclass
class Assertion:
    """A value assertion. Per fact: `facts` are fact variables that bind one fact each. Per filing: `groups`
    name the sets of facts the test reads; they are bound as one sequence (with the institution's name, so
    that the assertion is evaluated for every filing even when every group is empty) and split by XPath."""

    id: str  # the rule's code, a dash and what the assertion checks
    code: str
    test: str
    facts: list[FactVariable] = field(default_factory=list)
    general: dict[str, str] = field(default_factory=dict)  # name -> XPath, in dependency order
    message_nl: str = ""
    message_en: str = ""
    groups: dict[str, Group] = field(default_factory=dict)

    @property
    def per_filing(self) -> bool:
        return bool(self.groups)


class _XPath:
    """Sequence literals and the axes' variables, for tests and general variables; the axes' default members and
    the breakdown axes, for dimension filters."""

    def __init__(self, release: Release, defaults: dict[str, str], breakdowns: list[str]) -> None:
        self.release = release
        self.defaults = defaults  # axis -> default member (local names)
        self.breakdowns = breakdowns  # breakdown axes (local names)

    def total(self, kind: str) -> tuple[tuple[str, str | None], ...]:
        """Dimension filters of an indicator's total (no breakdown: each breakdown axis at its default) of one
        value kind."""
        return ((names.VALUE_KIND_AXIS, f"{kind}Member"),) + tuple((axis, None) for axis in self.breakdowns)

    @staticmethod
    def strings(values: list[str]) -> str:
        return "(" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + ")" if values else "()"

    @staticmethod
    def axis(axis: str) -> str:
        """The variable that holds an axis's QName: built once per evaluation, not once per fact it is applied to
        (each assertion that names it binds it, see `AXIS_VARIABLE`)."""
        return "$" + axis[0].lower() + axis[1:]

    def dim(self, fact: str, axis: str) -> str:
        return f"xfi:fact-explicit-dimension-value({fact}, {self.axis(axis)})"


def _whole_year(fact: str) -> str:
    """XPath: the calendar year when `fact`'s period is exactly that year (as the engine reads it), else ()."""
    start, end = f"xfi:period-start(xfi:period({fact}))", f"xfi:period-end(xfi:period({fact}))"
    return (f"(if (month-from-dateTime({start}) eq 1 and day-from-dateTime({start}) eq 1 "
            f"and hours-from-dateTime({start}) eq 0 and minutes-from-dateTime({start}) eq 0 "
            f"and seconds-from-dateTime({start}) eq 0 "
            f"and {end} eq {start} + xs:yearMonthDuration('P1Y')) then year-from-dateTime({start}) else ())")


# A fact is read through its typed value (fn:data), its concept through `_concept`, never through its element:
# an XBRL processor may evaluate the formulas on the facts of an Inline XBRL document as they stand (Arelle
# does), where a fact's element is ix:nonFraction and its text is the number as displayed ("1.234,5", "ja").


def _false(fact: str) -> str:
    """XPath: a boolean fact says false (its lexical forms 'false' and '0', as the engine reads it)."""
    return f"data({fact}) = false()"


def _true(fact: str) -> str:
    return f"data({fact}) = true()"


def _text(fact: str) -> str:
    """XPath: a fact's value as text, whitespace collapsed ('' when nil)."""
    return f"normalize-space(string(data({fact})))"


def _number(fact: str) -> str:
    """XPath: a numeric fact's value (its transformed value in Inline XBRL)."""
    return f"xs:decimal(data({fact}))"


def _concept(fact: str) -> str:
    """XPath: the local name of a fact's concept: node-name() in an instance, the name attribute of an inline fact
    (which no instance fact has: XBRL 2.1 admits only attributes of other namespaces on an item)."""
    return (f"(for $n in {fact}/@name return if (contains($n, ':')) then substring-after($n, ':') else string($n), "
            f"local-name({fact}))[1]")  # a QName has one colon at most: substring-after() cuts there in any processor


def _local(x: _XPath, fact: str, axis: str) -> str:
    """XPath: the local name of `fact`'s member on an explicit axis (its default when it has none)."""
    return f"local-name-from-QName({x.dim(fact, axis)})"


SEPARATORS = ("|", "#", "~")  # between the fields of an entry: each occurs once in it


def _field(entry: str, n: int, of: int) -> str:
    """XPath: field n (from 1) of an entry of `of` fields 'a|b#c~d'. Each separator occurs once, because
    Arelle's substring-after() cuts at the *last* occurrence and its substring-before() returns the whole
    string when there is none (both against XPath 2.0); string functions, because its predicates are slow."""
    start = entry if n == 1 else f"substring-after({entry}, '{SEPARATORS[n - 2]}')"
    return start if n == of else f"substring-before({start}, '{SEPARATORS[n - 1]}')"


def _entries(rows: list[tuple[str, ...]]) -> str:
    """XPath: a sequence of 'a|b#c~d' strings (see `_field`), the catalogue as the assertion reads it."""
    out = []
    for row in rows:
        text = row[0]
        for separator, value in zip(SEPARATORS, row[1:]):
            assert not set(SEPARATORS) & set(value), value
            text += separator + value
        out.append(text)
    return _XPath.strings(out)


WORKS = Group((names.WORKS_ON_OBJECTIVE,))
APPLIED = Group((names.MEASURE_APPLIED,))
# Bound with every per-filing assertion's facts, so that it is evaluated even when all its groups are
# empty (a pre-filled filing has no WorksOnObjective, no targets): the name every filing states. Binding
# every fact instead would cost a tenth of a second an assertion on a large filing.
TRIGGER = Group((names.INSTITUTION_NAME,))

# Objectives the institution declares it does not work on (their members' local names): everything of
# any other objective is in scope (the engine's `objective_in_scope`).
DECLINED = (f"for $w in $works return if ({_false('$w')}) then (for $o in $objectiveCodes return "
            "if (substring-before($o, '|') eq {member}) then substring-after($o, '|') else ()) else ()")


def assertions(catalogue: Catalogue, release: Release, defaults: dict[str, str]) -> list[Assertion]:
    """Every assertion, in the order of the rule codes; `defaults` maps each axis to its default member."""
    x = _XPath(release, defaults, [names.breakdown_axis(b) for b in catalogue.breakdowns])
    out: list[Assertion] = []
    for build in BUILDERS.values():
        out += build(catalogue, x)
    return out


def _declined(x: _XPath, cat: Catalogue) -> dict[str, str]:
    """General variables: the codes of the objectives the institution declares it does not work on."""
    return {"objectiveCodes": _entries([(names.objective_member(o), o.code) for o in cat.objectives]),
            "declined": DECLINED.format(member=_local(x, "$w", names.OBJECTIVE_AXIS))}


def _indicator_entries(cat: Catalogue, x: _XPath, indicators=None) -> str:
    """Each indicator (of `indicators`, default all) as 'concept|objective code#indicator code~the years its
    source delivers'."""
    return _entries([(indicator_concept(i, x.release).local, i.objective,
                      i.code, " ".join(str(y) for y in cat.frequency_by_code[i.frequency].delivery_years))
                     for i in (cat.indicators if indicators is None else indicators)])


def _missing_total(code: str, kind: str, what_nl: str, what_en: str,
                   measured_only: bool = False) -> Callable[[Catalogue, _XPath], list[Assertion]]:
    """`measured_only`: ask only of the indicators a source measures (a start value, as MBO-C002)."""
    def build(cat: Catalogue, x: _XPath) -> list[Assertion]:
        asked = [i for i in cat.indicators if cat.is_measured(i)] if measured_only else None
        values = Group(tuple(indicator_concept(i, x.release).local for i in cat.indicators), x.total(kind))
        general = {
            "indicators": _indicator_entries(cat, x, asked),
            **_declined(x, cat),
            "reported": f"for $v in $values return {_concept('$v')}",
            "missing": (f"for $e in $indicators return if (not({_field('$e', 2, 4)} = $declined) and "
                        f"not({_field('$e', 1, 4)} = $reported)) then {_field('$e', 3, 4)} else ()"),
        }
        return [Assertion(f"{code}-totals", code, "empty($missing)", general=general,
                          groups={"works": WORKS, "values": values},
                          message_nl=f"{what_nl} ontbreekt voor indicator(en) {{string-join($missing, ', ')}} van "
                                     f"een doelstelling waaraan de instelling werkt.",
                          message_en=f"{what_en} missing for indicator(s) {{string-join($missing, ', ')}} of an "
                                     f"objective the institution works on.")]
    return build


def _missing_realisation(cat: Catalogue, x: _XPath) -> list[Assertion]:
    code = "MBO-C003"
    values = Group(tuple(indicator_concept(i, x.release).local for i in cat.indicators), x.total("Realisation"))
    names_ = Group((names.INSTITUTION_NAME,))
    plan_level = Group((names.WORKS_ON_OBJECTIVE, names.OBJECTIVE_NARRATIVE, names.MEASURE_APPLIED,
                        names.MEASURE_EXPLANATION, names.PROGRESS_NARRATIVE))
    last_day = "year-from-dateTime(xfi:period-end(xfi:period({f})) - xs:dayTimeDuration('P1D'))"
    general = {
        "indicators": _indicator_entries(cat, x),
        **_declined(x, cat),
        "reported": f"for $v in $values return {_concept('$v')}",
        # the reporting year: InstitutionName's, else the year of the plan-level facts (as the engine reads it)
        "year": (f"string(if (exists($names)) then {last_day.format(f='$names[1]')} else "
                 f"(for $f in $planLevel return {last_day.format(f='$f')})[1])"),
        "missing": (f"for $e in $indicators return if ($year ne '' and $year = tokenize({_field('$e', 4, 4)}, ' ') and "
                    f"not({_field('$e', 2, 4)} = $declined) and not({_field('$e', 1, 4)} = $reported)) then "
                    f"{_field('$e', 3, 4)} else ()"),
    }
    return [Assertion(f"{code}-realisations", code, "empty($missing)", general=general,
                      groups={"works": WORKS, "values": values, "names": names_, "planLevel": plan_level},
                      message_nl="Realisatie {$year} ontbreekt voor indicator(en) {string-join($missing, ', ')}, terwijl de "
                      "bron in dat jaar cijfers levert.",
                      message_en="Realisation {$year} missing for indicator(s) {string-join($missing, ', ')}, although the "
                      "source delivers figures that year.")]


def _missing_declaration(cat: Catalogue, x: _XPath) -> list[Assertion]:
    code = "MBO-C006"
    general = {
        "objectives": _entries([(names.objective_member(o), o.code) for o in cat.objectives]),
        "declared": f"for $w in $works return {_local(x, '$w', names.OBJECTIVE_AXIS)}",
        "missing": f"for $e in $objectives return if (not({_field('$e', 1, 2)} = $declared)) then {_field('$e', 2, 2)} else ()",
    }
    return [Assertion(f"{code}-declarations", code, "empty($missing)", general=general, groups={"works": WORKS},
                      message_nl="Voor doelstelling(en) {string-join($missing, ', ')} verklaart de instelling niet of zij eraan "
                      "werkt (WorksOnObjective).",
                      message_en="For objective(s) {string-join($missing, ', ')} the institution does not declare whether it "
                      "works on it (WorksOnObjective).")]


def _undescribed_source(cat: Catalogue, x: _XPath) -> list[Assertion]:
    code = "MBO-C005"
    used = Group((names.ALTERNATIVE_SOURCE_USED,))
    described = Group((names.ALTERNATIVE_SOURCE_DESCRIPTION,))
    axis = names.INDICATOR_AXIS
    general = {
        "withDescription": (f"for $d in $described return if ({_text('$d')} ne '') then "
                            f"{_local(x, '$d', axis)} else ()"),
        "missing": (f"for $u in $used return if ({_true('$u')} and not({_local(x, '$u', axis)} = "
                    f"$withDescription)) then {_local(x, '$u', axis)} else ()"),
    }
    return [Assertion(f"{code}-descriptions", code, "empty($missing)", general=general,
                      groups={"used": used, "described": described},
                      message_nl="Alternatieve bron gebruikt zonder beschrijving van de bron voor "
                                 "{string-join($missing, ', ')}.",
                      message_en="Alternative source used without a description of the source for {string-join($missing, ', ')}.")]


OWN_PARTS = (names.OWN_INDICATOR_NAME, names.OWN_INDICATOR_DEFINITION, names.OWN_INDICATOR_UNIT,
             names.OWN_INDICATOR_DIRECTION, names.OWN_INDICATOR_SOURCE)


def _own_key(x: _XPath, fact: str) -> str:
    """XPath: an own indicator's identity, 'code|objective member' (its typed member and its objective)."""
    typed = x.axis(names.OWN_INDICATOR_AXIS)
    return (f"concat(normalize-space(string(xfi:fact-typed-dimension-value({fact}, {typed}))), '|', "
            f"{_local(x, fact, names.OBJECTIVE_AXIS)})")


def _incomplete_own_indicator(cat: Catalogue, x: _XPath) -> list[Assertion]:
    code = "MBO-C004"
    own = Group(OWN_PARTS + (names.OWN_INDICATOR_VALUE,))
    general = {
        # 'code|objective~part' for every own fact: its indicator's identity (its typed member and objective), and
        # the part it gives ('' when blank or a value)
        "keyed": (f"for $f in $own return concat({_own_key(x, '$f')}, '~', if ({_text('$f')} ne '' and "
                  f"{_concept('$f')} ne '{names.OWN_INDICATOR_VALUE}') then {_concept('$f')} else '')"),
        "keys": "distinct-values(for $e in $keyed return substring-before($e, '~'))",  # every own indicator
        "given": "distinct-values(for $e in $keyed return if (ends-with($e, '~')) then () else $e)",  # parts given
        # all complete exactly when every key has all its parts: counted first (linear), searched only when not
        "missing": (f"if (count($given) eq {len(OWN_PARTS)} * count($keys)) then () else for $k in $keys return "
                    f"if (every $p in {_XPath.strings(list(OWN_PARTS))} satisfies concat($k, '~', $p) = $given) then () "
                    f"else substring-before($k, '|')"),
    }
    return [Assertion(f"{code}-definitions", code, "empty($missing)", general=general, groups={"own": own},
                      message_nl="Eigen indicator(en) {string-join($missing, ', ')} onvolledig gedefinieerd: naam, definitie, "
                      "eenheid, richting en bron zijn nodig.",
                      message_en="Own indicator(s) {string-join($missing, ', ')} incompletely defined: name, definition, unit, "
                      "direction and source are needed.")]


OBJECTIVE_TOTALS = Group((names.BUDGET_AMOUNT,), ((names.MEASURE_AXIS, None),))


def _missing_budget(cat: Catalogue, x: _XPath) -> list[Assertion]:
    code = "MBO-B001"
    general = {
        "years": "(" + ", ".join(f"'{y}'" for y in cat.plan_years) + ")",
        **_declined(x, cat),
        "budgeted": (f"for $b in $totals return concat({_local(x, '$b', names.OBJECTIVE_AXIS)}, ' ', "
                     f"string({_whole_year('$b')}))"),
        "missing": (f"for $e in $objectiveCodes, $y in $years return if (not({_field('$e', 2, 2)} = $declined) and "
                    f"not(concat({_field('$e', 1, 2)}, ' ', $y) = $budgeted)) then concat({_field('$e', 2, 2)}, ' (', $y, "
                    f"')') else ()"),
    }
    return [Assertion(f"{code}-years", code, "empty($missing)", general=general,
                      groups={"works": WORKS, "totals": OBJECTIVE_TOTALS},
                      message_nl="Begroting ontbreekt voor doelstelling en jaar {string-join($missing, ', ')}.",
                      message_en="Budget missing for objective and year {string-join($missing, ', ')}.")]


def _half_unit(fact: str) -> str:
    """XPath: half a unit of the last digit `fact` reports (its decimals, or those its precision implies), 0 when
    exact: the engine's tolerance per amount. (XPath 2.0 has no power function: a double read from '5E-n'.)"""
    return (f"(if (string(xfi:decimals({fact})) eq 'INF') then 0 else "
            f"xs:double(concat('5E', string(-xs:integer(xfi:decimals({fact})) - 1))))")


def _budget_does_not_add_up(cat: Catalogue, x: _XPath) -> list[Assertion]:
    """A total against the sum of its parts, matched by Arelle on every other aspect (same year, same
    objective), within half a unit of the last reported digit of each; and measures under their objective."""
    code = "MBO-B002"
    objective, measure = names.OBJECTIVE_AXIS, names.MEASURE_AXIS
    amount = (names.BUDGET_AMOUNT,)
    test = "abs(sum($parts) - $total) le sum(for $f in ($parts, $total) return {half})".format(half=_half_unit("$f"))
    year_total = FactVariable("total", amount, dimensions={objective: None, measure: None}, sequence=False,
                              fallback=None)
    objective_parts = FactVariable("parts", amount, dimensions={objective: NOT_DEFAULT, measure: None}, sequence=True,
                                   fallback=None)
    objective_total = FactVariable("total", amount, dimensions={objective: NOT_DEFAULT, measure: None}, sequence=False,
                                   fallback=None, uncovered=(objective,))  # its parts: same objective
    measure_parts = FactVariable("parts", amount, dimensions={measure: NOT_DEFAULT}, sequence=True, fallback=None)
    what = f"local-name-from-QName({x.dim('$total', objective)})"
    meas, obj = _local(x, "$b", measure), _local(x, "$b", objective)
    no_objective, no_measure = x.defaults[objective], x.defaults[measure]
    # where each measure belongs ('measure|objective' members): its catalogue objective; an objective's own
    # measures to that objective
    placements = _XPath.strings(
        [f"{names.measure_member(m)}|{names.objective_member(cat.objective_by_code[m.objective])}" for m in cat.measures]
        + [f"{names.own_measures_member(o)}|{names.objective_member(o)}" for o in cat.objectives])
    placed = (f"distinct-values(for $b in $budgets, $m in {meas}, $o in {obj} return if ($m eq '{no_measure}' or "
              f"$o eq '{no_objective}') then () else concat($m, '|', $o))")
    # all in place exactly when the placements together with them are no more than the placements (linear)
    misplaced = ("if (count(distinct-values(($placed, $placements))) eq count($placements)) then () else "
                 "for $p in $placed return if ($p = $placements) then () else "
                 "concat(substring-before($p, '|'), ' (', substring-after($p, '|'), ')')")
    return [
        Assertion(f"{code}-year-totals", code, test, [year_total, objective_parts],
                  message_nl="De begrotingen per doelstelling tellen op tot {sum($parts)}, maar de totale begroting "
                             "is {$total}.",
                  message_en="The budgets per objective add up to {sum($parts)}, but the total budget is {$total}."),
        Assertion(f"{code}-objective-totals", code, test, [objective_total, measure_parts],
                  message_nl=f"De begrotingen per maatregel tellen op tot {{sum($parts)}}, maar de begroting van "
                             f"{{{what}}} is {{$total}}.",
                  message_en=f"The budgets per measure add up to {{sum($parts)}}, but the budget of {{{what}}} is "
                             f"{{$total}}."),
        Assertion(f"{code}-measures", code, "empty($misplaced)",
                  general={"placements": placements, "placed": placed, "misplaced": misplaced},
                  groups={"budgets": BUDGETS},
                  message_nl="Begroting van een maatregel onder een andere doelstelling dan waar de maatregel bij "
                             "hoort: {string-join($misplaced, ', ')}.",
                  message_en="Budget of a measure under another objective than the one it belongs to: "
                             "{string-join($misplaced, ', ')}."),
    ]


def _earmark_not_budgeted(cat: Catalogue, x: _XPath) -> list[Assertion]:
    code = "MBO-B003"
    earmark = FactVariable("earmark", (names.EARMARKED_AMOUNT,), sequence=False, fallback=None)
    # no fallback: without a budget for the objective and year there is no evaluation (MBO-B001 says it is missing)
    budget = FactVariable("budget", (names.BUDGET_AMOUNT,), dimensions={names.MEASURE_AXIS: None}, sequence=False,
                          fallback=None)
    objective = _local(x, "$earmark", names.OBJECTIVE_AXIS)
    return [Assertion(f"{code}-earmarks", code, "$budget ge $earmark", [earmark, budget],
                      message_nl=f"De begroting voor {{{objective}}} is {{$budget}}, lager dan het geoormerkte bedrag "
                      f"{{$earmark}}.",
                      message_en=f"The budget for {{{objective}}} is {{$budget}}, below the earmarked amount {{$earmark}}.")]


BUDGETS = Group((names.BUDGET_AMOUNT,))


def _budget_on_unapplied_measure(cat: Catalogue, x: _XPath) -> list[Assertion]:
    code = "MBO-B004"
    axis = names.MEASURE_AXIS
    general = {
        "notApplied": _not_applied(x),
        "wrong": (f"for $b in $budgets return if ({_number('$b')} gt 0 and {_local(x, '$b', axis)} = $notApplied) then "
                  f"{_local(x, '$b', axis)} else ()"),
    }
    return [Assertion(f"{code}-measures", code, "empty($wrong)", general=general,
                      groups={"applied": APPLIED, "budgets": BUDGETS},
                      message_nl="Budget begroot voor maatregel(en) die de instelling niet toepast: "
                      "{string-join(distinct-values($wrong), ', ')}.",
                      message_en="Budget assigned to measure(s) the institution does not apply: "
                      "{string-join(distinct-values($wrong), ', ')}.")]


def _negative_amount(cat: Catalogue, x: _XPath) -> list[Assertion]:
    code = "MBO-B005"
    amount = FactVariable("amount", (names.BUDGET_AMOUNT, names.EARMARKED_AMOUNT), sequence=False, fallback=None,
                          where=". lt 0")  # only negative amounts are bound (see V001)
    return [Assertion(f"{code}-amounts", code, "$amount ge 0", [amount],
                      message_nl=f"Negatief bedrag {{$amount}} voor {{{_concept('$amount')}}}.",
                      message_en=f"Negative amount {{$amount}} for {{{_concept('$amount')}}}.")]


def _not_applied(x: _XPath) -> str:
    """XPath: the measures (members' local names) the institution declares it does not apply."""
    return f"for $a in $applied return if ({_false('$a')}) then {_local(x, '$a', names.MEASURE_AXIS)} else ()"


def _measure_entries(cat: Catalogue, measures) -> str:
    return _entries([(names.measure_member(m), m.objective, m.code)
                     for m in measures])


def _mandatory_not_applied(cat: Catalogue, x: _XPath) -> list[Assertion]:
    code = "MBO-M001"
    axis = names.MEASURE_AXIS
    general = {
        "mandatory": _measure_entries(cat, [m for m in cat.measures if m.mandatory]),  # member|objective#code
        **_declined(x, cat),
        "chosen": f"for $a in $applied return {_local(x, '$a', axis)}",
        "notApplied": _not_applied(x),
        "refused": (f"for $e in $mandatory return if ({_field('$e', 1, 3)} = $notApplied or (not({_field('$e', 1, 3)} = "
                    f"$chosen) and {_field('$e', 2, 3)} = $declined)) then {_field('$e', 3, 3)} else ()"),
    }
    return [Assertion(f"{code}-mandatory", code, "empty($refused)", general=general,
                      groups={"works": WORKS, "applied": APPLIED},
                      message_nl="Verplichte maatregel(en) {string-join($refused, ', ')} niet toegepast.",
                      message_en="Mandatory measure(s) {string-join($refused, ', ')} not applied.")]


def _missing_explanation(cat: Catalogue, x: _XPath) -> list[Assertion]:
    code = "MBO-M002"
    axis = names.MEASURE_AXIS
    explained = Group((names.MEASURE_EXPLANATION,))
    general = {
        "withExplanation": (f"for $e in $explained return if ({_text('$e')} ne '') then "
                            f"{_local(x, '$e', axis)} else ()"),
        "missing": (f"for $a in $applied return if ({_false('$a')} and not({_local(x, '$a', axis)} = "
                    f"$withExplanation)) then {_local(x, '$a', axis)} else ()"),
    }
    return [Assertion(f"{code}-explanations", code, "empty($missing)", general=general,
                      groups={"applied": APPLIED, "explained": explained},
                      message_nl="Maatregel(en) {string-join($missing, ', ')} niet toegepast en niet uitgelegd.",
                      message_en="Measure(s) {string-join($missing, ', ')} not applied and not explained.")]


def _missing_choice(cat: Catalogue, x: _XPath) -> list[Assertion]:
    code = "MBO-M003"
    general = {
        "measures": _measure_entries(cat, cat.measures),  # member|objective#code
        **_declined(x, cat),
        "chosen": f"for $a in $applied return {_local(x, '$a', names.MEASURE_AXIS)}",
        "missing": (f"for $e in $measures return if (not({_field('$e', 2, 3)} = $declined) and not({_field('$e', 1, 3)} = "
                    f"$chosen)) then {_field('$e', 3, 3)} else ()"),
    }
    return [Assertion(f"{code}-choices", code, "empty($missing)", general=general,
                      groups={"works": WORKS, "applied": APPLIED},
                      message_nl="Keuze toepassen of uitleggen ontbreekt voor maatregel(en) {string-join($missing, ', ')}.",
                      message_en="Apply-or-explain choice missing for measure(s) {string-join($missing, ', ')}.")]


def _applied_without_budget(cat: Catalogue, x: _XPath) -> list[Assertion]:
    code = "MBO-M004"
    axis = names.MEASURE_AXIS
    general = {
        "funded": f"for $b in $budgets return if ({_number('$b')} gt 0) then {_local(x, '$b', axis)} else ()",
        "unfunded": (f"for $a in $applied return if ({_true('$a')} and not({_local(x, '$a', axis)} = $funded)) "
                     f"then {_local(x, '$a', axis)} else ()"),
    }
    return [Assertion(f"{code}-budgets", code, "empty($unfunded)", general=general,
                      groups={"applied": APPLIED, "budgets": BUDGETS},
                      message_nl="Maatregel(en) {string-join($unfunded, ', ')} toegepast, maar nergens begroot.",
                      message_en="Measure(s) {string-join($unfunded, ', ')} applied, but budgeted nowhere.")]


def _value_out_of_range(cat: Catalogue, x: _XPath) -> list[Assertion]:
    code = "MBO-V001"
    out: list[Assertion] = []
    for unit in cat.units:
        type_name = UNIT_TYPE_NAMES.get(unit.code)
        if type_name is None or unit.minimum is None:
            continue
        test = f"$value ge {unit.minimum:g}" + (f" and $value le {unit.maximum:g}" if unit.maximum is not None else "")
        # only the facts outside the range are bound (a filter is far cheaper than an evaluation per fact); the
        # test says the rule itself, so the assertion reads right whatever binds
        where = f". lt {unit.minimum:g}" + (f" or . gt {unit.maximum:g}" if unit.maximum is not None else "")
        value = FactVariable("value", data_types=(f"{PARTS['types'][0]}:{type_name}",), sequence=False, fallback=None,
                             where=where)
        bounds_nl = (f"tussen {unit.minimum:g} en {unit.maximum:g}" if unit.maximum is not None
                     else f"op of boven {unit.minimum:g}")
        bounds_en = (f"between {unit.minimum:g} and {unit.maximum:g}" if unit.maximum is not None
                     else f"at or above {unit.minimum:g}")
        out.append(Assertion(f"{code}-{unit.code}", code, test, [value],
                             message_nl=f"{{{_concept('$value')}}} heeft waarde {{$value}}; een {unit.label_nl} ligt "
                                        f"{bounds_nl}.",
                             message_en=f"{{{_concept('$value')}}} has value {{$value}}; a {unit.label_en} lies {bounds_en}."))
    # own indicators: each value against the range of the unit its indicator declares. Every 'code|objective~unit'
    # a value falls outside of, against every 'code|objective~unit' declared: disjoint sets (counted: linear) pass.
    own_values = Group((names.OWN_INDICATOR_VALUE,))
    own_units = Group((names.OWN_INDICATOR_UNIT,))
    ranges = [(u.code, u.minimum, u.maximum) for u in cat.units if u.minimum is not None]
    outside = ", ".join(f"(if ($n lt {lo:g}{f' or $n gt {hi:g}' if hi is not None else ''}) then concat($k, '~{c}') "
                        f"else ())" for c, lo, hi in ranges)
    general = {
        "units": f"distinct-values(for $u in $ownUnits return concat({_own_key(x, '$u')}, '~', {_text('$u')}))",
        "outside": (f"distinct-values(for $v in $ownValues, $n in {_number('$v')}, $k in "
                    f"{_own_key(x, '$v')} return ({outside}))"),
        "wrong": ("if (count(distinct-values(($outside, $units))) eq count($outside) + count($units)) then () else "
                  "for $c in $outside return if ($c = $units) then concat(substring-before($c, '|'), ' (', "
                  "substring-after($c, '~'), ')') else ()"),
    }
    out.append(Assertion(f"{code}-own-indicators", code, "empty($wrong)", general=general,
                         groups={"ownValues": own_values, "ownUnits": own_units},
                         message_nl="Eigen indicator(en) met een waarde buiten het bereik van de eenheid die zij opgeven: "
                         "{string-join($wrong, ', ')}.",
                         message_en="Own indicator(s) with a value outside the range of the unit they declare: "
                         "{string-join($wrong, ', ')}."))
    return out


def _target_against_direction(cat: Catalogue, x: _XPath) -> list[Assertion]:
    code = "MBO-V002"
    concepts = tuple(indicator_concept(i, x.release).local for i in cat.indicators)
    starts = Group(concepts, x.total("Start"))
    targets = Group(concepts, x.total("Target"))
    general = {
        "lowerIsBetter": _XPath.strings([indicator_concept(i, x.release).local for i in cat.indicators
                                         if i.direction.value != "higher"]),
        # per target, the last start value of the same indicator (as the engine reads it)
        "worse": (f"for $t in $targets, $c in {_concept('$t')} return (for $s in (for $r in reverse($starts) return "
                  f"if ({_concept('$r')} eq $c) then $r else ())[1] return "
                  f"if (($c = $lowerIsBetter and {_number('$t')} gt {_number('$s')}) or "
                  f"(not($c = $lowerIsBetter) and {_number('$t')} lt {_number('$s')})) then $c else ())"),
    }
    return [Assertion(f"{code}-targets", code, "empty($worse)", general=general,
                      groups={"starts": starts, "targets": targets},
                      message_nl="Streefwaarde gaat tegen de richting van de indicator in (slechter dan de startwaarde): "
                      "{string-join($worse, ', ')}.",
                      message_en="Target goes against the indicator's direction (worse than the start value): "
                      "{string-join($worse, ', ')}.")]


UNIT_TYPE_NAMES = {"percentage": "percentageItemType", "mark": "markItemType", "count": "countItemType",
                   "ratio": "ratioItemType"}

# rule code -> how its assertions are built. Rules not here stay engine-only (rules.md says why).
BUILDERS: dict[str, Callable[[Catalogue, _XPath], list[Assertion]]] = {
    "MBO-C001": _missing_total("MBO-C001", "Target", "Streefwaarde (2027)", "Target value (2027)"),
    "MBO-C002": _missing_total("MBO-C002", "Start", "Startwaarde", "Start value", measured_only=True),
    "MBO-C003": _missing_realisation,
    "MBO-C004": _incomplete_own_indicator,
    "MBO-C005": _undescribed_source,
    "MBO-C006": _missing_declaration,
    "MBO-B001": _missing_budget,
    "MBO-B002": _budget_does_not_add_up,
    "MBO-B003": _earmark_not_budgeted,
    "MBO-B004": _budget_on_unapplied_measure,
    "MBO-B005": _negative_amount,
    "MBO-M001": _mandatory_not_applied,
    "MBO-M002": _missing_explanation,
    "MBO-M003": _missing_choice,
    "MBO-M004": _applied_without_budget,
    "MBO-V001": _value_out_of_range,
    "MBO-V002": _target_against_direction,
}


# Why the other rules stay in the engine (docs/rules.md and `mbo-xbrl rules --format json` say so per rule).
ENGINE_ONLY_NL_EN = {
    "file": ("bewaakt het bestand voordat een XBRL-processor het leest", "guards the file before any XBRL processor reads it"),
    "form": ("bewaakt het bestand voordat een XBRL-processor het leest", "guards the file before any XBRL processor reads it"),
    "filing-rules": ("Nederlandse filingregel (FR-NL) op de ruwe instance; de XBRL-processor meldt deze fouten zelf "
                     "of in eigen termen", "a Dutch filing rule (FR-NL) on the raw instance; an XBRL processor reports "
                     "these itself, or in its own terms"),
    "xbrl": ("is de uitkomst van de XBRL-processor zelf", "is the XBRL processor's own verdict"),
    "workbook": ("gaat over de werkmap, voordat die een XBRL-instance is", "is about the workbook, before it is an "
                 "XBRL instance"),
    "MBO-V003": ("heeft het register van vooraf ingevulde waarden nodig, dat niet in de filing of de taxonomie staat",
                 "needs the register of pre-filled values, which is in neither the filing nor the taxonomy"),
    "MBO-V004": ("nog niet als assertion geschreven (de grenzen van het aannemelijke per eenheid)",
                 "not written as an assertion yet (the bounds of the plausible per unit)"),
    "MBO-S014": ("nog niet als assertion geschreven (het verslagjaar zoals de engine het afleidt)",
                 "not written as an assertion yet (the reporting year as the engine infers it)"),
    "MBO-S015": ("gaat over de keuze van de taxonomie zelf; een taxonomie kan niet zeggen dat een andere had "
                 "moeten worden gebruikt", "is about the choice of taxonomy itself; a taxonomy cannot say that another "
                 "one should have been used"),
}


def assertion_ids(catalogue: Catalogue, release: Release, defaults: dict[str, str]) -> dict[str, list[str]]:
    """Rule code -> the ids of its assertions in the formula linkbase."""
    out: dict[str, list[str]] = {}
    for a in assertions(catalogue, release, defaults):
        out.setdefault(a.code, []).append(a.id)
    return out


# --- writing the linkbase --------------------------------------------------------------------------------

def formula_linkbase(catalogue: Catalogue, release: Release, severities: dict[str, str],
                     defaults: dict[str, str]) -> etree._Element:
    """The formula linkbase: `severities` maps each rule code that applies to its default severity (error,
    warning), `defaults` each axis to its default member."""
    nsmap = {"link": LINK, "xlink": XLINK, "xsi": XSI, **FORMULA_NS, "ref": REF_2006}
    for part in ("data", "axes", "domains", "types"):
        nsmap[PARTS[part][0]] = release.namespace(part)
    root = etree.Element(f"{{{LINK}}}linkbase", nsmap=nsmap)
    locations = [LINK, "http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd", REF_2006,
                 "http://www.xbrl.org/2006/ref-2006-02-27.xsd"]
    for namespace, location in SCHEMAS.items():
        locations += [namespace, location]
    root.set(f"{{{XSI}}}schemaLocation", " ".join(locations))
    for uri, href in ROLE_REFS:
        _simple(root, "roleRef", href, roleURI=uri)
    for uri, href in ARCROLE_REFS:
        _simple(root, "arcroleRef", href, arcroleURI=uri)
    link = etree.SubElement(root, f"{{{FORMULA_NS['generic']}}}link")
    _x(link, type="extended", role="http://www.xbrl.org/2008/role/link")
    shared: dict[object, str] = {}
    for assertion in assertions(catalogue, release, defaults):
        if assertion.code in severities:  # the rules of the entry point: not every rule applies to every filing
            _write_assertion(link, assertion, severities[assertion.code], defaults, shared)
    return root


def _x(element: etree._Element, **attrs: str) -> etree._Element:
    for name, value in attrs.items():
        element.set(f"{{{XLINK}}}{name.rstrip('_')}", value)
    return element


def _simple(root: etree._Element, name: str, href: str, **attrs: str) -> None:
    element = etree.SubElement(root, f"{{{LINK}}}{name}", **attrs)
    _x(element, type="simple", href=href)


def _el(parent: etree._Element, prefix: str, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{FORMULA_NS[prefix]}}}{tag}", **attrs)
    if text is not None:
        element.text = text
    return element


def _arc(link: etree._Element, prefix: str, tag: str, arcrole: str, frm: str, to: str, **attrs: str) -> None:
    _x(_el(link, prefix, tag, **attrs), type="arc", arcrole=arcrole, from_=frm, to=to)


def _write_assertion(link: etree._Element, a: Assertion, severity: str, defaults: dict[str, str],
                     shared: dict[object, str]) -> None:
    """One assertion, its messages, severity and reference. A variable (with its filters) that assertions
    share is written once and bound by each under its name: Arelle then reads and compiles it once."""
    label = a.id
    resource = _el(link, "va", "valueAssertion", id=a.id, test=a.test, aspectModel="dimensional",
                   implicitFiltering="false" if a.per_filing else "true")
    _x(resource, type="resource", label=label)
    bound: set[str] = set()

    def bind(target: str, name: str) -> None:
        assert target not in bound, f"{a.id} binds {target} twice"  # Arelle: duplicate arcs
        bound.add(target)
        _arc(link, "variable", "variableArc", VARIABLE_SET, label, target, name=name)

    for variable in a.facts:
        key = ("fact", variable.concepts, variable.data_types, tuple(variable.dimensions.items()), variable.sequence,
               variable.fallback, variable.uncovered, variable.where)
        if key not in shared:
            var_label = shared[key] = f"fact.{len(shared)}"
            # matches="true": a sequence may hold aspect-matched facts, so Arelle does not group all its facts
            # into equivalence classes first (which costs the square of their number)
            attrs = {"bindAsSequence": "true", "matches": "true"} if variable.sequence else {"bindAsSequence": "false"}
            if variable.fallback is not None:
                attrs["fallbackValue"] = variable.fallback
            _x(_el(link, "variable", "factVariable", **attrs), type="resource", label=var_label)
            for n, (kind, build, complement, covers) in enumerate(_filters(variable, defaults)):
                filter_label = f"{var_label}.{kind}{n}"
                _x(build(link), type="resource", label=filter_label)
                _arc(link, "variable", "variableFilterArc", VARIABLE_FILTER, var_label, filter_label,
                     complement="true" if complement else "false", cover="true" if covers else "false")
        bind(shared[key], variable.name)
    general = dict(a.general)
    if a.groups:
        _write_filing_facts(link, label, a.groups, defaults, shared)
        general = {name: _group_select(group, a.groups) for name, group in a.groups.items()} | general
    expressions = " ".join([a.test, a.message_nl, a.message_en, *general.values()])
    axes = {name: f"xs:QName('{PARTS['axes'][0]}:{name[0].upper()}{name[1:]}')"
            for name in sorted(set(AXIS_VARIABLE.findall(expressions)))}
    general = axes | general
    for name, select in general.items():
        key = ("general", select)
        if key not in shared:
            shared[key] = f"general.{len(shared)}"
            _x(_el(link, "variable", "generalVariable", select=select, bindAsSequence="true"), type="resource",
               label=shared[key])
        bind(shared[key], name)
    for lang, text in (("nl", a.message_nl), ("en", a.message_en)):
        message_label = f"{a.id}.message.{lang}"
        message = _el(link, "msg", "message", text)
        message.set(XML_LANG, lang)
        _x(message, type="resource", label=message_label, role="http://www.xbrl.org/2010/role/message")
        _arc(link, "generic", "arc", UNSATISFIED_MESSAGE, label, message_label)
    severity_label = f"severity.{severity}"
    if ("severity", severity) not in shared:
        shared[("severity", severity)] = severity_label
        _x(etree.SubElement(link, f"{{{LINK}}}loc"), type="locator", href=f"{SEVERITIES}#{severity.upper()}",
           label=severity_label)
    _arc(link, "generic", "arc", UNSATISFIED_SEVERITY, label, severity_label)
    reference_label = f"{a.id}.reference"
    reference = _el(link, "reference", "reference")
    _x(reference, type="resource", label=reference_label, role="http://www.xbrl.org/2008/role/reference")
    etree.SubElement(reference, f"{{{REF_2006}}}Name").text = f"mbo-xbrl rule {a.code}"
    etree.SubElement(reference, f"{{{REF_2006}}}URI").text = RULES_DOCS + a.code.lower()
    _arc(link, "generic", "arc", ELEMENT_REFERENCE, label, reference_label)


def _write_filing_facts(link: etree._Element, label: str, groups: dict[str, Group], defaults: dict[str, str],
                        shared: dict[object, str]) -> None:
    """The one fact variable of a per-filing assertion: the facts of all its groups (and the trigger) as one
    sequence, covering every aspect (one evaluation a filing), selected by an OR of the groups."""
    every = (TRIGGER, *sorted(set(groups.values()), key=repr))
    key = ("filing facts", every)
    if key not in shared:
        var_label = shared[key] = f"fact.{len(shared)}"
        _x(_el(link, "variable", "factVariable", bindAsSequence="true", matches="true"), type="resource",
           label=var_label)
        cover = _el(link, "acf", "aspectCover")
        _el(cover, "acf", "aspect", "all")
        _x(cover, type="resource", label=f"{var_label}.cover")
        _arc(link, "variable", "variableFilterArc", VARIABLE_FILTER, var_label, f"{var_label}.cover",
             complement="false", cover="true")
        either = _x(_el(link, "bf", "orFilter"), type="resource", label=f"{var_label}.groups")
        del either
        _arc(link, "variable", "variableFilterArc", VARIABLE_FILTER, var_label, f"{var_label}.groups",
             complement="false", cover="true")
        for n, group in enumerate(every):
            group_label = f"{var_label}.group{n}"
            parts = _group_filters(group, defaults)
            if len(parts) == 1:
                _x(parts[0](link), type="resource", label=group_label)
            else:
                _x(_el(link, "bf", "andFilter"), type="resource", label=group_label)
                for m, build in enumerate(parts):
                    _x(build(link), type="resource", label=f"{group_label}.{m}")
                    _arc(link, "variable", "variableFilterArc", BOOLEAN_FILTER, group_label, f"{group_label}.{m}",
                         complement="false", cover="true")
            _arc(link, "variable", "variableFilterArc", BOOLEAN_FILTER, f"{var_label}.groups", group_label,
                 complement="false", cover="true")
    _arc(link, "variable", "variableArc", VARIABLE_SET, label, shared[key], name="facts")


AXIS_VARIABLE = re.compile(r"\$(\w+Axis)\b")  # see `_XPath.axis`


def _group_select(group: Group, groups: dict[str, Group]) -> str:
    """XPath: the facts of one group out of $facts: by concept (the largest group as "none of the others", which
    is shorter to parse), and by member where groups share concepts."""
    others = [g for g in groups.values() if g is not group]
    shared = any(set(other.concepts) & set(group.concepts) for other in others)
    largest = max(groups.values(), key=lambda g: len(g.concepts))
    if group is largest and not shared:
        excluded = sorted({c for g in (TRIGGER, *others) for c in g.concepts})
        tests = [f"not({_concept('.')} = " + _XPath.strings(excluded) + ")"]
    elif shared and all(set(g.concepts) == set(group.concepts) for g in others):  # told apart by member only
        tests = [f"not({_concept('.')} = " + _XPath.strings(list(TRIGGER.concepts)) + ")"]
    else:
        tests = [f"{_concept('.')} = " + _XPath.strings(list(group.concepts))]
    if shared:
        tests += [f"local-name-from-QName(xfi:fact-explicit-dimension-value(., {_XPath.axis(axis)})) eq '{member}'"
                  for axis, member in group.dimensions if member is not None]
    return "$facts[" + " and ".join(tests) + "]"


def _group_filters(group: Group, defaults: dict[str, str]) -> list[Callable[[etree._Element], etree._Element]]:
    return [build for _, build, _, _ in _filters(FactVariable("", group.concepts, dimensions=dict(group.dimensions),
                                                              sequence=False), defaults)]


NOT_DEFAULT = "!"  # a dimension filter's member: any member but the axis's default (a complemented filter)


def _filters(variable: FactVariable, defaults: dict[str, str]
             ) -> list[tuple[str, Callable[[etree._Element], etree._Element], bool, bool]]:
    """The filters of a fact variable: (kind, a function that writes it into the link, complemented, covers)."""
    data, axes, domains = (PARTS[p][0] for p in ("data", "axes", "domains"))
    out: list[tuple[str, Callable[[etree._Element], etree._Element], bool, bool]] = []
    if variable.concepts:
        def concept(link: etree._Element) -> etree._Element:
            element = _el(link, "cf", "conceptName")
            for local in variable.concepts:
                _el(_el(element, "cf", "concept"), "cf", "qname", f"{data}:{local}")
            return element
        out.append(("concept", concept, False, True))
    for type_name in variable.data_types:
        def data_type(link: etree._Element, type_name: str = type_name) -> etree._Element:
            element = _el(link, "cf", "conceptDataType", strict="false")
            _el(_el(element, "cf", "type"), "cf", "qname", type_name)
            return element
        out.append(("type", data_type, False, True))
    for axis, member in variable.dimensions.items():
        complement = member == NOT_DEFAULT
        local = defaults[axis] if member is None or complement else member

        def dimension(link: etree._Element, axis: str = axis, local: str = local) -> etree._Element:
            element = _el(link, "df", "explicitDimension")
            _el(_el(element, "df", "dimension"), "df", "qname", f"{axes}:{axis}")
            _el(_el(element, "df", "member"), "df", "qname", f"{domains}:{local}")
            return element
        out.append(("dimension", dimension, complement, axis not in variable.uncovered))
    if variable.where is not None:
        def general(link: etree._Element, test: str = variable.where) -> etree._Element:
            return _el(link, "gf", "general", test=test)
        out.append(("general", general, False, True))
    return out
