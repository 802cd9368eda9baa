"""`mbo-xbrl report`: seed 002's sector analysis from the store, as one offline page, CSV files and a workbook.

    report = build_report(store, year)      # the tables, from the store's current filings
    write_report(report, out, lang="nl")    # DIR/index.html (charts embedded), DIR/<table>.csv, DIR/<name>.xlsx

The page is for people: numbers in the language's format (Babel), headers, statuses and units in words,
institution names beside codes, an opening summary and the method on the page. The CSVs are for
programs: the tables' own columns and values, unformatted. The workbook holds the same tables as Excel
tables, with the page's headers and real numbers (Excel shows them in the reader's own format).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

import pandas as pd

from mbo_xbrl import formats
from mbo_xbrl.analysis import progress, tables
from mbo_xbrl.analysis.labels import LABELS
from mbo_xbrl.catalogue import Catalogue, load_catalogue
from mbo_xbrl.errors import MboXbrlError
from mbo_xbrl.store.store import Store
from mbo_xbrl.version import __version__

VALUE_COLUMNS = ["filing_id", "institution", "report_year", "objective", "indicator", "value_kind", "period_year",
                 "value", "unit", *tables.BREAKDOWN_COLUMNS]
BUDGET_COLUMNS = ["filing_id", "institution", "report_year", "budget_year", "level", "objective", "measure", "amount"]


class ReportError(MboXbrlError):
    """The store holds nothing to report on (for that year)."""


@dataclass
class SectorReport:
    year: int
    store: str
    institutions: int  # institutions with a filing for the year (their latest: accepted or rejected)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # institution code -> name, from its latest filing
    accepted: int = 0  # of them, those whose latest filing was accepted


def build_report(store: Store, year: int | None = None, catalogue: Catalogue | None = None) -> SectorReport:
    catalogue = catalogue or load_catalogue()
    filings = store.table("filings", current=False)
    # the funded institutions' filings: seed 002 looks at their quality plans, non-funded ones stay out of view
    funded = filings["funded"] if "funded" in filings.columns else pd.Series(True, index=filings.index)
    filings = filings[funded.map(lambda value: value is None or pd.isna(value) or bool(value)).astype(bool)]
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
    values = values[values["filing_id"].isin(filings["filing_id"])]
    current_values = values[values["report_year"] == year]
    budgets = store.table("budgets", columns=BUDGET_COLUMNS,
                          where=[("report_year", "=", year), ("level", "=", "objective")])
    choices = store.table("measures", columns=["filing_id", "institution", "objective", "measure", "applied",
                                               "explanation"], where=[("report_year", "=", year)])
    choices = choices[choices["filing_id"].isin(filings["filing_id"])]
    latest = tables.latest_filings(filings, year)  # completeness reads rejected filings too
    history = filings[filings["report_year"] <= year]
    all_findings = store.table("findings", current=False, columns=["filing_id", "report_year", "code"],
                               where=[("report_year", "<=", year)])
    findings = all_findings[all_findings["filing_id"].isin(latest["filing_id"])]

    pairs = tables.start_and_target(current_values, catalogue)
    by_institution = tables.budget_by_institution(budgets, latest, findings, catalogue)
    report = SectorReport(year, store.url, int(latest["institution"].nunique()))
    report.names = _names(history)
    report.accepted = int(latest.loc[latest["status"] == "accepted", "institution"].nunique())
    # the one computation of progress: every realisation against its path; the sector's tables and each
    # institution's page (mbo_xbrl.analysis.institution) read these same rows
    path_rows = progress.paths(values, catalogue)
    sector_progress = progress.realisation(path_rows, catalogue)
    per_institution = progress.institution_years(path_rows)
    report.tables = {
        "ambition": tables.ambition(pairs, catalogue),
        "budget_sector": tables.budget_sector(by_institution, catalogue),
        "budget_institutions": by_institution,
        "typology_indicators": tables.typology_indicators(pairs, catalogue),
        "typology_institutions": tables.typology_institutions(pairs, catalogue),
        "convergence": tables.convergence(pairs),
        "completeness": tables.completeness(latest, findings),
        "early_leavers": tables.early_leavers(pairs),
        "practorates": tables.practorates(current_values, catalogue),
        "realisation": sector_progress,
        "progress_years": progress.progress_years(per_institution, sector_progress),
        "behind": progress.behind(sector_progress, catalogue),
        "paths": path_rows,
        "institution_years": per_institution,
        "peers": progress.peers(pairs, catalogue),
        "measure_uptake": progress.measure_uptake(choices, catalogue),
        "measure_choices": choices.drop(columns=["filing_id"]).sort_values(["institution", "measure"])
        .reset_index(drop=True),
        "filing_history": progress.filing_history(history, all_findings),
    }
    return report


def _names(filings: pd.DataFrame) -> dict[str, str]:
    """Institution code -> the name in its latest filing that gives one (an institution that stopped filing, as
    after a merger, keeps its last name)."""
    if "institution_name" not in filings.columns:
        return {}
    order = [c for c in ("report_year", "submitted_at", "sequence") if c in filings.columns]
    named = filings[filings["institution_name"].map(lambda n: isinstance(n, str) and bool(n.strip()))]
    named = named.sort_values(order, na_position="first", kind="stable").drop_duplicates("institution", keep="last")
    return {str(r.institution): str(r.institution_name).strip() for r in named.itertuples()}


YEARS = {"year", "report_year", "period_year", "budget_year", "start_year"}  # 2024, never 2.024
SHARES = {"share", "share_on_track", "share_year_before", "share_applied", "better_than"}  # fractions; % for people
WHOLE = {"institutions", "institutions_budgeting", "indicators", "on_track", "total", "type", "amount", "sum_start",
         "sum_target", "national_aim", "target_above_aim"} | {f"{m}_{q}" for m in ("start", "target", "ambition")
                                                              for q in ("lowest", "highest")} \
    | {"low_start", "high_start", "low_target", "high_target", "low_ambition", "high_ambition"} \
    | {"with_practorate", "practorates", "indicators_behind", "peers", "applied", "start_quarter", "errors",
       "warnings"} | set(tables.RULE_FAMILIES.values())
SHARE_DIGITS = 1  # percentages: one decimal, in the tables and on the charts' axes
DIGITS = 2


@dataclass(frozen=True)
class Shown:
    """A cell as a person reads it: the text in the language's format, and whether it is a number."""

    text: str
    numeric: bool = False


