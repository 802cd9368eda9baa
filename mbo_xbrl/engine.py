"""The engine: a file in, a `Report` out. One XBRL processor per engine, one model per filing."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Any

from mbo_xbrl import __version__
from mbo_xbrl.catalogue import load_catalogue
from mbo_xbrl.report.model import Finding, Report, Severity
from mbo_xbrl.rules.registry import get
from mbo_xbrl.taxonomy import names
from mbo_xbrl.taxonomy.processor import ProcessorMessage, XbrlProcessor


class Engine:
    """Checks filings. Create once per process and reuse: setting up Arelle costs most of a second."""

    def __init__(self, processor: XbrlProcessor | None = None) -> None:
        self._processor = processor

    @property
    def processor(self) -> XbrlProcessor:
        if self._processor is None:
            self._processor = XbrlProcessor()
        return self._processor

    def check(self, path: Path | str) -> Report:
        started = time.perf_counter()
        path = Path(path)
        report = Report(tool_version=__version__, catalogue_version=load_catalogue().catalogue_version,
                        file=str(path), sha256=hashlib.sha256(path.read_bytes()).hexdigest())
        with self.processor.validated(path) as (model, messages):
            report.findings.extend(_processor_findings(messages))
            if model is not None and model.modelDocument is not None:
                report.institution, report.report_year = _identity(model)
        report.seconds = round(time.perf_counter() - started, 3)
        return report

    def close(self) -> None:
        if self._processor is not None:
            self._processor.close()
            self._processor = None

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _processor_findings(messages: list[ProcessorMessage]) -> list[Finding]:
    rule = get("MBO-S004")
    findings = []
    for m in messages:
        if m.level == "info":
            continue
        severity = Severity.ERROR if m.level == "error" else Severity.WARNING
        findings.append(rule.finding(severity, processor_code=m.code, processor_message=m.text, line=m.line))
    return findings


def _identity(model: Any) -> tuple[str | None, int | None]:
    """Institution code and reporting year: from the InstitutionName fact, else the first context."""
    for fact in model.facts:
        if fact.qname.localName == names.INSTITUTION_NAME and fact.context is not None:
            return _context_identity(fact.context)
    for context in model.contexts.values():
        return _context_identity(context)
    return None, None


def _context_identity(context: Any) -> tuple[str | None, int | None]:
    _, identifier = context.entityIdentifier
    end = getattr(context, "endDate", None) if not context.isInstantPeriod else getattr(context, "instantDate", None)
    return (identifier or None), (end.year if end is not None else None)
