"""Each institution's own page, a view of the sector report's tables (`build_report`): nothing is computed twice.

    report = build_report(store, year)
    write_institution_page(report, "90AB", out)      # DIR/90AB.html
    write_institution_pages(report, out)             # DIR/index.html and a page per institution

Per indicator its start, 2027 target and realisations per year beside the sector's median and quartiles, its
position among the institutions, on track or not against the straight path, and its ambition beside
institutions with a similar start; its budget shares against the sector's; its apply-or-explain choices
against how common they are; its filings, findings and resubmissions over the years. Every number comes
from a row of the report's tables (`paths`, `realisation`, `peers`, `budget_institutions`, `budget_sector`,
`measure_choices`, `measure_uptake`, `filing_history`, `institution_years`), so the page and the sector
report agree by construction.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from mbo_xbrl import formats
from mbo_xbrl.analysis import sparkline
from mbo_xbrl.analysis.labels import LABELS
from mbo_xbrl.analysis.report import ReportError, SectorReport
from mbo_xbrl.analysis.tables import RULE_FAMILIES
from mbo_xbrl.catalogue import Catalogue, load_catalogue
from mbo_xbrl.version import __version__
from mbo_xbrl.whole_file import write_whole

UNUSUAL = 0.25  # a choice is uncommon when fewer than a quarter of the institutions make it


class Rows:
    """The report's tables as plain records grouped by institution (and the sector's by indicator), made once for
    all pages: a page then reads dictionaries, not DataFrames."""

    def __init__(self, report: SectorReport) -> None:
        t = report.tables
        self.paths = _grouped(t["paths"], "institution")
        self.peers = {code: {r["indicator"]: r for r in rows} for code, rows in _grouped(t["peers"], "institution").items()}
        self.sector = _grouped(t["realisation"], "indicator")
        self.budgets = _grouped(t["budget_institutions"], "institution")
        self.budget_sector = {r["objective"]: r for r in t["budget_sector"].to_dict("records")}
        self.choices = _grouped(t["measure_choices"], "institution")
        self.uptake = {r["measure"]: r for r in t["measure_uptake"].to_dict("records")}
        self.history = _grouped(t["filing_history"], "institution")
        self.years = _grouped(t["institution_years"], "institution")
        self.overall = {int(r["year"]): r for r in t["progress_years"].to_dict("records")}
        self.types = {r["institution"]: r for r in t["typology_institutions"].to_dict("records")}


def _grouped(frame: pd.DataFrame, key: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for record in frame.to_dict("records"):
        out.setdefault(str(record[key]), []).append(record)
    return out


def codes(report: SectorReport) -> list[str]:
    """The institutions with a filing up to the report's year (also those that stopped filing)."""
    return sorted(report.tables["filing_history"]["institution"].dropna().astype(str).unique())


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT


@lru_cache(maxsize=65536)
def _number(value: float, lang: str, digits: int) -> str:
    """Babel's formatting, once per distinct number: the sector's medians and bands recur on every page."""
    return formats.number(value, lang, digits)


class _Format:
    """The page's numbers in its language: an indicator's values with its unit's decimals, shares as
    percentages, amounts in euro, dates as the language writes them."""

    def __init__(self, lang: str, catalogue: Catalogue) -> None:
        self.lang, self.catalogue = lang, catalogue

    def value(self, indicator: str, value: object) -> str:
        if _missing(value):
            return "–"
        info = self.catalogue.indicator_by_code.get(indicator)
        unit = self.catalogue.unit_by_code.get(info.unit) if info else None
        digits = unit.decimals if unit else 2
        return _number(round(float(value), digits), self.lang, digits)

    def share(self, value: object, digits: int = 0) -> str:
        return "–" if _missing(value) else formats.percent(float(value), self.lang, digits, fraction=True)

    def points(self, value: object) -> str:
        """A difference of shares in percentage points, with its sign."""
        if _missing(value):
            return "–"
        text = formats.number(round(float(value) * 100, 1), self.lang, 1)
        return text if text.startswith("-") or float(value) <= 0 else f"+{text}"

    def signed(self, indicator: str, value: object) -> str:
        text = self.value(indicator, value)
        return text if _missing(value) or float(value) <= 0 else f"+{text}"

    def integer(self, value: object) -> str:
        return "–" if _missing(value) else formats.integer(int(value), self.lang)

    def euro(self, value: object) -> str:
        return "–" if _missing(value) else formats.euro(round(float(value)), self.lang)

    def day(self, value: object) -> str:
        if _missing(value):
            return "–"
        moment = pd.Timestamp(value).to_pydatetime()
        return formats.day(moment.date(), self.lang)


