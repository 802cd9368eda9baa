"""The one report model: the CLI, the web page and the store all read a `Report`.

A finding carries its arguments (for programs) and its words in Dutch and English (for people):
the message and fix, made by the rule that found it, and where it is in the words of the form
(`location_nl`, "Begroting 2025, doelstelling 3.3 Werken in het mbo"), added by the rules layer once
the check is done. Renderers pick a language; they never look a rule up. "Could not check" (`problems`) stays apart from "checked
and found wanting" (`findings`).
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Finding(BaseModel):
    """One thing wrong with a filing, with where it is."""

    model_config = ConfigDict(frozen=True)

    code: str = Field(description="Rule code, e.g. MBO-S004.")
    severity: Severity
    args: dict[str, Any] = Field(default_factory=dict, description="Values that triggered the rule.")
    concept: str | None = Field(None, description="The fact's concept as prefix:localName.")
    context: str | None = Field(None, description="The fact's context id.")
    indicator: str | None = Field(None, description="Catalogue indicator code.")
    objective: str | None = Field(None, description="Catalogue objective code.")
    measure: str | None = Field(None, description="Catalogue measure code.")
    line: int | None = Field(None, description="Line in the filing.")
    cell: str | None = Field(None, description="The workbook cell, for a filing delivered as a workbook: "
                                               "'05 Doel 1.1 begroting'!D14.")
    element: str | None = Field(None, description="The id of the tagged element, for a filing delivered as Inline "
                                                  "XBRL (its line is `line`).")
    name: str | None = Field(None, description="The rule's name, e.g. missing-budget.")
    message_nl: str | None = None
    message_en: str | None = None
    fix_nl: str | None = None
    fix_en: str | None = None
    location_nl: str | None = Field(None, description="Where, in the words of the form (Dutch).")
    location_en: str | None = Field(None, description="Where, in the words of the form (English).")
    caused_by: str | None = Field(None, description="The rule code of the root cause this finding follows from "
                                                    "(e.g. MBO-C006: no works-on declaration, so all is asked for).")

    def message(self, lang: str = "nl") -> str:
        return (self.message_en if lang == "en" else self.message_nl) or self.code

    def fix(self, lang: str = "nl") -> str:
        return (self.fix_en if lang == "en" else self.fix_nl) or ""

    def location(self, lang: str = "nl") -> str | None:
        return self.location_en if lang == "en" else self.location_nl



class Unlisted(BaseModel):
    """Findings of one rule and severity past the most a report lists of one rule (the `max_findings` limit):
    counted, not listed, so that a file with a mistake repeated a hundred thousand times costs no more to report
    than one with a thousand."""

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity
    count: int


class Problem(BaseModel):
    """Why a file could not be checked completely: not a finding about the filing, but about the check."""

    model_config = ConfigDict(frozen=True)

    kind: str = Field(description="'internal' (a fault in the checker, a rule or the XBRL processor) or "
                                  "'stopped' (the checking process ended unexpectedly).")
    message_nl: str
    message_en: str
    rule: str | None = Field(None, description="The rule that failed, when one did.")

    def message(self, lang: str = "nl") -> str:
        return self.message_nl if lang == "nl" else self.message_en


class Report(BaseModel):
    """The result of checking one file."""

    schema_version: int = SCHEMA_VERSION
    tool_version: str
    catalogue_version: str
    file: str
    sha256: str | None = None
    institution: str | None = None
    institution_name: str | None = Field(None, description="The institution's name as the filing gives it.")
    report_year: int | None = None
    taxonomy_release: int | None = Field(None, description="The taxonomy release (year) whose entry point the "
                                         "filing names and against which it was checked.")
    funded: bool | None = Field(None, description="Made against the funded institutions' entry point (true) or "
                                "the non-funded one (false).")
    findings: list[Finding] = Field(default_factory=list)
    unlisted: list[Unlisted] = Field(default_factory=list, description="Findings counted but not listed: those of "
                                     "a rule past the most a report lists of one rule.")
    problems: list[Problem] = Field(default_factory=list, description="Why the file could not be checked fully.")
    stopped_at: str | None = Field(None, description="The layer whose failure stopped later layers "
                                                     "(file, form, xbrl), if any.")
    xbrl_validation: str | None = Field(None, description="Who decided XBRL validity: 'arelle', or "
                                        "'compiled-view' when the fast path certified that Arelle would "
                                        "find nothing.")
    seconds: float | None = None

    @property
    def valid(self) -> bool:
        """No finding at error level, and nothing kept the check from finishing."""
        return not self.problems and not any(f.severity is Severity.ERROR for f in [*self.findings, *self.unlisted])

    def count(self, severity: Severity) -> int:
        """Findings of this severity, listed or not."""
        return sum(1 for f in self.findings if f.severity is severity) + \
            sum(u.count for u in self.unlisted if u.severity is severity)

    def flatten(self, fields: list[str]) -> list[list[Any]]:
        """Short rows for assertions: report.flatten(["code", "concept"])."""
        return [[getattr(f, name) for name in fields] for f in self.findings]
