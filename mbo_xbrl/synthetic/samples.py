"""The valid sample filings: two fictional institutions that differ in their choices.

* 99XA "ROC Denkbeeldige Delta (fictief)" works on every objective, applies every measure, and
  reports every breakdown of every indicator.
* 99XB "Vakcollege Verzonnen Veen (fictief)" leaves three objectives out, explains measures away,
  adds own indicators and uses an alternative source where it did not take part in the JOB-monitor;
  it files for 2024 and, against the 2025 release, for 2025.
* 99XN "Particuliere Vakschool Noorderlicht (fictief)" is a non-funded institution: its own entry
  point, only the indicators seed 003 names for it.

Together they use every concept, axis and member of the taxonomy (a test proves it).
Run `python -m mbo_xbrl.synthetic.samples` to rewrite `samples/valid/`.
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import click

from mbo_xbrl.catalogue import Catalogue, load_catalogue
from mbo_xbrl.filing.model import (
    AlternativeSource,
    BudgetLine,
    Earmark,
    FilingContent,
    IndicatorValue,
    MeasureChoice,
    ObjectiveChoice,
    OwnIndicator,
)
from mbo_xbrl.generated import write_or_check
from mbo_xbrl.synthetic.values import realisation, start_and_target

REPORT_YEAR = 2024
# Share of the quality funds per objective, after seed 002 fig. 2.2 (1.3 ~18%, 3.3 ~21%, 3.4 ~7%).
BUDGET_SHARES = {"1.1": 4, "1.2": 9, "1.3": 18, "1.4": 7, "1.5": 3, "2.1": 6, "2.2": 10, "2.3": 5,
                 "3.1": 7, "3.2": 3, "3.3": 21, "3.4": 7}
EARMARK_SHARE = Decimal("0.8")


def _indicator_values(cat: Catalogue, objectives: set[str], rng: random.Random, students: float,
                      with_breakdowns: bool, year: int = REPORT_YEAR) -> list[IndicatorValue]:
    values: list[IndicatorValue] = []
    for ind in cat.indicators:
        if ind.objective not in objectives:
            continue
        start, target = start_and_target(cat, ind, rng, students)
        delivered = year in cat.frequency_by_code[ind.frequency].delivery_years
        real = realisation(cat, ind, start, target, 0.3, rng) if delivered else None
        measured = cat.is_measured(ind)  # an indicator still to be developed has no start value yet
        if measured:
            values.append(IndicatorValue(indicator=ind.code, kind="start", year=ind.start_year, value=start))
        values.append(IndicatorValue(indicator=ind.code, kind="target", year=cat.target_year, value=target))
        if real is not None:
            values.append(IndicatorValue(indicator=ind.code, kind="realisation", year=year, value=real))
        if not with_breakdowns:
            continue
        for code in ind.breakdowns:
            for member in cat.breakdown_by_code[code].members:
                part_start, _ = start_and_target(cat, ind, rng, students / len(cat.breakdown_by_code[code].members))
                if measured:
                    values.append(IndicatorValue(indicator=ind.code, kind="start", year=ind.start_year,
                                                 value=part_start, breakdown={code: member.code}))
                if real is not None:
                    part_real = realisation(cat, ind, part_start, part_start, 0, rng)
                    values.append(IndicatorValue(indicator=ind.code, kind="realisation", year=year,
                                                 value=part_real, breakdown={code: member.code}))
    return values


def _budgets(cat: Catalogue, yearly_total: int, applied: dict[str, list[str]], own: set[str],
             ) -> tuple[list[BudgetLine], list[Earmark]]:
    """Budgets that add up exactly: measures -> objective -> year total; earmarks under budget."""
    lines: list[BudgetLine] = []
    earmarks: list[Earmark] = []
    weight = sum(BUDGET_SHARES[o] for o in applied)
    for year_index, year in enumerate(cat.plan_years):
        growth = Decimal(100 + 2 * year_index) / 100
        year_total = Decimal(0)
        for objective, measures in applied.items():
            objective_budget = Decimal(yearly_total) * BUDGET_SHARES[objective] / weight * growth
            parts = measures + (["own"] if objective in own else [])
            each = (objective_budget / len(parts) / 1000).quantize(Decimal(1)) * 1000
            for measure in parts:
                lines.append(BudgetLine(year=year, objective=objective, measure=measure, amount=each))
            objective_total = each * len(parts)
            lines.append(BudgetLine(year=year, objective=objective, amount=objective_total))
            year_total += objective_total
            if cat.is_earmarked(objective):
                earmark = (objective_total * EARMARK_SHARE / 1000).quantize(Decimal(1)) * 1000
                earmarks.append(Earmark(year=year, objective=objective, amount=earmark))
        lines.append(BudgetLine(year=year, amount=year_total))
    return lines, earmarks


def delta(cat: Catalogue, year: int = REPORT_YEAR) -> FilingContent:
    """99XA: works on every objective, applies every measure, every breakdown (a 2024 filing)."""
    rng = random.Random(year * 100 + 1)
    objectives = [o.code for o in cat.objectives]
    applied = {o: [m.code for m in cat.measures_of(o)] for o in objectives}
    budgets, earmarks = _budgets(cat, 21_000_000, applied, own=set(objectives))
    return FilingContent(
        institution_code="99XA",
        institution_name="ROC Denkbeeldige Delta (fictief)",
        report_year=REPORT_YEAR,
        narrative=("In 2024 is de kwaliteitsagenda in alle teams gestart. De nadruk lag op begeleiding van "
                   "niveau 2-studenten, stagebegeleiding en het carrièreperspectief van docenten."),
        objectives=[ObjectiveChoice(objective=o, works_on=True,
                                    narrative=f"Doelstelling {o}: de maatregelen lopen volgens plan.")
                    for o in objectives],
        measures=[MeasureChoice(measure=m.code, applied=True) for m in cat.measures],
        indicator_values=_indicator_values(cat, set(objectives), rng, students=14_000, with_breakdowns=True),
        budgets=budgets,
        earmarks=earmarks,
    )


def veen(cat: Catalogue, year: int = REPORT_YEAR) -> FilingContent:
    """99XB: leaves objectives out, explains measures away, own indicators, an alternative source.

    For 2025 (against the 2025 release) it files again: the workload measure it explained away in 2024
    now runs, and it reports the first measurement of the new Stagepact indicators."""
    rng = random.Random(year * 100 + 2)
    left_out = {"1.5", "2.3", "3.2"}
    explained_away = {
        "M1.1.01": "De gemeente geeft al een regionale studentenpas uit die onze studenten gebruiken.",
        "M1.3.03": "De klassen zijn met gemiddeld 16 studenten al klein; het geld gaat naar extra coaches.",
        "M2.2.03": "Stagematching loopt via het regionale leerbedrijvenplatform; geen eigen maatregel nodig.",
    }
    if year == 2024:
        explained_away["M3.3.02"] = "Werkdruk wordt in 2024 eerst onderzocht; maatregelen volgen in 2025."
    objectives = [o.code for o in cat.objectives if o.code not in left_out]
    measures = [m for m in cat.measures if m.objective not in left_out]
    applied = {o: [m.code for m in measures if m.objective == o and m.code not in explained_away]
               for o in objectives}
    budgets, earmarks = _budgets(cat, 6_500_000, applied, own={"1.1", "2.2"})
    own_indicators = [
        OwnIndicator(
            code="EI-01", objective="1.1", name="Studenten die zich gelijkwaardig behandeld voelen",
            definition="Percentage studenten dat in de eigen studentenenquête aangeeft zich gelijkwaardig "
                       "behandeld te voelen door docenten en medestudenten.",
            unit="percentage", direction="higher", source="Eigen studentenenquête, jaarlijks, respons 41%",
            values=[("start", 2023, Decimal("71.0")), ("target", 2027, Decimal("80.0")),
                    ("realisation", year, {2024: Decimal("73.5")}.get(year, Decimal("75.0")))]),
        OwnIndicator(
            code="EI-02", objective="2.2", name="Gemelde gevallen van stagediscriminatie",
            definition="Aantal meldingen van stagediscriminatie bij het eigen meldpunt per kalenderjaar.",
            unit="count", direction="lower", source="Registratie van het eigen meldpunt stagediscriminatie",
            values=[("start", 2023, Decimal("14")), ("target", 2027, Decimal("6"))]),
    ]
    alternative = [
        AlternativeSource(indicator=code, description=(
            "Eigen studentenenquête (voorjaar, alle bol- en bbl-studenten, respons 38%), omdat de instelling "
            "in 2022 niet aan de JOB-monitor deelnam; vraagstelling gelijk aan de JOB-monitor."))
        for code in ("I1.2.01", "I3.1.01")]
    return FilingContent(
        institution_code="99XB",
        institution_name="Vakcollege Verzonnen Veen (fictief)",
        report_year=year,
        narrative=("Wij kiezen bewust voor minder doelstellingen en zetten de middelen vooral in op "
                   "begeleiding, stages en het werken in het mbo."),
        objectives=[ObjectiveChoice(objective=o.code, works_on=o.code not in left_out,
                                    narrative=("Wij werken hier niet aan: de instelling heeft geen aanbod voor "
                                               "deze doelgroep en kiest voor focus.") if o.code in left_out else None)
                    for o in cat.objectives],
        measures=[MeasureChoice(measure=m.code, applied=m.code not in explained_away,
                                explanation=explained_away.get(m.code)) for m in measures],
        indicator_values=_indicator_values(cat, set(objectives), rng, students=4_500, with_breakdowns=False, year=year),
        own_indicators=own_indicators,
        alternative_sources=alternative,
        budgets=budgets,
        earmarks=earmarks,
    )


def noord(cat: Catalogue, year: int = REPORT_YEAR) -> FilingContent:
    """99XN: a non-funded institution (seed 003): only the indicators asked of it, no targets, budgets or measures;
    it did not take part in the JOB monitor for its start values, so one indicator comes from its own quality system.

    `cat` is the catalogue as a non-funded filing knows it (`Catalogue.for_non_funded`)."""
    rng = random.Random(year * 100 + 14)
    values = []
    for ind in cat.indicators:
        start, _ = start_and_target(cat, ind, rng, 900)
        values.append(IndicatorValue(indicator=ind.code, kind="start", year=ind.start_year, value=start))
        if year in cat.frequency_by_code[ind.frequency].delivery_years:
            values.append(IndicatorValue(indicator=ind.code, kind="realisation", year=year,
                                         value=realisation(cat, ind, start, start, 0.3, rng)))
    return FilingContent(
        institution_code="99XN",
        institution_name="Particuliere Vakschool Noorderlicht (fictief)",
        report_year=year,
        narrative=("Als niet-bekostigde instelling rapporteren wij de tevredenheid van onze studenten en de "
                   "resultaten in Nederlands, rekenen en burgerschap."),
        indicator_values=values,
        alternative_sources=[AlternativeSource(indicator="I1.2.01", description=(
            "Eigen kwaliteitssysteem: de jaarlijkse studentenenquête (alle voltijdstudenten, respons 52%); de "
            "instelling nam niet deel aan de JOB-monitor. Niet vergelijkbaar met het bekostigd mbo."))],
    )


# file name -> (how the filing is made, its reporting year = the taxonomy release it is made against, funded)
SAMPLES = {"99XA-2024.xbrl": (delta, 2024, True), "99XB-2024.xbrl": (veen, 2024, True),
           "99XB-2025.xbrl": (veen, 2025, True), "99XN-2024.xbrl": (noord, 2024, False)}


def sample_files() -> dict[str, bytes]:
    """File name -> instance bytes of every valid sample, each against the release of its reporting year and the
    entry point of its kind of institution."""
    from mbo_xbrl.filing.writer import write_instance
    from mbo_xbrl.taxonomy.releases import RELEASES

    out = {}
    for name, (build, year, funded) in SAMPLES.items():
        release = RELEASES[year]
        entry_point = release.funded if funded else release.non_funded
        out[name] = write_instance(build(entry_point.catalogue, year), entry_point.catalogue, release, entry_point)
    return out


SAMPLES_DIR = Path(__file__).resolve().parents[2] / "samples" / "valid"


@click.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=SAMPLES_DIR, show_default=True)
@click.option("--check", is_flag=True, help="Only report whether the committed samples are stale (exit 1 if so).")
def main(out: Path, check: bool) -> None:
    """Write (or verify) the valid sample filings."""
    write_or_check(sample_files(), out, check)


if __name__ == "__main__":
    main()