def _indicators(code: str, rows: Rows, labels: dict, fmt: _Format, catalogue: Catalogue) -> list[dict]:
    """Per indicator the institution works on (its latest plan, else its realised years): the card's rows."""
    lang = fmt.lang
    mine: dict[str, list[dict]] = {}
    for r in rows.paths.get(code, []):
        mine.setdefault(r["indicator"], []).append(r)
    plans = rows.peers.get(code, {})
    cards = []
    for info in catalogue.indicators:
        realised = sorted(mine.get(info.code, []), key=lambda r: r["year"])
        plan = plans.get(info.code)
        if not realised and plan is None:
            continue
        last = realised[-1] if realised else None
        start = plan["start"] if plan is not None else last["start"]
        target = plan["target"] if plan is not None else last["target"]
        start_year = int(last["start_year"]) if last is not None else info.start_year
        value = lambda v, code=info.code: fmt.value(code, v)  # noqa: E731
        years = [{"year": int(r["year"]), "realisation": value(r["realisation"]), "trajectory": value(r["trajectory"]),
                  "on_track": labels["on_track_yes"] if r["on_track"] else labels["on_track_no"],
                  "behind": not r["on_track"], "median": value(r["median"]),
                  "band": f"{value(r['q1'])} – {value(r['q3'])}", "institutions": fmt.integer(r["institutions"]),
                  "better_than": fmt.share(r["better_than"])} for r in realised]
        series = sparkline.Series(
            start_year, float(start), catalogue.target_year, float(target),
            {int(r["year"]): (float(r["realisation"]), bool(r["on_track"])) for r in realised},
            {int(r["year"]): (float(r["q1"]), float(r["median"]), float(r["q3"])) for r in rows.sector.get(info.code, [])})
        label = getattr(info, f"label_{lang}")
        chart = sparkline.svg(series, labels["chart_indicator"].format(indicator=f"{info.code} {label}"), value)
        peer = None
        if plan is not None:
            peer = {"ambition": fmt.signed(info.code, plan["ambition"]), "peers": fmt.integer(plan["peers"]),
                    "peer_ambition": fmt.signed(info.code, plan["peer_ambition"]),
                    "difference": fmt.signed(info.code, plan["ambition_vs_peers"]),
                    "quarter": labels[f"quarter_{int(plan['start_quarter'])}"]}
        unit = catalogue.unit_by_code.get(info.unit)
        cards.append({"code": info.code, "objective": info.objective, "label": label,
                      "direction": labels[f"direction_{info.direction.value}"],
                      "unit": getattr(unit, f"label_{lang}") if unit else info.unit,
                      "start": value(start), "start_year": start_year, "target": value(target),
                      "target_year": catalogue.target_year, "years": years, "chart": chart, "peer": peer})
    return cards


def _budget(code: str, rows: Rows, fmt: _Format, catalogue: Catalogue) -> tuple[list[dict], bool | None]:
    mine = {r["objective"]: r for r in rows.budgets.get(code, [])}
    if not mine:
        return [], None
    if not any(r["amount"] for r in mine.values()):  # a rejected filing's budget is not in the store
        return [], bool(next(iter(mine.values()))["complete"])
    out = []
    for objective in catalogue.objectives:
        own = mine.get(objective.code)
        share = own["share"] if own is not None else None
        theirs = rows.budget_sector.get(objective.code, {}).get("share")
        difference = None if _missing(share) or _missing(theirs) else float(share) - float(theirs)
        out.append({"objective": objective.code, "label": getattr(objective, f"label_{fmt.lang}"),
                    "amount": fmt.euro(own["amount"]) if own is not None else "–", "share": fmt.share(share, 1),
                    "sector_share": fmt.share(theirs, 1), "difference": fmt.points(difference)})
    return out, bool(next(iter(mine.values()))["complete"])


