"""A deterministic synthetic sector of fictional institutions, calibrated to seed 002's figures.

Built through the public path: a pre-fill register of what OCW knows (identity, pre-filled start
values, earmarks) -> the pre-filled filings (`mbo_xbrl.prefill.prefilled_contents`) -> completed
by each institution (targets, realisations, own measurements, choices, budgets, narratives), with
realistic defects at documented rates. The same seed gives byte-identical files.
See docs/synthetic-sector.md for the calibration and the defect rates.
"""

from __future__ import annotations

import copy
import math
import os
import random
import zlib
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from decimal import ROUND_CEILING, Decimal
from pathlib import Path
from statistics import fmean

from mbo_xbrl.catalogue import Catalogue, load_catalogue
from mbo_xbrl.filing.model import (
    BudgetLine,
    Earmark,
    FilingContent,
    IndicatorValue,
    MeasureChoice,
    ObjectiveChoice,
)
from mbo_xbrl.filing.writer import write_instance
from mbo_xbrl.prefill import PrefillRegister, prefilled_contents, register_csv, register_rows
from mbo_xbrl.synthetic.values import (
    PER_1000_STUDENTS,
    PUBLISHED,
    realisation,
    start_and_target,
    year_to_year_noise,
)
from mbo_xbrl.taxonomy.releases import release_for_year

# Sector totals the sum-calibrated indicators reach, over the accepted filings of the first year (seed 002).
PUBLISHED_SUMS = {"I1.3.02": (30_000, 19_300), "I3.4.01": (None, 141)}  # (start, target 2027)
PUBLISHED_PLANS = 52  # the plans those sums are over
# Budget share per objective in percent (seed 002 fig. 2.2: 1.3 ~18%, 3.3 ~21%, 3.4 ~7%; 1.5, 1.1, 3.2 smallest).
BUDGET_SHARES = {"1.1": 4, "1.2": 9, "1.3": 18, "1.4": 7, "1.5": 3, "2.1": 6, "2.2": 10, "2.3": 5,
                 "3.1": 7, "3.2": 3, "3.3": 21, "3.4": 7}
SECTOR_FUNDS_2024 = 705_000_000  # "ruim € 700 miljoen" in 2024 (seed 001)
EARMARKS_PER_YEAR = {"3.3": 142_000_000, "1.3": 32_000_000, "3.4": 20_000_000}  # 3.3: seed 002; 1.3: LOB, seed 001
# How much an institution's budget emphasis varies per objective. Careers of staff (3.3) carries an
# earmark of about 20% of the funds, which institutions spend, so it varies little around its 21%.
VARIATION = {"3.3": (0.97, 1.15)}
SHARE_BUDGETING_EVERY_OBJECTIVE = 0.60  # seed 002: "zo'n 60%"
# How readily an institution that focuses leaves an optional objective out (1.1 hosts the student card
# and student initiatives, which 70% and 83% of all institutions apply, so it is seldom left out).
LEAVE_OUT_WEIGHTS = {"1.1": 0.25}
# Apply rates of named measures (seed 002); other optional measures 0.80, mandatory ones always.
APPLY_RATES = {"M1.1.01": 0.70, "M1.1.02": 0.83, "M2.2.03": 0.75}
OTHER_APPLY_RATE = 0.80
# Defects per filing (an institution-year), drawn independently; see docs/synthetic-sector.md.
DEFECT_RATES = {
    "missing_target": 0.06,  # MBO-C001
    "incomplete_budget": 0.05,  # MBO-B001 (data not delivered "completely or clearly enough", seed 002)
    "budget_not_adding_up": 0.03,  # MBO-B002
    "unexplained_measure": 0.04,  # MBO-M002
    "missing_realisation": 0.05,  # MBO-C003 (warning: still accepted)
    "target_against_direction": 0.03,  # MBO-V002 (warning: still accepted)
}
ERROR_DEFECTS = {"missing_target", "incomplete_budget", "budget_not_adding_up", "unexplained_measure"}
CALIBRATION_EXEMPT = set(PUBLISHED) | set(PUBLISHED_SUMS)  # defects never touch the calibrated indicators
PLACES = ["Aalwijk", "Beekveld", "Bergstroom", "Dalhaven", "Denkbeeldige Delta", "Duinrand", "Eikendam", "Elzenoord",
          "Grasmeer", "Heidevoort", "Hoogwaard", "IJsselkant", "Kanaalzone", "Kreekrug", "Lindewaard", "Meerstad",
          "Middenveld", "Molenhoek", "Noorderkwartier", "Oeverland", "Polderstad", "Rietmeer", "Rivierenhof",
          "Schelpenduin", "Slotenburg", "Sluisdam", "Stroomdal", "Terpland", "Veenhoven", "Verzonnen Veen",
          "Vlietweide", "Waterland-Oost", "Weidebeek", "Wilgenrijk", "Zandhove", "Zeewolde-Noord"]
