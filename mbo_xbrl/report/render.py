"""Render reports as text (for people) or as JSON (for programs). Messages are made here, per language."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from mbo_xbrl.catalogue import load_catalogue
from mbo_xbrl.report.model import Finding, Report, Severity
from mbo_xbrl.rules.registry import get

TEXT = {
    "nl": {"valid": "GOEDGEKEURD", "invalid": "AFGEKEURD", "errors": ("fout", "fouten"),
           "warnings": ("waarschuwing", "waarschuwingen"), "infos": ("melding", "meldingen"), "general": "Algemeen", "fix": "Oplossing", "objective": "Doelstelling",
           "could_not_check": "Niet volledig gecontroleerd", "line": "regel", "institution": "instelling",
           "year": "verslagjaar", "files": ("bestand", "bestanden"), "accepted": "goedgekeurd", "rejected": "afgekeurd",
           "by_rule": "Per regel", "by_objective": "Per onderdeel", "details": "Alle bevindingen",
           "first_fix": "bijvoorbeeld"},
    "en": {"valid": "ACCEPTED", "invalid": "REJECTED", "errors": ("error", "errors"),
           "warnings": ("warning", "warnings"), "infos": ("note", "notes"), "general": "General", "fix": "Fix", "objective": "Objective",
           "could_not_check": "Not fully checked", "line": "line", "institution": "institution",
           "year": "reporting year", "files": ("file", "files"), "accepted": "accepted", "rejected": "rejected",
           "by_rule": "By rule", "by_objective": "By part", "details": "All findings", "first_fix": "for example"},
}


def severity_word(severity: Severity, lang: str) -> str:
    """"fout", "waarschuwing", "melding" (or English): the singular of the counts' words."""
    return TEXT[lang][f"{severity.value}s"][0]


def _count(n: int, forms: tuple[str, str]) -> str:
    return f"{n} {forms[0] if n == 1 else forms[1]}"


def finding_dict(finding: Finding, lang: str) -> dict[str, Any]:
    """A finding as the JSON contract has it: code, severity, message, fix, and where."""
    rule = get(finding.code)
    data: dict[str, Any] = {"code": finding.code, "name": rule.name, "severity": finding.severity.value,
                            "message": rule.message(finding, lang), "fix": rule.fix(finding, lang)}
    for key in ("concept", "context", "indicator", "objective", "measure", "line"):
        value = getattr(finding, key)
        if value is not None:
            data[key] = value
    data["args"] = finding.args
    return data


def report_dict(report: Report, lang: str) -> dict[str, Any]:
    return {
        "file": report.file,
        "valid": report.valid,
        "institution": report.institution,
        "report_year": report.report_year,
        "sha256": report.sha256,
        "counts": {s.value: report.count(s) for s in Severity},
        "findings": [finding_dict(f, lang) for f in report.findings],
        "problems": [{"kind": p.kind, "message": p.message(lang)} | ({"rule": p.rule} if p.rule else {})
                     for p in report.problems],
        "tool_version": report.tool_version,
        "catalogue_version": report.catalogue_version,
        "schema_version": report.schema_version,
    }


def reports_json(reports: list[Report], lang: str) -> str:
    return json.dumps({"reports": [report_dict(r, lang) for r in reports]}, ensure_ascii=False, indent=2)


def findings_by_objective(findings: list[Finding], lang: str) -> list[tuple[str, list[Finding]]]:
    """Findings grouped under a title per objective ("General" first), as people read a report."""
    t = TEXT[lang]
    cat = load_catalogue()
    groups: dict[str | None, list[Finding]] = defaultdict(list)
    for finding in findings:
        groups[finding.objective].append(finding)
    out = []
    for objective in sorted(groups, key=lambda o: (o is not None, o or "")):
        if objective is None:
            title = t["general"]
        else:
            known = cat.objective_by_code.get(objective)
            label = (known.label_nl if lang == "nl" else known.label_en) if known else ""
            title = f"{t['objective']} {objective} {label}".rstrip()
        out.append((title, groups[objective]))
    return out


SUMMARY_FROM = 4  # findings: from this many on, a report leads with a summary per rule and per part


@dataclass(frozen=True)
class RuleSummary:
    code: str
    name: str
    severity: Severity
    count: int
    fix: str  # the fix of its first finding, filled in


def rule_summaries(findings: list[Finding], lang: str) -> list[RuleSummary]:
    """One line per rule: errors first, then the most frequent; the fix of its first finding."""
    first: dict[str, Finding] = {}
    counts: Counter[str] = Counter()
    for finding in findings:
        first.setdefault(finding.code, finding)
        counts[finding.code] += 1
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    out = [RuleSummary(code, get(code).name, f.severity, counts[code], get(code).fix(f, lang)) for code, f in first.items()]
    return sorted(out, key=lambda r: (order[r.severity], -r.count, r.code))


def report_text(report: Report, lang: str) -> str:
    """A verdict line with counts, then findings grouped by objective, each with where and how to fix."""
    t = TEXT[lang]
    verdict = t["valid"] if report.valid else t["invalid"]
    who = ", ".join(x for x in (f"{t['institution']} {report.institution}" if report.institution else "",
                                f"{t['year']} {report.report_year}" if report.report_year else "") if x)
    lines = [f"{report.file}: {verdict}" + (f" ({who})" if who else "") +
             f" - {_count(report.count(Severity.ERROR), t['errors'])}, "
             f"{_count(report.count(Severity.WARNING), t['warnings'])}, {_count(report.count(Severity.INFO), t['infos'])}"]
    for problem in report.problems:
        lines.append(f"  {t['could_not_check']}: {problem.message(lang)}")
    groups = findings_by_objective(report.findings, lang)
    summarised = len(report.findings) >= SUMMARY_FROM
    if summarised:
        lines.append(f"  {t['by_rule']}:")
        for r in rule_summaries(report.findings, lang):
            lines.append(f"    {r.count:>4}× {severity_word(r.severity, lang).upper()} {r.code} {r.name} — {t['fix']} "
                         f"({t['first_fix']}): {r.fix}")
        lines.append(f"  {t['by_objective']}:")
        lines += [f"    {len(fs):>4}  {title}" for title, fs in groups]
        lines.append(f"  {t['details']}:")
    for title, findings in groups:
        lines.append(f"  {title}")
        shown_fix: dict[str, str] = {}
        for finding in findings:
            rule = get(finding.code)
            where = [x for x in (finding.indicator, finding.measure, finding.concept,
                                 finding.context and f"context {finding.context}",
                                 finding.line and f"{t['line']} {finding.line}") if x]
            lines.append(f"    {severity_word(finding.severity, lang).upper()} {finding.code} {rule.message(finding, lang)}")
            if where:
                lines.append(f"      @ {', '.join(str(w) for w in where)}")
            fix = rule.fix(finding, lang)
            if shown_fix.get(finding.code) != fix:  # the same fix once per part, not under every finding
                lines.append(f"      {t['fix']}: {fix}")
                shown_fix[finding.code] = fix
    return "\n".join(lines)


def reports_text(reports: list[Report], lang: str) -> str:
    t = TEXT[lang]
    body = "\n".join(report_text(r, lang) for r in reports)
    accepted = sum(r.valid for r in reports)
    return f"{body}\n{_count(len(reports), t['files'])}: {accepted} {t['accepted']}, {len(reports) - accepted} {t['rejected']}"
