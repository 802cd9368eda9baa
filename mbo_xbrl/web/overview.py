"""The store overview for OCW: institutions × reporting years, latest filing, status and findings."""

from __future__ import annotations

from typing import Any

from mbo_xbrl.analysis.tables import RULE_FAMILIES, completeness, latest_filings, report_years
from mbo_xbrl.store import open_store


def store_overview(store_url: str | None) -> tuple[list[dict[str, Any]], list[int]]:
    """Rows of {institution, years: {year: {status, errors, warnings, families}}} and the years."""
    with open_store(store_url) as store:
        filings = store.table("filings", current=False)
        findings = store.table("findings", current=False)
    years = report_years(filings)
    rows: dict[str, dict[str, Any]] = {}
    for year in years:
        latest = latest_filings(filings, year)
        table = completeness(latest, findings[findings["filing_id"].isin(latest["filing_id"])])
        counts = latest.set_index("institution")[["errors", "warnings"]]
        for record in table.to_dict("records"):
            row = rows.setdefault(record["institution"], {"institution": record["institution"], "name": "", "years": {}})
            name = latest.set_index("institution").get("institution_name", {}).get(record["institution"]) \
                if "institution_name" in latest.columns else None
            if isinstance(name, str) and name.strip():
                row["name"] = name.strip()
            row["years"][year] = {"status": record["status"], "errors": int(counts.loc[record["institution"], "errors"]),
                                  "warnings": int(counts.loc[record["institution"], "warnings"]),
                                  "families": {f: record[f] for f in RULE_FAMILIES.values() if record[f]}}
    return [rows[k] for k in sorted(rows)], years