KINDS = ["ROC", "ROC", "ROC", "Vakcollege", "AOC", "Techniek College"]
# The years 2024-2027 as they unfold (docs/synthetic-sector.md). Drawn from their own stream of the seed, so that
# a sector of fewer years is the same as before these existed.
SHARE_BEHIND = 0.2  # institutions that go well slower than their path: pace U(0.2, 0.7); the others N(1.15, 0.2), at least 0.5
MERGER_YEAR = 2026  # from this reporting year one institution has merged into another: one filing for both
RESUBMISSION_YEAR = 2025  # one rejected filing of this year is corrected and delivered late, in the next autumn
DEADLINE = (7, 1)  # institutions deliver by 1 July of the year after the reporting year (domain: jaarverslag)


@dataclass
class Institution:
    code: str
    name: str
    students: int
    left_out: set[str]
    applied: dict[str, bool]
    defects: dict[int, set[str]] = field(default_factory=dict)  # report year -> defects
    variation: dict[str, float] = field(default_factory=dict)  # objective -> this institution's budget emphasis
    budget_shares: dict[str, float] = field(default_factory=dict)  # objective -> share of its funds
    pace: float = 1.0  # how fast its realisations go along the straight path from start to target
    news: str = ""  # a sentence its narrative adds (a merger)

    def accepted(self, year: int) -> bool:
        return not (self.defects.get(year, set()) & ERROR_DEFECTS)


def _weighted_sample(items: list[str], weights: dict[str, float], k: int, rng: random.Random) -> set[str]:
    pool, chosen = list(items), set()
    for _ in range(min(k, len(pool))):
        pick = rng.choices(pool, [weights.get(i, 1.0) for i in pool])[0]
        chosen.add(pick)
        pool.remove(pick)
    return chosen


def institutions(cat: Catalogue, count: int, years: list[int], rng: random.Random) -> list[Institution]:
    optional = sorted(o.code for o in cat.objectives
                      if not any(m.mandatory for m in cat.measures_of(o.code)))
    focused = set(rng.sample(range(count), count - round(SHARE_BUDGETING_EVERY_OBJECTIVE * count)))
    out = []
    for n in range(count):
        code = f"{90 + n // 676:02d}{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}"
        name = f"{KINDS[n % len(KINDS)]} {PLACES[n % len(PLACES)]}{' ' + str(n // len(PLACES) + 1) if n >= len(PLACES) else ''} (fictief)"
        students = int(max(1_200, rng.lognormvariate(9.0, 0.65)))
        left_out = _weighted_sample(optional, LEAVE_OUT_WEIGHTS, rng.randint(3, 6), rng) if n in focused else set()
        applied = {m.code: m.mandatory or rng.random() < APPLY_RATES.get(m.code, OTHER_APPLY_RATE)
                   for m in cat.measures}
        institution = Institution(code, name, students, left_out, applied,
                                  variation={o: rng.uniform(*VARIATION.get(o, (0.7, 1.3))) for o in sorted(BUDGET_SHARES)})
        for year in years:
            institution.defects[year] = {d for d, rate in DEFECT_RATES.items() if rng.random() < rate}
        out.append(institution)
    # The published shares are of all institutions: draw exactly that many among those that can apply.
    for measure, rate in APPLY_RATES.items():
        objective = cat.measure_by_code[measure].objective
        eligible = [i for i in out if objective not in i.left_out]
        chosen = {i.code for i in rng.sample(eligible, min(len(eligible), round(rate * count)))}
        for institution in out:
            institution.applied[measure] = institution.code in chosen
    return out


