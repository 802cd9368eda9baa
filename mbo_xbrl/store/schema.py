"""The store's tables, declared once: columns, types and what each row is. DDL is made per backend.

Tidy tables, one row per observation, columns named for analysts. Every filing-derived table
carries `filing_id`, `institution` and `report_year`, so a table can be read alone; which rows are
current follows from `filings.is_current` (only the latest accepted filing per institution and
year), and the `current_<table>` views hold just those.
"""

from __future__ import annotations

from dataclasses import dataclass

SCHEMA_VERSION = 3  # 2: findings gain location_nl, location_en and caused_by; indicator_values school_year
# 3: filings gain taxonomy_release (the release whose entry point the filing names) and funded (that entry point is
# the funded institutions', not the non-funded ones')

# Abstract column types; each backend names them in its own SQL.
TEXT, INT, FLOAT, BOOL, TIME = "text", "int", "float", "bool", "time"


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[tuple[str, str], ...]
    per_filing: bool = True  # has filing_id, and a current_<name> view

    @property
    def column_names(self) -> list[str]:
        return [name for name, _ in self.columns]


_FILING_KEYS = (("filing_id", TEXT), ("institution", TEXT), ("report_year", INT))
_WHERE = (("concept", TEXT), ("context", TEXT), ("line", INT))
_BREAKDOWNS = (("study_route", TEXT), ("level", TEXT), ("domain", TEXT), ("age", TEXT), ("gender", TEXT),
               ("exam_level", TEXT))

TABLES: tuple[Table, ...] = (
    Table("ingest_runs", "one row per run of `mbo-xbrl ingest`", (
        ("run_id", TEXT), ("started_at", TIME), ("finished_at", TIME), ("status", TEXT), ("host", TEXT),
        ("pid", INT), ("files", INT), ("accepted", INT), ("rejected", INT), ("skipped", INT),
        ("superseded", INT), ("tool_version", TEXT)), per_filing=False),
    Table("filings", "one row per distinct file ingested (by sha256), accepted or rejected", (
        ("filing_id", TEXT), ("sequence", INT), ("institution", TEXT), ("report_year", INT), ("file_name", TEXT),
        ("file_path", TEXT), ("sha256", TEXT), ("size_bytes", INT), ("submitted_at", TIME), ("ingested_at", TIME),
        ("run_id", TEXT), ("status", TEXT), ("is_current", BOOL), ("superseded", BOOL), ("superseded_by", TEXT),
        ("errors", INT), ("warnings", INT), ("institution_name", TEXT), ("progress_narrative", TEXT),
        ("tool_version", TEXT), ("catalogue_version", TEXT), ("taxonomy_release", INT),
        ("funded", BOOL)), per_filing=False),
    Table("indicator_values", "one row per indicator value: start, target or realisation, total or breakdown",
          _FILING_KEYS + (("objective", TEXT), ("indicator", TEXT), ("value_kind", TEXT), ("period_year", INT))
          + _BREAKDOWNS + (("value", FLOAT), ("unit", TEXT), ("decimals", TEXT), ("source", TEXT),
                           ("alternative_source", BOOL), ("prefilled", BOOL)) + _WHERE
          + (("school_year", BOOL),)),
    Table("budgets", "one row per budget amount: level total, objective or measure",
          _FILING_KEYS + (("budget_year", INT), ("level", TEXT), ("objective", TEXT), ("measure", TEXT),
                          ("own_measures", BOOL), ("amount", FLOAT), ("decimals", TEXT)) + _WHERE),
    Table("earmarks", "one row per earmarked amount (objective, year)",
          _FILING_KEYS + (("budget_year", INT), ("objective", TEXT), ("amount", FLOAT)) + _WHERE),
    Table("measures", "one row per apply-or-explain choice",
          _FILING_KEYS + (("objective", TEXT), ("measure", TEXT), ("applied", BOOL), ("explanation", TEXT),
                          ("mandatory", BOOL), ("earmarked", BOOL)) + _WHERE),
    Table("objectives", "one row per objective declaration",
          _FILING_KEYS + (("objective", TEXT), ("works_on", BOOL), ("narrative", TEXT)) + _WHERE),
    Table("own_indicators", "one row per own indicator's definition",
          _FILING_KEYS + (("objective", TEXT), ("own_indicator", TEXT), ("name", TEXT), ("definition", TEXT),
                          ("unit", TEXT), ("direction", TEXT), ("source", TEXT))),
    Table("own_indicator_values", "one row per own indicator value",
          _FILING_KEYS + (("objective", TEXT), ("own_indicator", TEXT), ("value_kind", TEXT), ("period_year", INT),
                          ("value", FLOAT)) + _WHERE),
    Table("alternative_sources", "one row per indicator for which an alternative source is declared",
          _FILING_KEYS + (("indicator", TEXT), ("used", BOOL), ("description", TEXT))),
    Table("findings", "one row per finding of the check, for accepted and rejected filings",
          _FILING_KEYS + (("code", TEXT), ("severity", TEXT), ("message_nl", TEXT), ("message_en", TEXT),
                          ("indicator", TEXT), ("objective", TEXT), ("measure", TEXT), ("args", TEXT)) + _WHERE
          + (("location_nl", TEXT), ("location_en", TEXT), ("caused_by", TEXT))),
)
TABLE_BY_NAME = {t.name: t for t in TABLES}
FILING_TABLES = [t for t in TABLES if t.per_filing]
