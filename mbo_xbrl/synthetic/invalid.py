"""The failing samples: one per rule, each the valid sample 99XB with one deliberate defect.

Every file opens with a comment saying why it fails. Budgets are rebalanced after a change, so a
sample shows its own rule's finding and not a cascade. Run `python -m mbo_xbrl.synthetic.invalid`
to rewrite `samples/invalid/` (and `samples/prefill-register.csv`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import click

from mbo_xbrl.catalogue import Catalogue, load_catalogue
from mbo_xbrl.filing.model import BudgetLine, FilingContent
from mbo_xbrl.filing.writer import write_instance
from mbo_xbrl.generated import write_or_check
from mbo_xbrl.prefill import register_csv, register_rows
from mbo_xbrl.synthetic.samples import delta, veen
from mbo_xbrl.synthetic.workbooks import filled_workbook, with_cells, with_macros

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
REGISTER = "prefill-register.csv"


@dataclass(frozen=True)
class FailingSample:
    code: str
    why: str
    build: Callable[[Catalogue], bytes]
    options: dict[str, object] = field(default_factory=dict)  # options: max_bytes, timeout, prefill_register
    suffix: str = ".xbrl"  # a workbook's sample: .xlsx (or .xlsm)

    @property
    def file_name(self) -> str:
        from mbo_xbrl.rules.registry import get

        return f"{self.code}-{get(self.code).name}{self.suffix}"


def _base(cat: Catalogue) -> FilingContent:
    return veen(cat)


def _xml(content: FilingContent, cat: Catalogue) -> bytes:
    return write_instance(content, cat)


def rebalance(content: FilingContent) -> None:
    """Make objective totals the sum of their measures and year totals the sum of objectives."""
    for line in content.budgets:
        if line.objective and not line.measure:
            parts = [b.amount for b in content.budgets
                     if b.year == line.year and b.objective == line.objective and b.measure]
            if parts:
                line.amount = sum(parts, Decimal(0))
    for line in content.budgets:
        if not line.objective:
            line.amount = sum((b.amount for b in content.budgets
                               if b.year == line.year and b.objective and not b.measure), Decimal(0))


def _content(change: Callable[[FilingContent], None]) -> Callable[[Catalogue], bytes]:
    def build(cat: Catalogue) -> bytes:
        content = _base(cat)
        change(content)
        return _xml(content, cat)
    return build


def _text(change: Callable[[str], str]) -> Callable[[Catalogue], bytes]:
    def build(cat: Catalogue) -> bytes:
        text = _xml(_base(cat), cat).decode("utf-8")
        changed = change(text)
        assert changed != text, "the defect was not applied"
        return changed.encode("utf-8")
    return build


def _value(content: FilingContent, indicator: str, kind: str):
    return next(v for v in content.indicator_values if v.indicator == indicator and v.kind == kind and not v.breakdown)


def _drop_value(indicator: str, kind: str) -> Callable[[FilingContent], None]:
    def change(c: FilingContent) -> None:
        c.indicator_values.remove(_value(c, indicator, kind))
    return change


def _drop_measure_budget(measure: str) -> Callable[[FilingContent], None]:
    def change(c: FilingContent) -> None:
        c.budgets[:] = [b for b in c.budgets if b.measure != measure]
        rebalance(c)
    return change


def _own(c: FilingContent, code: str):
    return next(o for o in c.own_indicators if o.code == code)


def _s001(cat: Catalogue) -> bytes:
    data = _xml(_base(cat), cat)
    return data[: len(data) // 2]  # cut off in the middle, as an interrupted upload is


def _s002(cat: Catalogue) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="nl">'
            "<head><title>Jaarverslag 2024</title></head><body><p>Voortgangsparagraaf</p></body></html>\n").encode()


def _s005(text: str) -> str:
    declaration, rest = text.split("\n", 1)
    return (declaration + '\n<!DOCTYPE xbrli:xbrl [\n  <!ENTITY naam "Vakcollege Verzonnen Veen">\n]>\n' + rest)


def _s010(text: str) -> str:
    start = text.index("<mbo-i:ObjectiveNarrative ")
    end = text.index("</mbo-i:ObjectiveNarrative>", start) + len("</mbo-i:ObjectiveNarrative>")
    element = text[start:end]
    context = element.split('contextRef="')[1].split('"')[0]
    nil = (f'<mbo-i:ObjectiveNarrative xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           f'contextRef="{context}" xsi:nil="true"/>')
    return text[:start] + nil + text[end:]


def _s011(text: str) -> str:
    unused = ('<xbrli:context id="Y2023"><xbrli:entity><xbrli:identifier scheme="https://duo.nl/brin">99XB'
              "</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>2023-01-01</xbrli:startDate>"
              "<xbrli:endDate>2023-12-31</xbrli:endDate></xbrli:period></xbrli:context>\n  ")
    position = text.index("<xbrli:context ")
    return text[:position] + unused + text[position:]


def _s012(text: str) -> str:
    start = text.index("<mbo-i:InstitutionName ")
    end = text.index("\n", start)
    duplicate = text[start:end].replace("Vakcollege Verzonnen Veen (fictief)", "Vakcollege Verzonnen Veen")
    duplicate = re.sub(r' id="[^"]*"', "", duplicate)  # a second fact, not a second id
    return text[:end] + "\n  " + duplicate + text[end:]


def _s013(text: str) -> str:
    marker = '<xbrli:context id="Y2024_EqualTreatment">'
    start = text.index(marker)
    end = text.index("</xbrli:context>", start)
    return text[:start] + text[start:end].replace(">99XB<", ">99XC<") + text[end:]


def _s008(text: str) -> str:
    root = text.index("<xbrli:xbrl ")
    extra = " ".join(f'field{n}="{n}"' for n in range(600))  # a generator that wrote its form fields as attributes
    return text[:root] + "<xbrli:xbrl " + extra + " " + text[root + len("<xbrli:xbrl "):]


def _v004(c: FilingContent) -> None:
    line = next(b for b in c.budgets if b.year == 2025 and b.measure == "M2.2.01")
    line.amount *= 1_000_000  # six zeros too many
    rebalance(c)


def _b001(c: FilingContent) -> None:
    c.budgets[:] = [b for b in c.budgets if not (b.year == 2026 and b.objective == "1.2" and not b.measure)]
    rebalance(c)


def _b002(c: FilingContent) -> None:
    line = next(b for b in c.budgets if b.year == 2025 and b.measure == "M2.2.01")
    line.amount += 25_000


def _b003(c: FilingContent) -> None:
    total = next(b for b in c.budgets if b.year == 2025 and b.objective == "3.3" and not b.measure)
    earmark = next(e for e in c.earmarks if e.year == 2025 and e.objective == "3.3")
    earmark.amount = total.amount + 100_000


def _b004(c: FilingContent) -> None:
    c.budgets.append(BudgetLine(year=2024, objective="1.3", measure="M1.3.03", amount=Decimal(50_000)))
    rebalance(c)


def _b005(c: FilingContent) -> None:
    line = next(b for b in c.budgets if b.year == 2024 and b.measure == "own" and b.objective == "1.1")
    line.amount = Decimal(-40_000)
    rebalance(c)


def _m001(c: FilingContent) -> None:
    choice = next(m for m in c.measures if m.measure == "M2.2.02")
    choice.applied, choice.explanation = False, "Studenten kunnen al melden bij de vertrouwenspersoon."
    _drop_measure_budget("M2.2.02")(c)


def _v002(c: FilingContent) -> None:
    start, target = _value(c, "I2.2.01", "start"), _value(c, "I2.2.01", "target")
    start.value, target.value = target.value, start.value


def _cells(cells: dict[tuple[str, str], object]) -> Callable[[Catalogue], bytes]:
    """99XB's filled-in workbook with cells set as a user sets them."""
    def build(cat: Catalogue) -> bytes:
        return with_cells(filled_workbook(cat), cells)
    return build