def _calibrate_mean(values: dict[str, float], groups: list[set[str]], mean: float) -> None:
    """Shift each group to the mean, so that every union of groups has that mean."""
    for group in groups:
        members = [code for code in group if code in values]
        if members:
            shift = mean - fmean(values[c] for c in members)
            for code in members:
                values[code] += shift


def calibrate_budget_shares(sector: list[Institution], rounds: int = 20) -> None:
    """Give every institution budget shares over the objectives it works on, such that the sector's
    students-weighted shares per objective equal the published ones (institutions that leave
    objectives out would otherwise inflate the shares of the objectives everyone keeps)."""
    base = {o: float(v) for o, v in BUDGET_SHARES.items()}
    floors = {o: amount / SECTOR_FUNDS_2024 for o, amount in EARMARKS_PER_YEAR.items()}  # earmarks, as shares
    total = sum(i.students for i in sector)
    for _ in range(rounds):
        realised = dict.fromkeys(base, 0.0)
        for inst in sector:
            weights = {o: base[o] * inst.variation[o] for o in base if o not in inst.left_out}
            scale = sum(weights.values())
            shares = {o: w / scale for o, w in weights.items()}
            lifted = {o: floors[o] for o in shares if o in floors and shares[o] < floors[o]}
            if lifted:  # an earmark is a floor: lift it, and let the other objectives share the rest
                rest = sum(v for o, v in shares.items() if o not in lifted)
                room = 1 - sum(lifted.values())
                shares = {o: lifted.get(o, v * room / rest) for o, v in shares.items()}
            inst.budget_shares = shares
            for o, share in inst.budget_shares.items():
                realised[o] += share * inst.students / total
        for o in base:
            base[o] *= (BUDGET_SHARES[o] / 100) / realised[o] if realised[o] else 1.0


def _round_to_sum(values: dict[str, float], codes: list[str], total: int) -> None:
    """Round `codes`' values to whole numbers that add up to `total` exactly (largest remainder)."""
    floors = {c: math.floor(values[c]) for c in codes}
    short = total - sum(floors.values())
    for code in sorted(codes, key=lambda c: (values[c] - floors[c], c), reverse=True)[:max(short, 0)]:
        floors[code] += 1
    values.update(floors)


def indicator_truth(cat: Catalogue, sector: list[Institution], years: list[int], rng: random.Random,
                    ) -> dict[str, dict[str, tuple[float, float]]]:
    """Indicator code -> institution code -> (start, target), calibrated to the published figures."""
    first = years[0]
    groups: dict[tuple, set[str]] = {}
    for inst in sector:
        groups.setdefault(tuple(inst.accepted(y) for y in years), set()).add(inst.code)
    truth: dict[str, dict[str, tuple[float, float]]] = {}
    for indicator in cat.indicators:
        reporting = [i for i in sector if indicator.objective not in i.left_out]
        pairs = {i.code: tuple(float(v) for v in start_and_target(cat, indicator, rng, i.students)) for i in reporting}
        starts = {c: p[0] for c, p in pairs.items()}
        targets = {c: p[1] for c, p in pairs.items()}
        if indicator.code in PUBLISHED:
            start_mean, target_mean = PUBLISHED[indicator.code]
            _calibrate_mean(starts, list(groups.values()), start_mean)
            _calibrate_mean(targets, list(groups.values()), target_mean)
        elif indicator.code in PUBLISHED_SUMS:
            accepted = [i.code for i in reporting if i.accepted(first)]
            for values, published in zip((starts, targets), PUBLISHED_SUMS[indicator.code]):
                if published:
                    # the published sums are of the 52 plans; a larger or smaller sector scales them with its size,
                    # so that its institutions stay of the same order (141 practorates over 520 would round most
                    # targets to 0, below their starts)
                    wanted = round(published * len(sector) / PUBLISHED_PLANS)
                    factor = wanted / sum(values[c] for c in accepted)
                    for code in values:
                        values[code] *= factor
                    _round_to_sum(values, accepted, wanted)
        truth[indicator.code] = {c: (starts[c], targets[c]) for c in pairs}
    return truth


