"""How a rule is declared: once, in its own module, with code, name, layer, severity, messages and fix.

    @rule(code="MBO-C001", name="missing-target-value", layer=Layer.SEMANTIC, severity=Severity.ERROR,
          message_nl="...{indicator}...", message_en="...", fix_nl="...", fix_en="...",
          concepts=("indicator concepts",))
    def missing_target_value(filing, ctx):
        '''Rationale: why the rule exists (becomes the docs).'''
        yield RULE.finding(...)

Messages and fixes are templates over a finding's `args`, rendered when a report is shown, so
the language is chosen late (`--lang`). A rule never raises for an unmet precondition; it yields
nothing (or the engine records a problem).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from mbo_xbrl.report.model import Finding, Severity


class Layer(str, Enum):
    """Where in the check a rule runs; a failure in an earlier layer stops the later ones."""

    FILE = "file"  # bytes: size, encoding, DOCTYPE, well-formedness
    FORM = "form"  # the XML is an XBRL instance of our taxonomy, referring to nothing else
    FILING_RULES = "filing-rules"  # taxonomy-independent Dutch filing rules on the raw instance
    XBRL = "xbrl"  # XBRL 2.1 / Dimensions 1.0 validity, decided by Arelle
    SEMANTIC = "semantic"  # the Werkagenda content: completeness, budgets, measures, values


LAYER_ORDER = [Layer.FILE, Layer.FORM, Layer.FILING_RULES, Layer.XBRL, Layer.SEMANTIC]


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
    rationale: str
    concepts: tuple[str, ...] = ()
    check: Callable[..., Iterable[Finding]] | None = field(default=None, compare=False)

    def message(self, finding: Finding, lang: str = "nl") -> str:
        return _render(self.message_nl if lang == "nl" else self.message_en, _values(finding))

    def fix(self, finding: Finding, lang: str = "nl") -> str:
        return _render(self.fix_nl if lang == "nl" else self.fix_en, _values(finding))

    def finding(self, severity: Severity | None = None, /, **fields: Any) -> Finding:
        """A finding of this rule: location fields by name, everything else into args."""
        location = {k: fields.pop(k) for k in LOCATION_FIELDS if k in fields}
        return Finding(code=self.code, severity=severity or self.severity, args=fields, **location)

    def problem(self, problems: dict[str, tuple[str, str]], kind: str, /, **fields: Any) -> Finding:
        """A finding for one kind of problem of a rule that has several.

        `problems` maps each kind to its Dutch and English wording; the wording is filled in from
        `fields` and becomes the `problem_nl` / `problem_en` arguments of the rule's message.
        """
        nl, en = problems[kind]
        values = _Args({k: "" if v is None else v for k, v in fields.items()})
        return self.finding(problem=kind, problem_nl=nl.format_map(values), problem_en=en.format_map(values),
                            **fields)


def rule(*, code: str, name: str, layer: Layer, severity: Severity, message_nl: str, message_en: str,
         fix_nl: str, fix_en: str, concepts: tuple[str, ...] = ()) -> Callable[[Callable[..., Any]], Rule]:
    """Declare a rule whose logic is the decorated function and whose rationale is its docstring."""

    def declare(function: Callable[..., Any]) -> Rule:
        rationale = inspect.cleandoc(function.__doc__ or "")
        if not rationale:
            raise ValueError(f"rule {code} needs a docstring with its rationale")
        return Rule(code, name, layer, severity, message_nl, message_en, fix_nl, fix_en, rationale, concepts,
                    function)

    return declare


LOCATION_FIELDS = ("concept", "context", "indicator", "objective", "measure", "line")


def _values(finding: Finding) -> dict[str, Any]:
    """What a template may name: the finding's arguments and its location."""
    location = {k: getattr(finding, k) for k in LOCATION_FIELDS if getattr(finding, k) is not None}
    return location | finding.args


class _Args(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _render(template: str, args: dict[str, Any]) -> str:
    return template.format_map(_Args({k: "" if v is None else v for k, v in args.items()}))


@dataclass(frozen=True)
class RuleContext:
    """What rules may consult besides the filing: the catalogue and, when given, the pre-fill register."""

    catalogue: Any
    prefill: Any = None