def _measures(code: str, rows: Rows, labels: dict, fmt: _Format, catalogue: Catalogue) -> list[dict]:
    out = []
    for choice in sorted(rows.choices.get(code, []), key=lambda r: r["measure"]):
        info = catalogue.measure_by_code.get(choice["measure"])
        share = rows.uptake.get(choice["measure"], {}).get("share_applied")
        applied = None if _missing(choice["applied"]) else bool(choice["applied"])
        common = None if _missing(share) or applied is None else (share if applied else 1 - float(share))
        out.append({"measure": choice["measure"], "label": getattr(info, f"label_{fmt.lang}") if info else "",
                    "applied": labels["yes"] if applied else labels["no"] if applied is not None else "–",
                    "explanation": choice["explanation"] if isinstance(choice["explanation"], str) else "",
                    "share": fmt.share(share), "uncommon": common is not None and common < UNUSUAL})
    return out


def _history(history: list[dict], labels: dict, fmt: _Format) -> list[dict]:
    out = []
    for f in history:
        state = labels["filing_current"] if f["is_current"] else labels["filing_superseded"] if f["superseded"] else \
            labels["filing_rejected"] if f["status"] == "rejected" else labels["filing_history"]
        out.append({"year": int(f["report_year"]), "file": f["file_name"] or "", "submitted": fmt.day(f["submitted_at"]),
                    "status": labels.get(f"status_{f['status']}", f["status"]), "state": state,
                    "resubmission": labels["yes"] if f["resubmission"] else labels["no"],
                    "errors": fmt.integer(f["errors"]), "warnings": fmt.integer(f["warnings"]),
                    "families": ", ".join(f"{labels['family_' + family]} {f[family]}"
                                          for family in RULE_FAMILIES.values() if f[family])})
    return out


def context(report: SectorReport, code: str, lang: str = "nl", catalogue: Catalogue | None = None,
            rows: Rows | None = None) -> dict[str, Any]:
    """Everything one institution's page shows, as words and numbers in `lang`."""
    catalogue = catalogue or load_catalogue()
    rows = rows or Rows(report)
    labels = LABELS[lang]
    fmt = _Format(lang, catalogue)
    history = rows.history.get(code, [])
    if not history:
        raise ReportError(f"store {report.store} holds no filing of institution {code} up to {report.year}")
    filed = sorted({int(f["report_year"]) for f in history})
    accepted = sorted({int(f["report_year"]) for f in history if f["status"] == "accepted"})
    summary = [labels["inst_filed"].format(years=", ".join(map(str, filed)),
                                           accepted=", ".join(map(str, accepted)) or "–")]
    if report.year in filed and report.year not in accepted:
        summary.append(labels["inst_rejected"].format(year=report.year))
    missing = [y for y in range(min(filed), report.year + 1) if y not in filed]
    if missing:
        summary.append(labels["inst_missing"].format(years=", ".join(map(str, missing))))
    resubmitted = sum(bool(f["resubmission"]) for f in history)
    if resubmitted:
        summary.append(labels["inst_resubmitted"].format(count=fmt.integer(resubmitted)))
    mine = sorted(rows.years.get(code, []), key=lambda r: r["year"])
    progress = [{"year": int(r["year"]), "indicators": fmt.integer(r["indicators"]), "on_track": fmt.integer(r["on_track"]),
                 "share": fmt.share(r["share_on_track"]), "overall": labels["yes"] if r["on_track_overall"] else labels["no"],
                 "sector": fmt.share(rows.overall.get(int(r["year"]), {}).get("share_on_track"))} for r in mine]
    if mine:
        summary.append(labels["inst_on_track"].format(year=int(mine[-1]["year"]), on_track=fmt.integer(mine[-1]["on_track"]),
                                                      indicators=fmt.integer(mine[-1]["indicators"])))
    kind = rows.types.get(code)
    if kind is not None:
        summary.append(labels["inst_type"].format(type=int(kind["type"]), description=kind[f"type_{lang}"]))
    narratives = [f for f in history if isinstance(f["progress_narrative"], str) and f["progress_narrative"].strip()]
    budget, complete = _budget(code, rows, fmt, catalogue)
    cards = _indicators(code, rows, labels, fmt, catalogue)
    objectives = [{"code": o.code, "label": getattr(o, f"label_{lang}"),
                   "cards": [c for c in cards if c["objective"] == o.code]} for o in catalogue.objectives]
    return {"lang": lang, "labels": labels, "code": code, "name": report.names.get(code, ""), "year": report.year,
            "summary": summary, "progress": progress, "objectives": [o for o in objectives if o["cards"]],
            "budget": budget, "budget_complete": complete,
            "measures": _measures(code, rows, labels, fmt, catalogue), "history": _history(history, labels, fmt),
            "narrative": narratives[-1]["progress_narrative"].strip() if narratives else "",
            "narrative_year": int(narratives[-1]["report_year"]) if narratives else None, "version": __version__}