def _round(value: float, decimals: int) -> Decimal:
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals))


def known_register(cat: Catalogue, sector: list[Institution], truth: dict, years: list[int]) -> list[dict[str, str]]:
    """What OCW knows and pre-fills: names, pre-filled start values, earmarked amounts."""
    total_students = sum(i.students for i in sector)
    rows = []
    for year in years:
        for inst in sector:
            content = FilingContent(institution_code=inst.code, institution_name=inst.name, report_year=year)
            for indicator in cat.indicators:
                if inst.code in truth[indicator.code] and cat.is_prefilled(indicator):
                    start = truth[indicator.code][inst.code][0]
                    content.indicator_values.append(IndicatorValue(
                        indicator=indicator.code, kind="start", year=indicator.start_year,
                        value=_round(start, cat.unit_by_code[indicator.unit].decimals)))
            share = inst.students / total_students
            for objective, amount in EARMARKS_PER_YEAR.items():
                for plan_year in cat.plan_years:
                    content.earmarks.append(Earmark(year=plan_year, objective=objective,
                                                    amount=Decimal(int(amount * share / 1000) * 1000)))
            rows += register_rows(content, cat)
    return rows


def complete(content: FilingContent, inst: Institution, cat: Catalogue, truth: dict, total_students: int,
             rng: random.Random) -> None:
    """What the institution adds to its pre-filled filing, with the defects drawn for this year."""
    year = content.report_year
    defects = inst.defects[year]
    worked = [o.code for o in cat.objectives if o.code not in inst.left_out]
    content.narrative = f"Voortgang {year} van {inst.name}: de kwaliteitsagenda loopt op {len(worked)} doelstellingen." \
        + (f" {inst.news}" if inst.news else "")
    content.objectives = [ObjectiveChoice(objective=o.code, works_on=o.code not in inst.left_out,
                                          narrative=None if o.code not in inst.left_out else
                                          "De instelling kiest voor focus op andere doelstellingen.")
                          for o in cat.objectives]
    unexplained = None
    if "unexplained_measure" in defects:
        candidates = [m for m, on in inst.applied.items() if not on and cat.measure_by_code[m].objective in worked]
        unexplained = rng.choice(candidates) if candidates else None
    for m in cat.measures:  # a measure a later release adds: chosen once, the same way every year, no draw from rng
        inst.applied.setdefault(m.code, m.mandatory or random.Random(f"{inst.code}:{m.code}").random() < OTHER_APPLY_RATE)
    content.measures = [MeasureChoice(measure=m.code, applied=inst.applied[m.code],
                                      explanation=None if inst.applied[m.code] or m.code == unexplained else
                                      "De instelling zet hier bestaande aanpakken voort zonder kwaliteitsmiddelen.")
                        for m in cat.measures if m.objective in worked]
    prefilled = {(v.indicator, v.kind) for v in content.indicator_values if not v.breakdown}
    skip_target = skip_realisation = against = None
    eligible = [i.code for i in cat.indicators if i.objective in worked and i.code not in CALIBRATION_EXEMPT]
    if "missing_target" in defects and eligible:
        skip_target = rng.choice(eligible)
    if "missing_realisation" in defects:
        delivering = [c for c in eligible if year in cat.frequency_by_code[cat.indicator_by_code[c].frequency].delivery_years]
        skip_realisation = rng.choice(delivering) if delivering else None
    if "target_against_direction" in defects and eligible:
        measured = [c for c in eligible if cat.is_measured(cat.indicator_by_code[c])]  # V002 needs a start
        against = rng.choice([c for c in measured if c != skip_target] or measured or eligible)
    for indicator in cat.indicators:
        if inst.code not in truth[indicator.code]:
            continue
        decimals = cat.unit_by_code[indicator.unit].decimals
        start, target = truth[indicator.code][inst.code]
        if indicator.code == against:
            target = start - (target - start) - 1
        start_d, target_d = _round(start, decimals), _round(target, decimals)
        if (indicator.code, "start") not in prefilled and cat.is_measured(indicator):  # none before a measurement
            content.indicator_values.append(IndicatorValue(indicator=indicator.code, kind="start",
                                                           year=indicator.start_year, value=start_d))
        if indicator.code != skip_target:
            content.indicator_values.append(IndicatorValue(indicator=indicator.code, kind="target",
                                                           year=cat.target_year, value=target_d))
        if year in cat.frequency_by_code[indicator.frequency].delivery_years and indicator.code != skip_realisation:
            # the share of its straight path from the start year to 2027 that has gone by (the report's trajectory)
            progress = (year - indicator.start_year) / (cat.target_year - indicator.start_year)
            content.indicator_values.append(IndicatorValue(indicator=indicator.code, kind="realisation", year=year,
                                                           value=realisation(
                                                               cat, indicator, start_d, target_d, progress, rng,
                                                               inst.pace, year_to_year_noise(indicator, start_d,
                                                                                             target_d))))
    content.budgets = _budgets(cat, inst, worked, total_students, content, defects, rng)


