"""Render reports as text (for people) or as JSON (for programs). Messages are made here, per language."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from mbo_xbrl.catalogue import load_catalogue
from mbo_xbrl.report.model import Finding, Report, Severity

TEXT = {
    "nl": {"valid": "GOEDGEKEURD", "invalid": "AFGEKEURD", "errors": ("fout", "fouten"),
           "warnings": ("waarschuwing", "waarschuwingen"), "infos": ("melding", "meldingen"), "general": "Algemeen", "fix": "Oplossing", "objective": "Doelstelling",
           "could_not_check": "Niet volledig gecontroleerd", "line": "regel", "institution": "instelling",
           "year": "verslagjaar", "non_funded": "niet-bekostigde instelling", "files": ("bestand", "bestanden"), "accepted": "goedgekeurd", "rejected": "afgekeurd",
           "by_rule": "Per regel", "by_objective": "Per onderdeel", "details": "Alle bevindingen",
           "first_fix": "bijvoorbeeld", "where": "Waar",
           "caused_by": "Volgt uit", "of_which": "waarvan {n} volgend uit {code}",
           "unlisted": "Niet afzonderlijk getoond: nog {n}× {severity} {code}, naast de {listed} hieronder "
                       "(een rapport toont hoogstens zoveel bevindingen van één regel)"},
    "en": {"valid": "ACCEPTED", "invalid": "REJECTED", "errors": ("error", "errors"),
           "warnings": ("warning", "warnings"), "infos": ("note", "notes"), "general": "General", "fix": "Fix", "objective": "Objective",
           "could_not_check": "Not fully checked", "line": "line", "institution": "institution",
           "year": "reporting year", "non_funded": "non-funded institution", "files": ("file", "files"), "accepted": "accepted", "rejected": "rejected",
           "by_rule": "By rule", "by_objective": "By part", "details": "All findings", "first_fix": "for example", "where": "Where",
           "caused_by": "Follows from", "of_which": "{n} of them following from {code}",
           "unlisted": "Not listed one by one: {n}× {severity} {code} more, besides the {listed} below "
                       "(a report lists at most that many findings of one rule)"},
}


def severity_word(severity: Severity, lang: str) -> str:
    """"fout", "waarschuwing", "melding" (or English): the singular of the counts' words."""
    return TEXT[lang][f"{severity.value}s"][0]


def counted(n: int, forms: tuple[str, str]) -> str:
    """"1 fout", "3 fouten": a count with its word in the singular or plural."""
    return f"{n} {forms[0] if n == 1 else forms[1]}"


def finding_dict(finding: Finding, lang: str) -> dict[str, Any]:
    """A finding as the JSON contract has it: code, severity, message, fix, and where."""
    data: dict[str, Any] = {"code": finding.code, "name": finding.name, "severity": finding.severity.value,
                            "message": finding.message(lang), "fix": finding.fix(lang),
                            "location": finding.location(lang)}
    for key in ("location_nl", "location_en", "caused_by", "cell", "element", "concept", "context", "indicator", "objective", "measure",
                "line"):
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
        "institution_name": report.institution_name,
        "report_year": report.report_year,
        "taxonomy_release": report.taxonomy_release,
        "funded": report.funded,
        "sha256": report.sha256,
        "counts": {s.value: report.count(s) for s in Severity},
        "findings": [finding_dict(f, lang) for f in report.findings],
        "unlisted": [{"code": u.code, "severity": u.severity.value, "count": u.count} for u in report.unlisted],
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
        out.append((title, _causes_first(groups[objective])))
    return out


def _causes_first(findings: list[Finding]) -> list[Finding]:
    """A part's findings with each root cause first and the findings it causes right after it."""
    causes = {f.caused_by for f in findings if f.caused_by}
    return sorted(findings, key=lambda f: 0 if f.code in causes else 1 if f.caused_by else 2)


SUMMARY_FROM = 4  # findings: from this many on, a report leads with a summary per rule and per part


@dataclass(frozen=True)
class RuleSummary:
    code: str
    name: str
    severity: Severity
    count: int
    fix: str  # the fix of its first finding, filled in
    caused: int = 0  # how many of them follow from another finding (their root cause)
    caused_by: str | None = None