FAILING: list[FailingSample] = [
    FailingSample("MBO-S001", "the file is cut off halfway, as an interrupted upload is", _s001),
    FailingSample("MBO-S002", "an XHTML annual-report page instead of the XBRL instance", _s002),
    FailingSample("MBO-S003", "the schemaRef points to a KvK (NT) entry point, not the mbo taxonomy", _text(
        lambda t: t.replace("https://taxonomie.mbo-xbrl.nl/2024/entrypoints/mbo-vgr-2024.xsd",
                            "http://www.nltaxonomie.nl/nt20/kvk/20251211/entrypoints/kvk-rpt-jaarverantwoording-2025-nlgaap-micro.xsd"))),
    FailingSample("MBO-S004", "MeasureApplied holds 'ja' instead of a boolean", _text(
        lambda t: re.sub(r'(contextRef="Y2024_CareerGuidance"[^>]*>)true<', r"\g<1>ja<", t, count=1))),
    FailingSample("MBO-S005", "a DOCTYPE with an entity declaration", _text(_s005)),
    FailingSample("MBO-S006", "a full filing checked with a size limit of 100,000 bytes", lambda cat: _xml(_base(cat), cat),
                  {"max_bytes": 100_000}),
    FailingSample("MBO-S007", "a full filing checked with a time limit of a thousandth of a second",
                  lambda cat: _xml(_base(cat), cat), {"timeout": 0.001}),
    FailingSample("MBO-S008", "the root element carries 600 attributes, over the limit of 500", _text(_s008)),
    FailingSample("MBO-S010", "an objective narrative marked xsi:nil instead of left out", _text(_s010)),
    FailingSample("MBO-S011", "a context for 2023 that no fact uses", _text(_s011)),
    FailingSample("MBO-S012", "InstitutionName reported twice with different values", _text(_s012)),
    FailingSample("MBO-S013", "one context names institution 99XC instead of 99XB", _text(_s013)),
    FailingSample("MBO-S014", "the realisation of own indicator EI-01 is dated 2025, not the reporting year 2024",
                  _content(lambda c: setattr(_own(c, "EI-01"), "values",
                                             [("realisation", 2025, v) if k == "realisation" else (k, y, v)
                                              for k, y, v in _own(c, "EI-01").values]))),
    FailingSample("MBO-S015", "99XB's filing on 2025 names the entry point of the 2024 release, not 2025's",
                  lambda cat: write_instance(veen(cat, 2025), cat)),
    FailingSample("MBO-C001", "the 2027 target of indicator I1.3.01 is missing", _content(_drop_value("I1.3.01", "target"))),
    FailingSample("MBO-C002", "the start value of indicator I1.3.01 is missing", _content(_drop_value("I1.3.01", "start"))),
    FailingSample("MBO-C003", "the 2024 realisation of indicator I1.3.01 (DUO, yearly) is missing",
                  _content(_drop_value("I1.3.01", "realisation"))),
    FailingSample("MBO-C004", "own indicator EI-02 has no direction", _content(lambda c: setattr(_own(c, "EI-02"), "direction", None))),
    FailingSample("MBO-C005", "an alternative source for I3.1.01 without its description", _content(
        lambda c: setattr(next(a for a in c.alternative_sources if a.indicator == "I3.1.01"), "description", None))),
    FailingSample("MBO-C006", "no WorksOnObjective declaration for objective 1.1", _content(
        lambda c: c.objectives.remove(next(o for o in c.objectives if o.objective == "1.1")))),
    FailingSample("MBO-B001", "no budget for objective 1.2 in 2026", _content(_b001)),
    FailingSample("MBO-B002", "the 2025 budget of measure M2.2.01 is 25,000 more than objective 2.2 adds up to", _content(_b002)),
    FailingSample("MBO-B003", "the 2025 earmark of objective 3.3 exceeds its budget", _content(_b003)),
    FailingSample("MBO-B004", "budget for measure M1.3.03, which the institution explains away", _content(_b004)),
    FailingSample("MBO-B005", "a negative 2024 budget for the own measures of objective 1.1", _content(_b005)),
    FailingSample("MBO-M001", "mandatory measure M2.2.02 (reporting internship discrimination) not applied", _content(_m001)),
    FailingSample("MBO-M002", "measure M1.1.01 not applied and not explained", _content(
        lambda c: setattr(next(m for m in c.measures if m.measure == "M1.1.01"), "explanation", None))),
    FailingSample("MBO-M003", "no apply-or-explain choice for measure M1.2.01", _content(
        lambda c: c.measures.remove(next(m for m in c.measures if m.measure == "M1.2.01")))),
    FailingSample("MBO-M004", "measure M1.2.02 is applied but has no budget in any year", _content(_drop_measure_budget("M1.2.02"))),
    FailingSample("MBO-V001", "a realisation of 120% for indicator I1.2.04", _content(
        lambda c: setattr(_value(c, "I1.2.04", "realisation"), "value", Decimal("120.0")))),
    FailingSample("MBO-V002", "start and target of I2.2.01 (higher is better) swapped", _content(_v002)),
    FailingSample("MBO-V004", "the 2025 budget of measure M2.2.01 typed with six zeros too many (over a billion euro)",
                  _content(_v004)),
    FailingSample("MBO-V003", "the start value of I1.3.01 that OCW pre-filled was changed", _content(
        lambda c: setattr(_value(c, "I1.3.01", "start"), "value", _value(c, "I1.3.01", "start").value + 1)),
        {"prefill_register": REGISTER}),
    FailingSample("MBO-W001", "99XB's workbook saved with macros (.xlsm)", lambda cat: with_macros(filled_workbook(cat)),
                  suffix=".xlsm"),
    FailingSample("MBO-W002", "'12,5%' typed as text in a number cell (realisation of I1.2.01, bol)",
                  _cells({("07 Doel 1.2 indicatoren", "E7"): "12,5%"}), suffix=".xlsx"),
    FailingSample("MBO-W003", "the start value of I1.3.01 that OCW pre-filled was pasted over with 5.2",
                  _cells({("11 Doel 1.3 indicatoren", "B6"): 5.2}), suffix=".xlsx"),
    FailingSample("MBO-W004", "sheet 42 was copied from institution 99XA's workbook",
                  _cells({("42 Doel 3.3 indicatoren", "A2"): "Instelling 99XA · verslagjaar 2024 · taxonomie 2024"}),
                  suffix=".xlsx"),
    FailingSample("MBO-W005", "a formula (=E6-1) saved by a program that does not calculate, so without its result",
                  _cells({("07 Doel 1.2 indicatoren", "E8"): "=E6-1"}), suffix=".xlsx"),
]


def _commented(data: bytes, sample: FailingSample) -> bytes:
    """The sample with a comment saying why it fails, after the XML declaration (a workbook: as it is)."""
    if sample.suffix != ".xbrl":
        return data
    comment = f"<!-- {sample.code}: {sample.why}. -->\n".encode()
    if data.startswith(b"<?xml"):
        end = data.index(b"?>") + 2
        return data[:end] + b"\n" + comment + data[end:].lstrip(b"\n")
    return comment + data


def failing_files(cat: Catalogue | None = None) -> dict[str, bytes]:
    """Path under samples/ -> bytes, for every failing sample and the pre-fill register."""
    cat = cat or load_catalogue()
    files = {f"invalid/{s.file_name}": _commented(s.build(cat), s) for s in FAILING}
    rows = register_rows(delta(cat), cat) + register_rows(veen(cat), cat)
    files[REGISTER] = register_csv(rows).encode("utf-8")
    return files


@click.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=SAMPLES, show_default=True)
@click.option("--check", is_flag=True, help="Only report stale files (exit 1 if any).")
def main(out: Path, check: bool) -> None:
    """Write (or verify) the failing samples and the sample pre-fill register."""
    write_or_check(failing_files(), out, check)


if __name__ == "__main__":
    main()
