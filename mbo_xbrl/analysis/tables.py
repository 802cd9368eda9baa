"""The sector analysis of seed 002 as pure functions: store tables (DataFrames) in, report tables out.

Every function takes the tidy rows of one reporting year and the catalogue and returns a DataFrame
with stable, documented columns (docs/analysis.md ties each to the seed passage it reproduces).
Nothing here reads the store or draws: `report.py` does both, so these can be tested on small
hand-made inputs with hand-computed answers.
"""

from __future__ import annotations

import pandas as pd

from mbo_xbrl.catalogue import Catalogue

BREAKDOWN_COLUMNS = ["study_route", "level", "domain", "age", "gender", "exam_level"]
RULE_FAMILIES = {"S": "structure", "C": "completeness", "B": "budget", "M": "measures", "V": "values"}
NATIONAL_EARLY_LEAVERS_AIM = 18_000  # seed 002 and the Werkagenda: fewer than 18,000 new early leavers
EARLY_LEAVERS_COUNT = "I1.3.02"
INCOMPLETE_BUDGET = ("MBO-B001", "MBO-B002")  # budget missing; parts that do not add up
# Typology (docs/analysis.md): an institution's start is "high" or "low" when the share of its
# indicators in the highest quartile exceeds that in the lowest by at least this much (or v.v.).
START_CLASS_MARGIN = 0.15


def report_years(filings: pd.DataFrame) -> list[int]:
    """The reporting years that have a filing of an institution."""
    mine = filings[filings["institution"].notna()]
    return sorted({int(y) for y in mine["report_year"].dropna()})


def latest_filings(filings: pd.DataFrame, year: int) -> pd.DataFrame:
    """Each institution's latest filing for a reporting year, accepted or rejected: the last submitted (the
    store's rule for the current filing), then the last ingested, so a late re-delivery of an older file
    does not pass for the latest."""
    mine = filings[(filings["report_year"] == year) & filings["institution"].notna()]
    order = [c for c in ("submitted_at", "sequence") if c in mine.columns]
    return mine.sort_values(order, na_position="first", kind="stable").drop_duplicates("institution", keep="last") \
        .sort_values("institution").reset_index(drop=True)


def direction_sign(catalogue: Catalogue) -> dict[str, int]:
    """+1 for indicators where higher is better, -1 where lower is: values read against direction."""
    return {i.code: (1 if i.direction.value == "higher" else -1) for i in catalogue.indicators}


def totals(values: pd.DataFrame) -> pd.DataFrame:
    """Indicator values without a breakdown (the institution's total)."""
    if values.empty:
        return values
    return values[values[BREAKDOWN_COLUMNS].isna().all(axis=1)]