def shown(column: str, value: object, lang: str, labels: dict, catalogue: Catalogue, digits: int = DIGITS) -> Shown:
    """One cell of a table on the page, in the language's words and number format; `digits` for a column of
    fractional numbers (one precision per column)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return Shown("–", True)
    if isinstance(value, bool) or column == "converges" or column == "complete":
        return Shown(labels["yes"] if bool(value) else labels["no"])
    if column == "status":
        return Shown(labels.get(f"status_{value}", str(value)))
    if column in ("aggregate", "direction"):
        return Shown(labels.get(f"{column}_{value}", str(value)))
    if column == "value_kind":
        kind = next((k for k in catalogue.value_kinds if k.code == value), None)
        return Shown(getattr(kind, f"label_{lang}") if kind else str(value))
    if column == "unit":
        unit = catalogue.unit_by_code.get(str(value))
        return Shown(getattr(unit, f"label_{lang}") if unit else str(value))
    if isinstance(value, (int, float)) or hasattr(value, "is_integer"):
        if column in YEARS:
            return Shown(formats.year(int(value)), True)
        if column in SHARES:
            return Shown(formats.percent(value, lang, SHARE_DIGITS, fraction=True), True)
        if column in WHOLE or digits == 0:
            return Shown(formats.integer(round(float(value)), lang), True)
        return Shown(formats.number(round(float(value), digits), lang, digits), True)
    return Shown(str(value))


def with_names(frame: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """The table with the institution's name beside its code (for people; the CSVs keep the codes only)."""
    if "institution" not in frame.columns or "institution_name" in frame.columns:
        return frame
    out = frame.copy()
    out.insert(list(out.columns).index("institution") + 1, "institution_name",
               out["institution"].map(lambda code: names.get(str(code), "")))
    return out