@lru_cache(maxsize=None)
def _template(name: str):
    from jinja2 import Environment, select_autoescape

    text = resources.files("mbo_xbrl.analysis").joinpath(name).read_text("utf-8")
    return Environment(autoescape=select_autoescape(default=True)).from_string(text)


def render_institution_page(report: SectorReport, code: str, lang: str = "nl", catalogue: Catalogue | None = None,
                            index: str | None = None, generated: datetime | None = None,
                            rows: Rows | None = None) -> str:
    """One institution's page as HTML text; `index` is the address of the page listing all institutions."""
    values = context(report, code, lang, catalogue, rows)
    moment = generated or datetime.now()
    return _template("institution.html.j2").render(**values, index=index,
                                                   generated=f"{formats.day(moment.date(), lang)} {moment:%H:%M}")


def write_institution_page(report: SectorReport, code: str, out: Path, lang: str = "nl",
                           catalogue: Catalogue | None = None) -> Path:
    return write_whole(out / f"{_file_stem(code)}.html", render_institution_page(report, code, lang, catalogue).encode())


def _file_stem(code: str) -> str:
    """An institution code as a file name: the code itself when it is letters, digits, '-' and '_' only;
    otherwise (a code comes from a filing) those characters and a hash of the code, so that no code names
    a path elsewhere and two codes never share a file."""
    stem = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_") else "_" for ch in code)
    if stem == code and code:
        return code
    return f"{stem[:40]}-{hashlib.sha256(code.encode()).hexdigest()[:10]}"


def index_rows(report: SectorReport, lang: str, catalogue: Catalogue | None = None, link: str = "{file}",
               rows: Rows | None = None) -> list[dict[str, Any]]:
    """One row per institution for an index: name, years, latest status and progress, and its page's address."""
    catalogue = catalogue or load_catalogue()
    rows = rows or Rows(report)
    fmt = _Format(lang, catalogue)
    labels = LABELS[lang]
    out = []
    for code in codes(report):
        history = rows.history[code]
        last = history[-1]
        progress = sorted(rows.years.get(code, []), key=lambda r: r["year"])
        out.append({"code": code, "name": report.names.get(code, ""),
                    "years": ", ".join(str(y) for y in sorted({int(f["report_year"]) for f in history})),
                    "status": f"{int(last['report_year'])}: {labels.get('status_' + str(last['status']), last['status'])}",
                    "on_track": f"{int(progress[-1]['year'])}: {fmt.share(progress[-1]['share_on_track'])}"
                    if progress else "–",
                    "resubmissions": fmt.integer(sum(bool(f["resubmission"]) for f in history)),
                    "href": link.format(file=f"{_file_stem(code)}.html", code=code)})
    return out


def write_institution_pages(report: SectorReport, out: Path, lang: str = "nl",
                            catalogue: Catalogue | None = None) -> Path:
    """DIR/index.html listing every institution, and DIR/<code>.html for each; returns the index's path. Each
    file is written whole or not at all, the index last."""
    catalogue = catalogue or load_catalogue()
    rows = Rows(report)
    generated = datetime.now()
    for code in codes(report):
        page = render_institution_page(report, code, lang, catalogue, index="index.html", generated=generated, rows=rows)
        write_whole(out / f"{_file_stem(code)}.html", page.encode())
    labels = LABELS[lang]
    index = _template("institutions.html.j2").render(
        lang=lang, labels=labels, year=report.year, rows=index_rows(report, lang, catalogue, rows=rows),
        version=__version__, generated=f"{formats.day(generated.date(), lang)} {generated:%H:%M}")
    return write_whole(out / "index.html", index.encode())  # last: an index only over pages all written
