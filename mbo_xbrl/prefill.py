"""The pre-fill register: the values OCW knows and pre-fills, as a CSV (see docs/prefill.md).

Columns: institution, report_year, item, code, value_kind, year, breakdown, value

* item `indicator`: code = indicator code (I1.2.01), value_kind = start / target / realisation,
  year = the year the value describes, breakdown = `level=2;study_route=BOL` or empty for the total;
* item `earmark`: code = objective (1.3), year = budget year, value in euro;
* item `institution_name`: value = the institution's name.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from mbo_xbrl.catalogue import Catalogue, load_catalogue
from mbo_xbrl.errors import MboXbrlError

COLUMNS = ["institution", "report_year", "item", "code", "value_kind", "year", "breakdown", "value"]
ITEMS = ("indicator", "earmark", "institution_name")


class PrefillError(MboXbrlError):
    """The pre-fill register cannot be read."""


@dataclass(frozen=True)
class PrefilledValue:
    institution: str
    report_year: int
    item: str
    code: str
    value_kind: str
    year: int | None
    breakdown: tuple[tuple[str, str], ...]
    value: str
    line: int

    @property
    def key(self) -> tuple:
        return (self.item, self.code, self.value_kind, self.year, self.breakdown)


def parse_breakdown(text: str) -> tuple[tuple[str, str], ...]:
    parts = [p for p in (text or "").split(";") if p.strip()]
    pairs = []
    for part in parts:
        code, _, member = part.partition("=")
        pairs.append((code.strip(), member.strip()))
    return tuple(sorted(pairs))


def format_breakdown(breakdown: tuple[tuple[str, str], ...]) -> str:
    return ";".join(f"{code}={member}" for code, member in breakdown)


class PrefillRegister:
    """Pre-filled values by institution and reporting year."""

    def __init__(self, values: list[PrefilledValue], source: str) -> None:
        self.values = values
        self.source = source

    def for_filing(self, institution: str | None, report_year: int | None) -> list[PrefilledValue]:
        return [v for v in self.values if v.institution == institution and v.report_year == report_year]

    @classmethod
    def read(cls, path: Path, catalogue: Catalogue | None = None) -> PrefillRegister:
        cat = catalogue or load_catalogue()
        try:
            with open(path, encoding="utf-8", newline="") as handle:
                reader = csv.DictReader(handle)
                missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
                if missing:
                    raise PrefillError(f"{path}: pre-fill register lacks column(s) {', '.join(missing)}")
                values = [_row(row, reader.line_num, cat, path) for row in reader]
        except (OSError, UnicodeDecodeError, csv.Error) as err:
            raise PrefillError(f"{path}: cannot read the pre-fill register: {err}") from err
        return cls(values, str(path))

    @classmethod
    def from_rows(cls, rows: list[dict[str, str]], catalogue: Catalogue | None = None,
                  source: str = "register") -> PrefillRegister:
        """A register from rows with the CSV's columns, validated exactly as read() validates a file."""
        cat = catalogue or load_catalogue()
        return cls([_row(row, line, cat, Path(source)) for line, row in enumerate(rows, start=2)], source)


def _row(row: dict[str, str], line: int, cat: Catalogue, path: Path) -> PrefilledValue:
    def fail(why: str) -> PrefillError:
        return PrefillError(f"{path}, line {line}: {why}")

    item = (row["item"] or "").strip()
    if item not in ITEMS:
        raise fail(f"item must be one of {', '.join(ITEMS)}, not {item!r}")
    code = (row["code"] or "").strip()
    if item == "indicator" and code not in cat.indicator_by_code:
        raise fail(f"unknown indicator {code!r}")
    if item == "earmark" and code not in cat.objective_by_code:
        raise fail(f"unknown objective {code!r}")
    kind = (row["value_kind"] or "").strip()
    if item == "indicator" and kind not in ("start", "target", "realisation"):
        raise fail(f"value_kind must be start, target or realisation, not {kind!r}")
    try:
        report_year = int(row["report_year"])
        year = int(row["year"]) if (row["year"] or "").strip() else None
    except ValueError as err:
        raise fail(f"a year is not a whole number: {err}") from err
    value = (row["value"] or "").strip()
    if item != "institution_name":
        try:
            Decimal(value)
        except InvalidOperation as err:
            raise fail(f"value {value!r} is not a number") from err
    breakdown = parse_breakdown(row["breakdown"] or "")
    for b_code, member in breakdown:
        known = cat.breakdown_by_code.get(b_code)
        if known is None or member not in {m.code for m in known.members}:
            raise fail(f"unknown breakdown {b_code}={member}")
    return PrefilledValue((row["institution"] or "").strip(), report_year, item, code, kind if item == "indicator" else "",
                          year, breakdown, value, line)


def register_rows(content, catalogue: Catalogue | None = None) -> list[dict[str, str]]:
    """The register rows of what OCW pre-fills in a filing's content.

    Start values of indicators whose source OCW holds (total and breakdowns), earmarked amounts,
    and the institution's name. `content` is a `mbo_xbrl.filing.model.FilingContent`.
    """
    cat = catalogue or load_catalogue()
    base = {"institution": content.institution_code, "report_year": str(content.report_year)}
    rows = [base | {"item": "institution_name", "code": "", "value_kind": "", "year": "", "breakdown": "",
                    "value": content.institution_name}]
    for value in content.indicator_values:
        indicator = cat.indicator_by_code[value.indicator]
        if value.kind == "start" and cat.is_prefilled(indicator):
            rows.append(base | {"item": "indicator", "code": value.indicator, "value_kind": "start",
                                "year": str(value.year), "breakdown": format_breakdown(tuple(sorted(value.breakdown.items()))),
                                "value": str(value.value)})
    for earmark in content.earmarks:
        rows.append(base | {"item": "earmark", "code": earmark.objective, "value_kind": "", "year": str(earmark.year),
                            "breakdown": "", "value": str(earmark.amount)})
    return rows


def register_csv(rows: list[dict[str, str]]) -> str:
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def prefilled_contents(register: PrefillRegister, year: int | None = None) -> list:
    """The filings OCW sends out: per institution and reporting year, the values it knows.

    Identity, reporting year, pre-filled indicator values (with their breakdowns) and earmarks;
    everything else is for the institution to complete. Returns `FilingContent`s in register order.
    """
    from mbo_xbrl.filing.model import Earmark, FilingContent, IndicatorValue

    contents: dict[tuple[str, int], FilingContent] = {}
    for value in register.values:
        if year is not None and value.report_year != year:
            continue
        key = (value.institution, value.report_year)
        content = contents.setdefault(key, FilingContent(institution_code=value.institution,
                                                          institution_name=value.institution,
                                                          report_year=value.report_year))
        if value.item == "institution_name":
            content.institution_name = value.value
        elif value.item == "indicator":
            content.indicator_values.append(IndicatorValue(indicator=value.code, kind=value.value_kind,
                                                           year=value.year, value=Decimal(value.value),
                                                           breakdown=dict(value.breakdown)))
        elif value.item == "earmark":
            content.earmarks.append(Earmark(year=value.year, objective=value.code, amount=Decimal(value.value)))
    return list(contents.values())