def _html_table(frame: pd.DataFrame, columns: list[str], labels: dict, lang: str, catalogue: Catalogue,
                names: dict[str, str]) -> str:
    """A plain HTML table: headers in words, numbers right-aligned in the language's format, text escaped."""
    frame = with_names(frame, names)
    head = "".join(f'<th scope="col">{html.escape(header(c, labels))}</th>' for c in columns)
    digits = {c: _digits(frame[c]) for c in columns}
    rows = []
    for record in frame[columns].itertuples(index=False):
        cells = []
        for column, value in zip(columns, record):
            cell = shown(column, value, lang, labels, catalogue, digits[column])
            cells.append(f'<td class="n">{html.escape(cell.text)}</td>' if cell.numeric
                         else f"<td>{html.escape(cell.text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f'<table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _digits(values: pd.Series) -> int:
    """Decimals for a column: none when every number in it is whole, else DIGITS for all of them."""
    numbers = pd.to_numeric(values, errors="coerce").dropna()
    return 0 if numbers.empty or bool((numbers % 1 == 0).all()) else DIGITS


def header(column: str, labels: dict) -> str:
    """A column's header in words; a column without one is a fault (tests read every header)."""
    return labels.get(column, column)


def summary(report: SectorReport, labels: dict, lang: str, catalogue: Catalogue) -> list[str]:
    """The opening paragraph's main figures, each a sentence, in the language's formats."""
    t = report.tables
    out = [labels["summary_filed"].format(filed=formats.integer(report.institutions, lang), year=report.year,
                                          accepted=formats.integer(report.accepted, lang),
                                          rejected=formats.integer(report.institutions - report.accepted, lang))]
    sector = t["budget_sector"]
    if not sector.empty and sector["amount"].sum() > 0:
        top = sector.sort_values("amount", ascending=False).iloc[0]
        objective = catalogue.objective_by_code.get(top["objective"])
        out.append(labels["summary_budget"].format(
            amount=formats.euro(round(float(sector["amount"].sum())), lang),
            objective=f"{top['objective']} {getattr(objective, f'label_{lang}') if objective else ''}".strip(),
            share=formats.percent(top["share"], lang, SHARE_DIGITS, fraction=True)))
    ambition = t["ambition"]
    if not ambition.empty:
        out.append(labels["summary_ambition"].format(indicators=formats.integer(len(ambition), lang),
                                                     improving=formats.integer(int((ambition["mean_ambition"] > 0).sum()), lang)))
    leavers = t["early_leavers"]
    if not leavers.empty and int(leavers["institutions"].iloc[0]):
        out.append(labels["summary_early_leavers"].format(target=formats.integer(round(float(leavers["sum_target"].iloc[0])), lang),
                                                          aim=formats.integer(int(leavers["national_aim"].iloc[0]), lang)))
    years = t["progress_years"]
    if not years.empty:
        last = years.iloc[-1]
        out.append(labels["summary_realisation"].format(
            year=int(last["year"]), share=formats.percent(last["share_on_track"], lang, 0, fraction=True)))
        out.append(labels["summary_behind"].format(year=int(last["year"]),
                                                   behind=formats.integer(int(last["indicators_behind"]), lang),
                                                   indicators=formats.integer(int(last["indicators"]), lang)))
    return out


# The tables of the page, in its order: (table, columns shown; None = all)
PAGE_TABLES: dict[str, list[str] | None] = {
    "ambition": ["indicator", "label", "unit", "institutions", "mean_start", "mean_target", "mean_ambition",
                 "ambition_q1", "ambition_q3"],
    "budget_sector": ["objective", "label", "amount", "share", "institutions_budgeting"],
    "budget_institutions": ["institution", "objective", "amount", "share", "complete"],
    "typology_institutions": ["institution", "indicators", "low_start", "high_start", "low_target", "high_target",
                              "low_ambition", "high_ambition", "type"],
    "typology_indicators": None,
    "convergence": ["indicator", "institutions", "iqr_start", "iqr_target", "converges"],
    "completeness": ["institution", "status", *tables.RULE_FAMILIES.values(), "total"],
    "early_leavers": None,
    "practorates": None,
    "progress_years": None,
    "behind": ["indicator", "label", "year", "institutions", "on_track", "share_on_track", "share_year_before"],
    "realisation": ["indicator", "year", "institutions", "on_track", "share_on_track", "q1", "median", "q3",
                    "aggregate", "sector_start", "sector_trajectory", "sector_realisation", "sector_target"],
}


def _columns(name: str, frame: pd.DataFrame, lang: str) -> list[str]:
    """The columns a person sees of a table: the page's choice, the label in `lang`, and the institution's name
    right after its code (`with_names` adds that column to the frame)."""
    wanted = [f"label_{lang}" if c == "label" else c for c in PAGE_TABLES.get(name) or list(frame.columns)]
    if "institution" in wanted and "institution_name" not in wanted:
        wanted.insert(wanted.index("institution") + 1, "institution_name")
    return wanted


def write_workbook(report: SectorReport, path: Path, lang: str, catalogue: Catalogue) -> Path:
    """The page's tables as one .xlsx workbook (openpyxl): a sheet per table, each an Excel table with the page's
    headers, real numbers (years, counts, amounts, percentages with a number format) that Dutch and English
    Excel alike show in their own format, and frozen headers. The tables of institutions' rows behind their
    pages (`paths`, `peers`, ...) are CSV files only: at ten times the sector they are ~100,000 rows, which
    openpyxl holds cell by cell."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    labels = LABELS[lang]
    book = Workbook()
    book.remove(book.active)
    for name, frame in report.tables.items():
        if name not in PAGE_TABLES:  # the institutions' rows (paths, peers, choices, filings): CSV only
            continue
        columns = _columns(name, frame, lang)
        frame = with_names(frame, report.names)
        sheet = book.create_sheet(_sheet_name(name, labels))
        sheet.append([header(c, labels) for c in columns])
        for record in frame[columns].itertuples(index=False):
            sheet.append([_xlsx_value(c, v, labels, lang, catalogue) for c, v in zip(columns, record)])
        for k, column in enumerate(columns, start=1):
            fmt = "0" if column in YEARS else "0.0%" if column in SHARES else \
                "#,##0" if column in WHOLE else "#,##0.00"
            for (cell,) in sheet.iter_rows(min_row=2, min_col=k, max_col=k):
                if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                    cell.number_format = fmt
            sheet.column_dimensions[get_column_letter(k)].width = max(10, min(60, len(header(column, labels)) + 4))
        sheet.freeze_panes = "A2"
        if sheet.max_row >= 2:  # an Excel table needs a row below its header
            ref = f"A1:{get_column_letter(len(columns))}{sheet.max_row}"
            table = Table(displayName=f"t_{name}", ref=ref)
            table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
            sheet.add_table(table)
    book.save(path)
    return path


def _sheet_name(name: str, labels: dict) -> str:
    title = labels.get(f"sheet_{name}", name)
    return "".join(ch for ch in title if ch not in "[]:*?/\\")[:31]


def _xlsx_value(column: str, value: object, labels: dict, lang: str, catalogue: Catalogue) -> object:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, bool) or column in ("status", "unit", "converges", "complete", "value_kind", "aggregate",
                                             "direction"):
        return shown(column, value, lang, labels, catalogue).text
    if hasattr(value, "item"):  # numpy scalars become Python numbers
        value = value.item()
    if isinstance(value, float) and column in YEARS | WHOLE and value.is_integer():
        return int(value)
    return value


def write_report(report: SectorReport, out: Path, lang: str = "nl", catalogue: Catalogue | None = None) -> Path:
    """Write DIR/index.html, one CSV per table and the workbook; return the page's path."""
    from jinja2 import Environment, select_autoescape

    from mbo_xbrl.analysis import charts

    catalogue = catalogue or load_catalogue()
    labels = LABELS[lang]
    label = f"label_{lang}"
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in report.tables.items():
        frame.to_csv(out / f"{name}.csv", index=False)
    workbook = write_workbook(report, out / labels["workbook_file"].format(year=report.year), lang, catalogue)
    t = report.tables
    families = list(tables.RULE_FAMILIES.values())
    type_name = f"type_{lang}"
    type_counts = t["typology_institutions"].groupby(["type", type_name]).size().reset_index(name="institutions") \
        if not t["typology_institutions"].empty else pd.DataFrame(columns=["type", type_name, "institutions"])

    def table(name: str, frame: pd.DataFrame | None = None) -> str:
        frame = t[name] if frame is None else frame
        return _html_table(frame, _columns(name, frame, lang), labels, lang, catalogue, report.names)

    def section(key: str, chart: str | None, *parts: str) -> dict[str, str]:
        return {"id": key, "title": labels[f"title_{key}"], "intro": labels[f"intro_{key}"], "alt": labels[f"alt_{key}"],
                "chart": chart or "", "empty": "" if chart else labels["no_data"], "tables": "".join(parts)}

    def has(name: str) -> bool:
        return not t[name].empty

    names = report.names
    sections = [
        section("ambition", charts.ambition(t["ambition"], label, labels) if has("ambition") else None,
                table("ambition")),
        section("budget", charts.budget_sector(t["budget_sector"], label, labels) if has("budget_institutions")
                else None,
                table("budget_sector"),
                charts.budget_institutions(t["budget_institutions"], [o.code for o in catalogue.objectives], labels)
                if has("budget_institutions") else ""),
        section("typology", charts.typology(t["typology_institutions"], labels, names) if has("typology_institutions")
                else None,
                _html_table(type_counts, ["type", type_name, "institutions"], labels, lang, catalogue, names),
                table("typology_institutions"), table("typology_indicators")),
        section("convergence", charts.convergence(t["convergence"], labels) if has("convergence") else None,
                table("convergence")),
        section("completeness", charts.completeness(t["completeness"], families, labels, names) if has("completeness")
                else None,
                table("completeness")),
        section("early_leavers", charts.early_leavers(t["early_leavers"], labels)
                if int(t["early_leavers"]["institutions"].iloc[0]) else None,
                table("early_leavers")),
        section("practorates", charts.practorates(t["practorates"], labels) if has("practorates") else None,
                table("practorates")),
        section("realisation", charts.realisation(t["realisation"], labels) if has("realisation") else None,
                table("progress_years") if has("progress_years") else "", table("behind") if has("behind") else "",
                table("realisation") if has("realisation") else ""),
    ]
    template = resources.files("mbo_xbrl.analysis").joinpath("report.html.j2").read_text("utf-8")
    environment = Environment(autoescape=select_autoescape(default=True))
    generated = datetime.now(timezone.utc)
    page = environment.from_string(template).render(
        lang=lang, labels=labels, report=report, sections=sections, version=__version__,
        summary=summary(report, labels, lang, catalogue), institutions=formats.integer(report.institutions, lang),
        csv_files=[f"{name}.csv" for name in report.tables], workbook=workbook.name,
        generated=f"{formats.day(generated.date(), lang)} {generated:%H:%M} UTC")
    path = out / "index.html"
    path.write_text(page, "utf-8")
    return path
