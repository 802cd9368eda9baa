"""How a rule is declared: once, in its own module, with code, name, layer, severity, messages and fix.

    @rule(code="MBO-C001", name="missing-target-value", layer=Layer.SEMANTIC, severity=Severity.ERROR,
          message_nl="...{indicator}...", message_en="...", fix_nl="...", fix_en="...",
          concepts=("indicator concepts",))
    def missing_target_value(filing, ctx):
        '''Rationale: why the rule exists (becomes the docs).'''
        yield RULE.finding(...)

Messages and fixes are templates over a finding's `args`, filled in for both languages when the
finding is made (`{amount:eur}`, `{value:num}` format a value the way each language writes it), so a
report can be shown in either language without looking the rule up again. A rule never raises for an unmet precondition; it yields
nothing (or the engine records a problem).
"""

from __future__ import annotations

import inspect
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from mbo_xbrl import formats
from mbo_xbrl.report.model import Finding, Severity


class Layer(str, Enum):
    """Where in the check a rule runs; a failure in an earlier layer stops the later ones."""

    WORKBOOK = "workbook"  # a workbook: its package, sheets and cells, before it is made an XBRL instance
    FILE = "file"  # bytes: size, encoding, DOCTYPE, well-formedness
    FORM = "form"  # the XML is an XBRL instance of our taxonomy, referring to nothing else
    FILING_RULES = "filing-rules"  # taxonomy-independent Dutch filing rules on the raw instance
    XBRL = "xbrl"  # XBRL 2.1 / Dimensions 1.0 validity, decided by Arelle
    SEMANTIC = "semantic"  # the Werkagenda content: completeness, budgets, measures, values


LAYER_ORDER = [Layer.WORKBOOK, Layer.FILE, Layer.FORM, Layer.FILING_RULES, Layer.XBRL, Layer.SEMANTIC]


@dataclass(frozen=True)
class Rule:
    """One rule of the catalogue."""

    code: str
    name: str
    layer: Layer
    severity: Severity
    message_nl: str
    message_en: str
    fix_nl: str
    fix_en: str
    rationale: str  # why, in English: the docstring, which the docs show in full
    why_nl: str  # why, in Dutch: what a Dutch reader of `mbo-xbrl rules CODE` is told
    concepts: tuple[str, ...] = ()
    check: Callable[..., Iterable[Finding]] | None = field(default=None, compare=False)
    # Only of a funded institution's filing: budgets, measures, objective declarations, targets and own
    # indicators belong to the quality agreements, which non-funded institutions do not make (seed 003).
    funded_only: bool = False

    def why(self, lang: str = "nl") -> str:
        """Why the rule exists, in `lang`: the Dutch reason, or the whole rationale in English."""
        return self.why_nl if lang == "nl" else " ".join(self.rationale.split())

    def message(self, finding: Finding, lang: str = "nl") -> str:
        return _render(self.message_nl if lang == "nl" else self.message_en, _values(finding), lang)

    def fix(self, finding: Finding, lang: str = "nl") -> str:
        return _render(self.fix_nl if lang == "nl" else self.fix_en, _values(finding), lang)

    def finding(self, severity: Severity | None = None, /, **fields: Any) -> Finding:
        """A finding of this rule: location fields by name, everything else into args; its words filled in.

        Past the budget of the check under way (`finding_budget`), it is only counted, and `UNLISTED` stands in."""
        budget = _BUDGET.get()
        if budget is not None and not budget.admits(self.code, severity or self.severity):
            return UNLISTED
        location = {k: fields.pop(k) for k in LOCATION_FIELDS if k in fields}
        bare = Finding(code=self.code, severity=severity or self.severity, args=fields, **location)
        return self.worded(bare)

    def worded(self, finding: Finding) -> Finding:
        """The finding with this rule's name, message and fix in both languages."""
        return finding.model_copy(update={
            "name": self.name, "message_nl": self.message(finding, "nl"), "message_en": self.message(finding, "en"),
            "fix_nl": self.fix(finding, "nl"), "fix_en": self.fix(finding, "en")})

    def problem(self, problems: dict[str, tuple[str, str]], kind: str, /, **fields: Any) -> Finding:
        """A finding for one kind of problem of a rule that has several.

        `problems` maps each kind to its Dutch and English wording; the wording is filled in from
        `fields` and becomes the `problem_nl` / `problem_en` arguments of the rule's message.
        """
        nl, en = problems[kind]
        shown = {k: "" if v is None else v for k, v in fields.items()}
        return self.finding(problem=kind, problem_nl=nl.format_map(_Args({k: _Shown(v, "nl") for k, v in shown.items()})),
                            problem_en=en.format_map(_Args({k: _Shown(v, "en") for k, v in shown.items()})),
                            **fields)