def _budgets(cat: Catalogue, inst: Institution, worked: list[str], total_students: int, content: FilingContent,
             defects: set[str], rng: random.Random) -> list[BudgetLine]:
    earmarks = {(e.year, e.objective): e.amount for e in content.earmarks}
    funds = SECTOR_FUNDS_2024 * inst.students / total_students
    lines: list[BudgetLine] = []
    dropped = (rng.choice(cat.plan_years), rng.choice(worked)) if "incomplete_budget" in defects else None
    broken = (rng.choice(cat.plan_years), rng.choice(worked)) if "budget_not_adding_up" in defects else None
    for index, year in enumerate(cat.plan_years):
        year_total = Decimal(0)
        for objective in worked:
            amount = Decimal(funds * inst.budget_shares[objective] * (1 + 0.02 * index))
            amount = max(amount, earmarks.get((year, objective), Decimal(0)))
            measures = [m.code for m in cat.measures_of(objective) if inst.applied[m.code]] + ["own"]
            each = (amount / len(measures) / 1000).to_integral_value(rounding=ROUND_CEILING) * 1000
            for measure in measures:
                lines.append(BudgetLine(year=year, objective=objective, measure=measure, amount=each))
            objective_total = each * len(measures)
            if (year, objective) == broken:
                lines[-1].amount += 10_000  # one measure no longer adds up to the objective
            if (year, objective) != dropped:
                lines.append(BudgetLine(year=year, objective=objective, amount=objective_total))
                year_total += objective_total
        lines.append(BudgetLine(year=year, amount=year_total))
    return lines


@dataclass
class Merger:
    """From `year` on, `absorbed` files no more: `into` files one report for both, as `merged`."""

    year: int
    absorbed: Institution
    into: Institution
    merged: Institution
    truth: dict[str, dict[str, tuple[float, float]]]  # the indicator truth with the merged institution's values


def _merger(sector: list[Institution], truth: dict, years: list[int], rng: random.Random) -> Merger | None:
    """Seed 002: two merged institutions filed one plan. Here the smallest institution merges into another of its
    kind during the plan period; the merged one reports the pair's student-weighted values (counts: their sum)."""
    if MERGER_YEAR not in years or min(years) >= MERGER_YEAR or len(sector) < 3:
        return None
    absorbed = min(sector, key=lambda i: (i.students, i.code))
    into = rng.choice([i for i in sector if i is not absorbed and i.name.split()[0] == absorbed.name.split()[0]]
                      or [i for i in sector if i is not absorbed])
    place = absorbed.name.removesuffix(" (fictief)").split(" ", 1)[1] if " " in absorbed.name else absorbed.code
    merged = replace(into, name=into.name.replace(" (fictief)", f"-{place} (fictief)"),
                     students=into.students + absorbed.students,
                     news=f"Per 1 januari {MERGER_YEAR} is {absorbed.name} ({absorbed.code}) opgegaan in deze "
                          f"instelling; deze voortgangsrapportage geldt voor beide.")
    share = into.students / merged.students
    merged_truth = {}
    for code, per_institution in truth.items():
        values = dict(per_institution)
        a, b = values.get(into.code), values.get(absorbed.code)
        if a is not None and b is not None:
            summed = code in PER_1000_STUDENTS or code in PUBLISHED_SUMS
            values[into.code] = tuple(x + y if summed else share * x + (1 - share) * y for x, y in zip(a, b))
        values.pop(absorbed.code, None)
        merged_truth[code] = values
    return Merger(MERGER_YEAR, absorbed, into, merged, merged_truth)