def rule_summaries(findings: list[Finding], lang: str) -> list[RuleSummary]:
    """One line per rule: errors first, root causes first among them, then the most frequent; the fix of its
    first finding."""
    first: dict[str, Finding] = {}
    counts: Counter[str] = Counter()
    caused: Counter[str] = Counter()
    causes: dict[str, str] = {}
    for finding in findings:
        first.setdefault(finding.code, finding)
        counts[finding.code] += 1
        if finding.caused_by:
            caused[finding.code] += 1
            causes[finding.code] = finding.caused_by
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    out = [RuleSummary(code, f.name or code, f.severity, counts[code], f.fix(lang), caused[code], causes.get(code))
           for code, f in first.items()]
    roots = set(causes.values())  # a root cause leads: what follows from it is settled with it
    return sorted(out, key=lambda r: (order[r.severity], r.code not in roots, -r.count, r.code))


def report_text(report: Report, lang: str, verbose: bool = False) -> str:
    """A verdict line with counts, then findings grouped by objective, each with where (in the words of the
    form; with `verbose` also concept, context and line) and how to fix."""
    t = TEXT[lang]
    verdict = t["valid"] if report.valid else t["invalid"]
    named = f" {report.institution_name}" if report.institution_name else ""
    who = ", ".join(x for x in (f"{t['institution']} {report.institution}{named}" if report.institution else "",
                                f"{t['year']} {report.report_year}" if report.report_year else "",
                                t["non_funded"] if report.funded is False else "") if x)
    lines = [f"{report.file}: {verdict}" + (f" ({who})" if who else "") +
             f" - {counted(report.count(Severity.ERROR), t['errors'])}, "
             f"{counted(report.count(Severity.WARNING), t['warnings'])}, {counted(report.count(Severity.INFO), t['infos'])}"]
    for problem in report.problems:
        lines.append(f"  {t['could_not_check']}: {problem.message(lang)}")
    lines += [f"  {line}" for line in unlisted_lines(report, lang)]
    groups = findings_by_objective(report.findings, lang)
    summarised = len(report.findings) >= SUMMARY_FROM
    if summarised:
        lines.append(f"  {t['by_rule']}:")
        for r in rule_summaries(report.findings, lang):
            because = f" ({t['of_which'].format(n=r.caused, code=r.caused_by)})" if r.caused else ""
            lines.append(f"    {r.count:>4}× {severity_word(r.severity, lang).upper()} {r.code} {r.name}{because} — "
                         f"{t['fix']} ({t['first_fix']}): {r.fix}")
        lines.append(f"  {t['by_objective']}:")
        lines += [f"    {len(fs):>4}  {title}" for title, fs in groups]
        lines.append(f"  {t['details']}:")
    for title, findings in groups:
        lines.append(f"  {title}")
        shown_fix: dict[str, str] = {}
        for finding in findings:
            indent = "      " if finding.caused_by else "    "  # under its root cause
            lines.append(f"{indent}{severity_word(finding.severity, lang).upper()} {finding.code} {finding.message(lang)}")
            if finding.caused_by:
                lines.append(f"{indent}  {t['caused_by']} {finding.caused_by}")
            location = finding.location(lang)
            if location:
                lines.append(f"{indent}  {t['where']}: {location}")
            technical = technical_where(finding, lang)
            if technical and (verbose or not location):
                lines.append(f"{indent}  XBRL: {technical}")
            fix = finding.fix(lang)
            if shown_fix.get(finding.code) != fix:  # the same fix once per part, not under every finding
                lines.append(f"{indent}  {t['fix']}: {fix}")
                shown_fix[finding.code] = fix
    return "\n".join(lines)


def unlisted_lines(report: Report, lang: str) -> list[str]:
    """A sentence per rule whose findings were counted past the most a report lists (`Report.unlisted`)."""
    listed = Counter(f.code for f in report.findings)
    return [TEXT[lang]["unlisted"].format(n=u.count, severity=severity_word(u.severity, lang).upper(), code=u.code,
                                          listed=listed[u.code]) for u in report.unlisted]


def technical_where(finding: Finding, lang: str) -> str:
    """Where in XBRL terms: concept, context and line ("" when none is known)."""
    return ", ".join(str(x) for x in (finding.concept, finding.context and f"context {finding.context}",
                                      finding.line and f"{TEXT[lang]['line']} {finding.line}",
                                      finding.element and f"id {finding.element}") if x)


def reports_text(reports: list[Report], lang: str, verbose: bool = False) -> str:
    t = TEXT[lang]
    body = "\n".join(report_text(r, lang, verbose) for r in reports)
    accepted = sum(r.valid for r in reports)
    return f"{body}\n{counted(len(reports), t['files'])}: {accepted} {t['accepted']}, {len(reports) - accepted} {t['rejected']}"