UNLISTED = Finding(code="", severity=Severity.INFO)  # what a rule gets back for a finding past the budget


@dataclass
class FindingBudget:
    """The most findings one rule lists in one report; those past it are counted by severity."""

    per_rule: int
    listed: Counter[str] = field(default_factory=Counter)
    unlisted: Counter[tuple[str, Severity]] = field(default_factory=Counter)

    def admits(self, code: str, severity: Severity) -> bool:
        if self.listed[code] < self.per_rule:
            self.listed[code] += 1
            return True
        self.unlisted[(code, severity)] += 1
        return False


_BUDGET: ContextVar[FindingBudget | None] = ContextVar("finding_budget", default=None)


@contextmanager
def finding_budget(per_rule: int) -> Iterator[FindingBudget]:
    """Within it, each rule lists at most `per_rule` findings (the check of one file)."""
    budget = FindingBudget(per_rule)
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


def rule(*, code: str, name: str, layer: Layer, severity: Severity, message_nl: str, message_en: str,
         fix_nl: str, fix_en: str, why_nl: str, concepts: tuple[str, ...] = (),
         funded_only: bool = False) -> Callable[[Callable[..., Any]], Rule]:
    """Declare a rule whose logic is the decorated function and whose rationale is its docstring."""

    def declare(function: Callable[..., Any]) -> Rule:
        rationale = inspect.cleandoc(function.__doc__ or "")
        if not rationale:
            raise ValueError(f"rule {code} needs a docstring with its rationale")
        return Rule(code, name, layer, severity, message_nl, message_en, fix_nl, fix_en, rationale, why_nl,
                    concepts, function, funded_only)

    return declare


LOCATION_FIELDS = ("concept", "context", "indicator", "objective", "measure", "line")


def _values(finding: Finding) -> dict[str, Any]:
    """What a template may name: the finding's arguments and its location."""
    location = {k: getattr(finding, k) for k in LOCATION_FIELDS if getattr(finding, k) is not None}
    return location | finding.args


class _Shown:
    """A template value: `{x:eur}` an amount, `{x:num}` a number, `{x:int}` a count, as `lang` writes them."""

    __slots__ = ("value", "lang")

    def __init__(self, value: Any, lang: str) -> None:
        self.value, self.lang = value, lang

    def __format__(self, spec: str) -> str:
        if spec and self.value == "":
            return "-"  # no such value (e.g. no total to compare with)
        if spec == "eur":
            return formats.euro(self.value, self.lang)
        if spec == "num":
            return formats.number(self.value, self.lang)
        if spec == "int":
            return formats.integer(self.value, self.lang)
        return format(self.value, spec)


class _Args(dict):
    def __missing__(self, key: str) -> _Shown:
        return _Shown("{" + key + "}", "")


def _render(template: str, args: dict[str, Any], lang: str = "nl") -> str:
    return template.format_map(_Args({k: _Shown("" if v is None else v, lang) for k, v in args.items()}))


@dataclass(frozen=True)
class RuleContext:
    """What rules may consult besides the filing: the catalogue and, when given, the pre-fill register."""

    catalogue: Any
    prefill: Any = None
