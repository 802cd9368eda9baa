"""Reports: one model, several renderers (text, JSON)."""

from mbo_xbrl.report.model import Finding, Report, Severity

__all__ = ["Finding", "Report", "Severity"]