def start_and_target(values: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """Per institution and indicator: start, target and ambition (target − start, read against direction)."""
    rows = totals(values)
    columns = ["institution", "indicator", "objective", "start", "target", "ambition"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    # a filing states one start (its earliest start year) and one target per indicator
    start = rows[rows["value_kind"] == "start"].sort_values("period_year") \
        .groupby(["institution", "indicator"], as_index=False).first()[["institution", "indicator", "objective",
                                                                         "value"]]
    target = rows[rows["value_kind"] == "target"].groupby(["institution", "indicator"], as_index=False)["value"] \
        .first()
    both = start.merge(target, on=["institution", "indicator"], suffixes=("_start", "_target"))
    both = both.rename(columns={"value_start": "start", "value_target": "target"})
    sign = direction_sign(catalogue)
    both["ambition"] = (both["target"] - both["start"]) * both["indicator"].map(sign)
    return both[columns].sort_values(["indicator", "institution"]).reset_index(drop=True)


def _indicator_info(catalogue: Catalogue) -> pd.DataFrame:
    return pd.DataFrame([{"indicator": i.code, "label_nl": i.label_nl, "label_en": i.label_en, "unit": i.unit,
                          "direction": i.direction.value} for i in catalogue.indicators])


def ambition(pairs: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """Seed 002 fig. 2.1: per indicator, institutions, mean start, mean target, mean ambition, Q1 and Q3."""
    columns = ["indicator", "label_nl", "label_en", "unit", "direction", "institutions", "mean_start",
               "mean_target", "mean_ambition", "ambition_q1", "ambition_q3"]
    if pairs.empty:
        return pd.DataFrame(columns=columns)
    grouped = pairs.groupby("indicator")
    table = pd.DataFrame({
        "institutions": grouped["institution"].nunique(),
        "mean_start": grouped["start"].mean(),
        "mean_target": grouped["target"].mean(),
        "mean_ambition": grouped["ambition"].mean(),
        "ambition_q1": grouped["ambition"].quantile(0.25),
        "ambition_q3": grouped["ambition"].quantile(0.75),
    }).reset_index()
    return table.merge(_indicator_info(catalogue), on="indicator")[columns]


def budget_by_institution(budgets: pd.DataFrame, latest: pd.DataFrame, findings: pd.DataFrame,
                          catalogue: Catalogue) -> pd.DataFrame:
    """Seed 002 fig. 3.2: per institution the share of its budget (all plan years) per objective.

    `latest` holds each institution's latest filing of the year (accepted or rejected). A budget is
    incomplete when that filing was rejected (its rows are not in the store), has a budget finding
    (MBO-B001 missing, MBO-B002 does not add up), or budgets nothing: such institutions are kept,
    flagged, and left out of the sector distribution (the report's "white bars").
    """
    columns = ["institution", "objective", "amount", "share", "complete"]
    rows = budgets[budgets["level"] == "objective"] if not budgets.empty else budgets
    broken = set(findings.loc[findings["code"].isin(INCOMPLETE_BUDGET), "filing_id"]) if not findings.empty else set()
    sums: dict[str, dict[str, float]] = {}  # filing -> objective -> amount, summed over the plan years in one pass
    if not rows.empty:
        for (filing_id, objective), amount in rows.groupby(["filing_id", "objective"])["amount"].sum().items():
            sums.setdefault(filing_id, {})[objective] = float(amount)
    out = []
    for filing in latest.sort_values("institution").itertuples():
        mine = sums.get(filing.filing_id, {})
        total = float(sum(mine.values()))
        complete = filing.status == "accepted" and filing.filing_id not in broken and total > 0
        for objective in (o.code for o in catalogue.objectives):
            amount = mine.get(objective, 0.0)
            out.append({"institution": filing.institution, "objective": objective, "amount": amount,
                        "share": amount / total if total > 0 else None, "complete": complete})
    return pd.DataFrame(out, columns=columns)


def budget_sector(by_institution: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """Seed 002 fig. 2.2: the sector's budget per objective, over institutions with a complete budget."""
    columns = ["objective", "label_nl", "label_en", "amount", "share", "institutions_budgeting", "institutions"]
    complete = by_institution[by_institution["complete"]] if not by_institution.empty else by_institution
    total = float(complete["amount"].sum()) if not complete.empty else 0.0
    n = complete["institution"].nunique() if not complete.empty else 0
    out = []
    for objective in catalogue.objectives:
        mine = complete[complete["objective"] == objective.code] if not complete.empty else complete
        amount = float(mine["amount"].sum()) if not mine.empty else 0.0
        out.append({"objective": objective.code, "label_nl": objective.label_nl, "label_en": objective.label_en,
                    "amount": amount, "share": amount / total if total else None,
                    "institutions_budgeting": int((mine["amount"] > 0).sum()) if not mine.empty else 0,
                    "institutions": n})
    return pd.DataFrame(out, columns=columns)


def _quartile_flags(pairs: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """Per institution and indicator: in the lowest / highest quartile of start, target and ambition.

    Start and target are read against the indicator's direction (for "lower is better" they are
    negated first), so "high" always means "better"; an institution is in the lowest quartile at or
    below Q1 and in the highest at or above Q3 of the institutions reporting that indicator.
    """
    sign = pairs["indicator"].map(direction_sign(catalogue))
    oriented = pairs.assign(start=pairs["start"] * sign, target=pairs["target"] * sign)
    for measure in ("start", "target", "ambition"):
        grouped = oriented.groupby("indicator")[measure]
        q1, q3 = grouped.transform(lambda s: s.quantile(0.25)), grouped.transform(lambda s: s.quantile(0.75))
        oriented[f"low_{measure}"] = oriented[measure] <= q1
        oriented[f"high_{measure}"] = oriented[measure] >= q3
    return oriented


def typology_indicators(pairs: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """Seed 002 ch. 3, step 1: per indicator, the quartile bounds and how many institutions fall in each."""
    columns = ["indicator", "institutions"] + [f"{m}_{q}" for m in ("start", "target", "ambition")
                                               for q in ("q1", "q3", "lowest", "highest")]
    if pairs.empty:
        return pd.DataFrame(columns=columns)
    flags = _quartile_flags(pairs, catalogue)
    grouped = flags.groupby("indicator")
    table = pd.DataFrame({"institutions": grouped["institution"].nunique()})
    for measure in ("start", "target", "ambition"):
        table[f"{measure}_q1"] = grouped[measure].quantile(0.25)
        table[f"{measure}_q3"] = grouped[measure].quantile(0.75)
        table[f"{measure}_lowest"] = grouped[f"low_{measure}"].sum().astype(int)
        table[f"{measure}_highest"] = grouped[f"high_{measure}"].sum().astype(int)
    return table.reset_index()[columns]


TYPES = {
    1: ("Hoge startwaarden, beperkte ruimte voor verbetering", "High start, limited room for improvement"),
    2: ("Lagere startwaarden, grote stappen vooruit", "Lower start, big steps forward"),
    3: ("Lagere startwaarden, kleinere stappen vooruit", "Lower start, smaller steps forward"),
    4: ("Gemiddelde startwaarden, grote stappen vooruit", "Average start, big steps forward"),
    5: ("Gemiddelde startwaarden, kleinere stappen vooruit", "Average start, smaller steps forward"),
}


def assign_type(indicators: int, low_start: int, high_start: int, low_ambition: int, high_ambition: int) -> int:
    """Seed 002's five types, by a rule (docs/analysis.md):

    start class: high when (high_start − low_start) / indicators ≥ START_CLASS_MARGIN, low when it is
    ≤ −START_CLASS_MARGIN, else average; steps: big when high_ambition > low_ambition, else small.
    High start is type 1 whatever the steps (the report's front-runners); low start is 2 (big) or
    3 (small); average start is 4 (big) or 5 (small).
    """
    balance = (high_start - low_start) / indicators if indicators else 0.0
    big = high_ambition > low_ambition
    if balance >= START_CLASS_MARGIN:
        return 1
    if balance <= -START_CLASS_MARGIN:
        return 2 if big else 3
    return 4 if big else 5


def typology_institutions(pairs: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """Seed 002 ch. 3, steps 2-3 and fig. 3.1: per institution how often it is lowest / highest, and its type."""
    counts = ["low_start", "high_start", "low_target", "high_target", "low_ambition", "high_ambition"]
    columns = ["institution", "indicators"] + counts + ["type", "type_nl", "type_en"]
    if pairs.empty:
        return pd.DataFrame(columns=columns)
    flags = _quartile_flags(pairs, catalogue)
    grouped = flags.groupby("institution")
    table = pd.DataFrame({"indicators": grouped["indicator"].nunique()})
    for name in counts:
        table[name] = grouped[name].sum().astype(int)
    table = table.reset_index()
    table["type"] = [assign_type(r.indicators, r.low_start, r.high_start, r.low_ambition, r.high_ambition)
                     for r in table.itertuples()]
    table["type_nl"] = table["type"].map(lambda t: TYPES[t][0])
    table["type_en"] = table["type"].map(lambda t: TYPES[t][1])
    return table.sort_values(["low_start", "institution"], ascending=[False, True])[columns].reset_index(drop=True)


def convergence(pairs: pd.DataFrame) -> pd.DataFrame:
    """Seed 002 ch. 3: does the spread between institutions (IQR) shrink from start to target?"""
    columns = ["indicator", "institutions", "iqr_start", "iqr_target", "converges"]
    if pairs.empty:
        return pd.DataFrame(columns=columns)
    grouped = pairs.groupby("indicator")
    table = pd.DataFrame({
        "institutions": grouped["institution"].nunique(),
        "iqr_start": grouped["start"].quantile(0.75) - grouped["start"].quantile(0.25),
        "iqr_target": grouped["target"].quantile(0.75) - grouped["target"].quantile(0.25),
    }).reset_index()
    table["converges"] = table["iqr_target"] < table["iqr_start"]
    return table[columns]


def findings_per_family(findings: pd.DataFrame) -> dict[tuple[str, str], int]:
    """(filing, rule family letter) -> its findings, counted in one pass: the family is the letter after "MBO-"."""
    if findings.empty:
        return {}
    letters = findings["code"].astype(str).str.extract(r"^MBO-([A-Z])", expand=False)
    return {key: int(n) for key, n in findings.groupby([findings["filing_id"], letters]).size().items()}


def completeness(filings: pd.DataFrame, findings: pd.DataFrame) -> pd.DataFrame:
    """Institutions × rule families: findings (errors and warnings) in each institution's latest filing."""
    families = list(RULE_FAMILIES.values())
    columns = ["institution", "status"] + families + ["total"]
    if filings.empty:
        return pd.DataFrame(columns=columns)
    counts = findings_per_family(findings)
    out = []
    for filing in filings.itertuples():
        row = {"institution": filing.institution, "status": filing.status}
        for letter, family in RULE_FAMILIES.items():
            row[family] = counts.get((filing.filing_id, letter), 0)
        row["total"] = sum(row[f] for f in families)
        out.append(row)
    return pd.DataFrame(out, columns=columns).sort_values(["total", "institution"], ascending=[False, True]) \
        .reset_index(drop=True)


def early_leavers(pairs: pd.DataFrame) -> pd.DataFrame:
    """Seed 002 §2: the sum of institutions' early-leaver targets against the national aim of 18,000."""
    mine = pairs[pairs["indicator"] == EARLY_LEAVERS_COUNT] if not pairs.empty else pairs
    start = float(mine["start"].sum()) if not mine.empty else 0.0
    target = float(mine["target"].sum()) if not mine.empty else 0.0
    return pd.DataFrame([{"institutions": int(mine["institution"].nunique()) if not mine.empty else 0,
                          "sum_start": start, "sum_target": target, "national_aim": NATIONAL_EARLY_LEAVERS_AIM,
                          "target_above_aim": target - NATIONAL_EARLY_LEAVERS_AIM}])


def practorates(values: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """The sector indicators computed from the filings (catalogue `sector_indicators`): seed 002 fig. 2.4 and the
    monitoring plan's I3.4.02, the share of institutions with at least one practorate, from each institution's
    count (I3.4.01) at the start, in the reporting year and as planned for 2027; with the number of practorates
    they add up to (seed 002: 141 planned in 2027)."""
    columns = ["indicator", "value_kind", "year", "institutions", "with_practorate", "share", "practorates"]
    rows = totals(values)
    out = []
    for sector in catalogue.sector_indicators:
        mine = rows[rows["indicator"] == sector.derived_from] if not rows.empty else rows
        for kind in ("start", "realisation", "target"):
            of_kind = mine[mine["value_kind"] == kind] if not mine.empty else mine
            for year, group in (of_kind.groupby("period_year") if not of_kind.empty else []):
                per_institution = group.groupby("institution")["value"].last()
                with_one = int((per_institution >= 1).sum())
                out.append({"indicator": sector.code, "value_kind": kind, "year": int(year),
                            "institutions": len(per_institution), "with_practorate": with_one,
                            "share": with_one / len(per_institution), "practorates": float(per_institution.sum())})
    return pd.DataFrame(out, columns=columns)
