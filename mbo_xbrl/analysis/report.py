"""`mbo-xbrl report`: seed 002's sector analysis from the store, as one offline page and CSV files.

    report = build_report(store, year)      # the tables, from the store's current filings
    write_report(report, out, lang="nl")    # DIR/index.html (charts embedded) and DIR/<table>.csv
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

import pandas as pd

from mbo_xbrl import __version__
from mbo_xbrl.analysis import tables
from mbo_xbrl.analysis.labels import LABELS
from mbo_xbrl.catalogue import Catalogue, load_catalogue
from mbo_xbrl.errors import MboXbrlError
from mbo_xbrl.store.store import Store

VALUE_COLUMNS = ["filing_id", "institution", "report_year", "objective", "indicator", "value_kind", "period_year",
                 "value", "unit", *tables.BREAKDOWN_COLUMNS]
BUDGET_COLUMNS = ["filing_id", "institution", "report_year", "budget_year", "level", "objective", "measure", "amount"]


class ReportError(MboXbrlError):
    """The store holds nothing to report on (for that year)."""


@dataclass
class SectorReport:
    year: int
    store: str
    institutions: int
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)


def build_report(store: Store, year: int | None = None, catalogue: Catalogue | None = None) -> SectorReport:
    catalogue = catalogue or load_catalogue()
    filings = store.table("filings", current=False)
    years = tables.report_years(filings)
    if not years:
        raise ReportError(f"store {store.url} holds no filings yet: run `mbo-xbrl ingest` first")
    year = year if year is not None else years[-1]
    if year not in years:
        raise ReportError(f"store {store.url} holds no filings for {year} (it has {', '.join(map(str, years))})")
    # Only what the analyses read: institutions' totals (no breakdown), the objectives' budgets, the codes of
    # findings. At ten times the sector the whole tables are over a million rows.
    totals_only = [(column, "=", None) for column in tables.BREAKDOWN_COLUMNS]
    values = store.table("indicator_values", columns=VALUE_COLUMNS, where=[("report_year", "<=", year), *totals_only])
    current_values = values[values["report_year"] == year]
    history = values  # realisations of this and earlier reporting years
    budgets = store.table("budgets", columns=BUDGET_COLUMNS,
                          where=[("report_year", "=", year), ("level", "=", "objective")])
    latest = tables.latest_filings(filings, year)  # completeness reads rejected filings too
    findings = store.table("findings", current=False, columns=["filing_id", "code"], where=[("report_year", "=", year)])
    findings = findings[findings["filing_id"].isin(latest["filing_id"])]

    pairs = tables.start_and_target(current_values, catalogue)
    by_institution = tables.budget_by_institution(budgets, latest, findings, catalogue)
    report = SectorReport(year, store.url, int(latest["institution"].nunique()))
    report.tables = {
        "ambition": tables.ambition(pairs, catalogue),
        "budget_sector": tables.budget_sector(by_institution, catalogue),
        "budget_institutions": by_institution,
        "typology_indicators": tables.typology_indicators(pairs, catalogue),
        "typology_institutions": tables.typology_institutions(pairs, catalogue),
        "convergence": tables.convergence(pairs),
        "completeness": tables.completeness(latest, findings),
        "early_leavers": tables.early_leavers(pairs),
        "realisation": tables.realisation(history, pairs, catalogue, catalogue.target_year),
    }
    return report


def _html_table(frame: pd.DataFrame, columns: list[str], labels: dict[str, str]) -> str:
    """A plain HTML table: numbers right-aligned with at most two decimals, text escaped."""
    head = "".join(f"<th>{html.escape(labels.get(c, c))}</th>" for c in columns)
    rows = []
    for record in frame[columns].itertuples(index=False):
        cells = []
        for value in record:
            if isinstance(value, bool):
                cells.append(f"<td>{labels['yes'] if value else labels['no']}</td>")
            elif isinstance(value, (int, float)) and not pd.isna(value):
                text = f"{value:,.2f}" if isinstance(value, float) and not float(value).is_integer() else f"{value:,.0f}"
                cells.append(f'<td class="n">{text}</td>')
            elif value is None or (isinstance(value, float) and pd.isna(value)):
                cells.append('<td class="n">–</td>')
            else:
                cells.append(f"<td>{html.escape(str(value))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f'<table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def write_report(report: SectorReport, out: Path, lang: str = "nl", catalogue: Catalogue | None = None) -> Path:
    """Write DIR/index.html and one CSV per table; return the page's path."""
    from jinja2 import Environment, select_autoescape

    from mbo_xbrl.analysis import charts

    catalogue = catalogue or load_catalogue()
    labels = LABELS[lang]
    label = f"label_{lang}"
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in report.tables.items():
        frame.to_csv(out / f"{name}.csv", index=False)
    t = report.tables
    families = list(tables.RULE_FAMILIES.values())
    type_name = f"type_{lang}"
    type_counts = t["typology_institutions"].groupby(["type", type_name]).size().reset_index(name="institutions") \
        if not t["typology_institutions"].empty else pd.DataFrame(columns=["type", type_name, "institutions"])

    def section(key: str, chart: str | None, *parts: str) -> dict[str, str]:
        return {"id": key, "title": labels[f"title_{key}"], "intro": labels[f"intro_{key}"],
                "chart": chart or "", "empty": "" if chart else labels["no_data"], "tables": "".join(parts)}

    def has(name: str) -> bool:
        return not t[name].empty

    sections = [
        section("ambition", charts.ambition(t["ambition"], label, labels) if has("ambition") else None,
                _html_table(t["ambition"], ["indicator", label, "unit", "institutions", "mean_start", "mean_target",
                                            "mean_ambition", "ambition_q1", "ambition_q3"], labels)),
        section("budget", charts.budget_sector(t["budget_sector"], label, labels) if has("budget_institutions")
                else None,
                _html_table(t["budget_sector"], ["objective", label, "amount", "share", "institutions_budgeting"],
                            labels),
                charts.budget_institutions(t["budget_institutions"], [o.code for o in catalogue.objectives], labels)
                if has("budget_institutions") else ""),
        section("typology", charts.typology(t["typology_institutions"], labels) if has("typology_institutions")
                else None,
                _html_table(type_counts, ["type", type_name, "institutions"], labels),
                _html_table(t["typology_institutions"], ["institution", "indicators", "low_start", "high_start",
                                                         "low_target", "high_target", "low_ambition",
                                                         "high_ambition", "type"], labels),
                _html_table(t["typology_indicators"], list(t["typology_indicators"].columns), labels)),
        section("convergence", charts.convergence(t["convergence"], labels) if has("convergence") else None,
                _html_table(t["convergence"], ["indicator", "institutions", "iqr_start", "iqr_target", "converges"],
                            labels)),
        section("completeness", charts.completeness(t["completeness"], families, labels) if has("completeness")
                else None,
                _html_table(t["completeness"], ["institution", "status"] + families + ["total"], labels)),
        section("early_leavers", charts.early_leavers(t["early_leavers"], labels)
                if int(t["early_leavers"]["institutions"].iloc[0]) else None,
                _html_table(t["early_leavers"], list(t["early_leavers"].columns), labels)),
        section("realisation", charts.realisation(t["realisation"], labels) if has("realisation") else None,
                _html_table(t["realisation"], list(t["realisation"].columns), labels)),
    ]
    template = resources.files("mbo_xbrl.analysis").joinpath("report.html.j2").read_text("utf-8")
    environment = Environment(autoescape=select_autoescape(default=True))
    page = environment.from_string(template).render(
        lang=lang, labels=labels, report=report, sections=sections, version=__version__,
        csv_files=[f"{name}.csv" for name in report.tables],
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))
    path = out / "index.html"
    path.write_text(page, "utf-8")
    return path
