"""How a rule is declared: once, with its code, name, severity, messages, fix and rationale."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mbo_xbrl.report.model import Finding, Severity


@dataclass(frozen=True)
class Rule:
    """One rule of the catalogue. Messages are templates over the finding's `args`."""

    code: str
    name: str
    severity: Severity
    message_nl: str
    message_en: str
    fix_nl: str
    fix_en: str
    rationale: str
    concepts: tuple[str, ...] = field(default_factory=tuple)

    def message(self, finding: Finding, lang: str = "nl") -> str:
        return _render(self.message_nl if lang == "nl" else self.message_en, finding.args)

    def fix(self, finding: Finding, lang: str = "nl") -> str:
        return _render(self.fix_nl if lang == "nl" else self.fix_en, finding.args)

    def finding(self, severity: Severity | None = None, **fields: Any) -> Finding:
        """A finding of this rule; location fields by name, everything else into args."""
        location = {k: fields.pop(k) for k in ("concept", "context", "indicator", "objective", "measure", "line")
                    if k in fields}
        return Finding(code=self.code, severity=severity or self.severity, args=fields, **location)


class _Args(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _render(template: str, args: dict[str, Any]) -> str:
    return template.format_map(_Args({k: "" if v is None else v for k, v in args.items()}))