def submitted(name: str) -> datetime:
    """When a synthetic filing was delivered: in May or June after its reporting year, before the deadline; a
    correction (`-correctie`) late, in the autumn after it. Spread over days by the institution's code."""
    year = int(name.split("/")[0])
    spread = zlib.crc32(name.split("/")[-1].split("-")[0].encode()) % 55
    if "-correctie" in name:
        return datetime(year + 1, 10, 1, 10, tzinfo=timezone.utc) + timedelta(days=spread % 20)
    return datetime(year + 1, 5, 1, 9, tzinfo=timezone.utc) + timedelta(days=spread, minutes=spread * 7)


def build_sector(institution_count: int = 52, years: tuple[int, ...] = (2024, 2025), seed: int = 2024,
                 cat: Catalogue | None = None) -> dict[str, bytes]:
    """File name -> bytes: the register of known values and every institution's completed filing.

    Over four years the sector also holds a merger (from MERGER_YEAR) and a late correction of a rejected
    RESUBMISSION_YEAR filing (`<year>/<code>-<year>-correctie.xbrl`); see `submitted` for delivery times."""
    given = cat  # a catalogue given for every year; else each year's release's own
    cat = cat or load_catalogue()
    rng = random.Random(seed)
    events = random.Random(f"{seed}:years")  # paces, merger and correction: a stream of their own
    year_list = sorted(years)
    sector = institutions(cat, institution_count, year_list, rng)
    behind = set(events.sample(range(len(sector)), round(SHARE_BEHIND * len(sector))))
    for n, institution in enumerate(sector):
        institution.pace = events.uniform(0.2, 0.7) if n in behind else max(0.5, events.gauss(1.15, 0.2))
    calibrate_budget_shares(sector)
    truth = indicator_truth(cat, sector, year_list, rng)
    merger = _merger(sector, truth, year_list, events)

    def members(year: int) -> tuple[list[Institution], dict]:
        if merger is None or year < merger.year:
            return sector, truth
        return [merger.merged if i is merger.into else i for i in sector if i is not merger.absorbed], merger.truth

    rows = []
    for year in year_list:
        rows += known_register(cat, *members(year), [year])
    files = {"known-values.csv": register_csv(rows).encode("utf-8")}
    register = PrefillRegister.from_rows(rows, cat, "known-values.csv")
    total_students = sum(i.students for i in sector)
    late = RESUBMISSION_YEAR in year_list and max(year_list) > RESUBMISSION_YEAR
    corrected = None
    for content in prefilled_contents(register):
        # each reporting year's filings against that year's release (the latest for a year beyond the releases),
        # with the catalogue as it knows it: 2025 asks the new measure and the first Stagepact measurements
        year = content.report_year
        release = release_for_year(year)
        year_catalogue = given or release.catalogue
        members_now, truth_now = members(year)
        inst = next(i for i in members_now if i.code == content.institution_code)
        original = copy.deepcopy(content)
        complete(content, inst, year_catalogue, truth_now, total_students, rng)
        files[f"{year}/{inst.code}-{year}.xbrl"] = write_instance(content, year_catalogue, release)
        if late and corrected is None and year == RESUBMISSION_YEAR and not inst.accepted(year) \
                and (merger is None or inst not in (merger.into, merger.absorbed)):
            # rejected at the deadline; corrected and delivered again in the autumn
            corrected = replace(inst, defects={**inst.defects, year: set()})
            complete(original, corrected, year_catalogue, truth_now, total_students, events)
            files[f"{year}/{inst.code}-{year}-correctie.xbrl"] = write_instance(original, year_catalogue, release)
    return files


def write_sector(out: Path, **options) -> list[Path]:
    """Write the sector's files, each filing with its delivery time (`submitted`) as modification time, which
    ingest reads as its submission time."""
    files = build_sector(**options)
    written = []
    for name, data in files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        if name.endswith(".xbrl"):
            moment = submitted(name).timestamp()
            os.utime(path, (moment, moment))
        written.append(path)
    return written
