"""Progress over the years, and what an institution's page sets beside the sector: pure functions on store rows.

The one computation behind two views: `paths` judges every realisation of every institution against the
straight path of the filing that reports it, with the sector's distribution of that year beside it; the
sector report aggregates those rows (`realisation`, `progress_years`, `behind`) and each institution's page
shows its own rows of the very same tables (`mbo_xbrl.analysis.institution`). Nothing here reads the store
or draws; docs/analysis.md gives the method.
"""

from __future__ import annotations

import pandas as pd

from mbo_xbrl.analysis.tables import RULE_FAMILIES, direction_sign, findings_per_family, totals
from mbo_xbrl.catalogue import Catalogue

BEHIND = 0.5  # an indicator is behind in a year when fewer than half its institutions are on track
SUMMED_UNITS = {"count"}  # the sector's figure of a count is the institutions' sum; of any other unit their mean


def paths(values: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """Per institution, indicator and realisation year: start, target, realisation, trajectory, on track, and
    the sector's median and quartiles of that year's realisations with the institution's position among them.

    Each realisation is read against the start and target of the filing that reports it (an institution that
    revises its plan is judged on the plan it held that year); of two filings stating the same year's
    realisation, the later reporting year's counts. The trajectory in year y is start + (target − start) ×
    (y − start year) / (2027 − start year); on track means a realisation at least that, read against the
    indicator's direction. `better_than` is the share of the other institutions with that year's realisation
    whose value is worse (None when it is the only one).
    """
    columns = ["institution", "indicator", "objective", "year", "report_year", "filing_id", "start", "start_year",
               "target", "realisation", "trajectory", "on_track", "institutions", "q1", "median", "q3",
               "better_than"]
    rows = totals(values)
    if rows.empty:
        return pd.DataFrame(columns=columns)
    keys = ["filing_id", "indicator"]
    starts = rows[rows["value_kind"] == "start"].sort_values("period_year").groupby(keys, as_index=False) \
        .first()[keys + ["value", "period_year"]].rename(columns={"value": "start", "period_year": "start_year"})
    targets = rows[rows["value_kind"] == "target"].groupby(keys, as_index=False)["value"].first() \
        .rename(columns={"value": "target"})
    real = rows[rows["value_kind"] == "realisation"][["filing_id", "institution", "report_year", "objective",
                                                      "indicator", "period_year", "value"]]
    real = real.rename(columns={"period_year": "year", "value": "realisation"}).merge(starts, on=keys) \
        .merge(targets, on=keys)
    real = real[(real["year"] > real["start_year"]) & (real["start_year"] < catalogue.target_year)]
    real = real.sort_values(["report_year", "filing_id"]) \
        .drop_duplicates(["institution", "indicator", "year"], keep="last")
    if real.empty:
        return pd.DataFrame(columns=columns)
    fraction = (real["year"] - real["start_year"]) / (catalogue.target_year - real["start_year"])
    real["trajectory"] = real["start"] + (real["target"] - real["start"]) * fraction
    sign = real["indicator"].map(direction_sign(catalogue)).fillna(1)
    real["on_track"] = real["realisation"] * sign >= real["trajectory"] * sign - 1e-9
    keys = ["indicator", "year"]
    grouped = real.groupby(keys)["realisation"]
    real["institutions"] = grouped.transform("size")
    spread = grouped.quantile([0.25, 0.5, 0.75]).unstack().set_axis(["q1", "median", "q3"], axis=1)
    real = real.merge(spread, left_on=keys, right_index=True, how="left")
    real["oriented"] = real["realisation"] * sign
    # the share of the others strictly worse: (the rank among the group, ties at their lowest) − 1, over n − 1
    lower = real.groupby(keys)["oriented"].rank(method="min") - 1
    real["better_than"] = (lower / (real["institutions"] - 1)).where(real["institutions"] > 1)
    real["better_than"] = real["better_than"].astype(object).where(real["better_than"].notna(), None)
    return real.sort_values(["institution", "indicator", "year"])[columns].reset_index(drop=True)


def realisation(path_rows: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """Per indicator and year, the sector's realisation against its institutions' paths: how many are on track,
    the median and quartiles, and the sector figure (a count summed over the institutions, other units
    averaged) beside the same institutions' summed or averaged start, trajectory and target."""
    columns = ["indicator", "year", "institutions", "on_track", "share_on_track", "median", "q1", "q3",
               "aggregate", "sector_start", "sector_trajectory", "sector_realisation", "sector_target",
               "mean_realisation", "mean_trajectory"]
    if path_rows.empty:
        return pd.DataFrame(columns=columns)
    units = {i.code: i.unit for i in catalogue.indicators}
    out = []
    for (indicator, year), group in path_rows.groupby(["indicator", "year"]):
        summed = units.get(indicator) in SUMMED_UNITS
        figure = (lambda c: float(group[c].sum())) if summed else (lambda c: float(group[c].mean()))
        n = len(group)
        on_track = int(group["on_track"].sum())
        out.append({"indicator": indicator, "year": int(year), "institutions": n, "on_track": on_track,
                    "share_on_track": on_track / n, "median": float(group["realisation"].median()),
                    "q1": float(group["realisation"].quantile(0.25)), "q3": float(group["realisation"].quantile(0.75)),
                    "aggregate": "sum" if summed else "mean", "sector_start": figure("start"),
                    "sector_trajectory": figure("trajectory"), "sector_realisation": figure("realisation"),
                    "sector_target": figure("target"), "mean_realisation": float(group["realisation"].mean()),
                    "mean_trajectory": float(group["trajectory"].mean())})
    return pd.DataFrame(out, columns=columns)


def institution_years(path_rows: pd.DataFrame) -> pd.DataFrame:
    """Per institution and year: its indicators with a realisation, how many on track, and whether it is on track
    overall (on track for at least half of them)."""
    columns = ["institution", "year", "indicators", "on_track", "share_on_track", "on_track_overall"]
    if path_rows.empty:
        return pd.DataFrame(columns=columns)
    grouped = path_rows.groupby(["institution", "year"])
    table = pd.DataFrame({"indicators": grouped.size(), "on_track": grouped["on_track"].sum().astype(int)}).reset_index()
    table["share_on_track"] = table["on_track"] / table["indicators"]
    table["on_track_overall"] = table["share_on_track"] >= BEHIND
    return table[columns]


def progress_years(per_institution: pd.DataFrame, sector: pd.DataFrame) -> pd.DataFrame:
    """Per year: institutions with a realisation, of them on track overall, and the indicators behind."""
    columns = ["year", "institutions", "on_track", "share_on_track", "indicators", "indicators_behind"]
    if per_institution.empty:
        return pd.DataFrame(columns=columns)
    out = []
    for year, group in per_institution.groupby("year"):
        of_year = sector[sector["year"] == year]
        on_track = int(group["on_track_overall"].sum())
        out.append({"year": int(year), "institutions": len(group), "on_track": on_track,
                    "share_on_track": on_track / len(group), "indicators": len(of_year),
                    "indicators_behind": int((of_year["share_on_track"] < BEHIND).sum())})
    return pd.DataFrame(out, columns=columns)


def behind(sector: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """The indicators behind in their latest year with realisations (fewer than half the institutions on track),
    the furthest behind first, with that share in the year before beside it."""
    columns = ["indicator", "label_nl", "label_en", "year", "institutions", "on_track", "share_on_track",
               "share_year_before"]
    if sector.empty:
        return pd.DataFrame(columns=columns)
    out = []
    for indicator, group in sector.sort_values("year").groupby("indicator"):
        last = group.iloc[-1]
        if last["share_on_track"] >= BEHIND:
            continue
        info = catalogue.indicator_by_code.get(indicator)
        out.append({"indicator": indicator, "label_nl": info.label_nl if info else "",
                    "label_en": info.label_en if info else "", "year": int(last["year"]),
                    "institutions": int(last["institutions"]), "on_track": int(last["on_track"]),
                    "share_on_track": float(last["share_on_track"]),
                    "share_year_before": float(group.iloc[-2]["share_on_track"]) if len(group) > 1 else None})
    return pd.DataFrame(out, columns=columns).sort_values(["share_on_track", "indicator"]).reset_index(drop=True)


def _quarter(oriented: pd.Series) -> pd.Series:
    """1 (the least favourable quarter of the group) to 4 (the most favourable), by the group's own quartiles."""
    q1, median, q3 = oriented.quantile(0.25), oriented.median(), oriented.quantile(0.75)
    return 1 + (oriented > q1).astype(int) + (oriented > median).astype(int) + (oriented > q3).astype(int)


def peers(pairs: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """Per institution and indicator its ambition beside that of institutions with a similar start: those whose
    start (read against the direction) lies in the same quarter of the sector's starts, itself included."""
    columns = ["institution", "indicator", "objective", "start", "target", "ambition", "start_quarter", "peers",
               "peer_ambition", "ambition_vs_peers"]
    if pairs.empty:
        return pd.DataFrame(columns=columns)
    table = pairs.copy()
    sign = table["indicator"].map(direction_sign(catalogue)).fillna(1)
    table["oriented_start"] = table["start"] * sign
    table["start_quarter"] = table.groupby("indicator")["oriented_start"].transform(_quarter).astype(int)
    grouped = table.groupby(["indicator", "start_quarter"])["ambition"]
    table["peers"] = grouped.transform("size").astype(int)
    table["peer_ambition"] = grouped.transform("median")
    table["ambition_vs_peers"] = table["ambition"] - table["peer_ambition"]
    return table.sort_values(["institution", "indicator"])[columns].reset_index(drop=True)


def measure_uptake(choices: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """Per measure: the institutions that made a choice on it, how many apply it, and that share."""
    columns = ["measure", "objective", "label_nl", "label_en", "mandatory", "institutions", "applied",
               "share_applied"]
    if choices.empty:
        return pd.DataFrame(columns=columns)
    out = []
    for measure, group in choices.groupby("measure"):
        info = catalogue.measure_by_code.get(measure)
        applied = int(group["applied"].fillna(False).astype(bool).sum())
        n = int(group["institution"].nunique())
        out.append({"measure": measure, "objective": info.objective if info else group["objective"].iloc[0],
                    "label_nl": info.label_nl if info else "", "label_en": info.label_en if info else "",
                    "mandatory": bool(info.mandatory) if info else False, "institutions": n, "applied": applied,
                    "share_applied": applied / n if n else None})
    return pd.DataFrame(out, columns=columns)


def filing_history(filings: pd.DataFrame, findings: pd.DataFrame) -> pd.DataFrame:
    """Every filing (accepted, rejected, superseded) per institution and reporting year, in the order delivered,
    with its findings per rule family and whether it is a resubmission (not the year's first filing)."""
    families = list(RULE_FAMILIES.values())
    columns = ["institution", "report_year", "filing_id", "file_name", "submitted_at", "status", "is_current",
               "superseded", "errors", "warnings", *families, "resubmission", "progress_narrative"]
    mine = filings[filings["institution"].notna()]
    if mine.empty:
        return pd.DataFrame(columns=columns)
    mine = mine.sort_values(["institution", "report_year", "submitted_at", "sequence"], na_position="first").copy()
    counts = findings_per_family(findings)
    for letter, family in RULE_FAMILIES.items():
        mine[family] = [counts.get((filing, letter), 0) for filing in mine["filing_id"]]
    mine["resubmission"] = mine.groupby(["institution", "report_year"]).cumcount() > 0
    for column in ("is_current", "superseded"):  # None (never set) reads as False
        mine[column] = [bool(v) and not pd.isna(v) for v in mine[column]]
    return mine[columns].reset_index(drop=True)
