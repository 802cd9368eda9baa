#!/usr/bin/env bash
# The main job on a fresh machine: set up; build the synthetic sector of 52 fictional institutions
# (2024 and 2025, pre-filled then completed, with deliberate defects); check and ingest it into the
# embedded store (./mbo-xbrl.duckdb, or $MBO_XBRL_STORE); print a short summary; write the sector
# report (report/index.html) and each institution's page (report/institutions/) and print where they are.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/mbo-xbrl sample-sector --out sector
status=0
.venv/bin/mbo-xbrl ingest --workers 2 --brief sector || status=$?
# Exit 1 means some filings were rejected: expected, the synthetic sector has deliberate defects.
if [ "$status" -gt 1 ]; then
  exit "$status"
fi
echo "store: ${MBO_XBRL_STORE:-mbo-xbrl.duckdb} (mbo-xbrl export --table indicator_values --out values.csv)"
page=$(.venv/bin/mbo-xbrl report --out report)
echo "sector report: $page (open it in a browser; the tables are beside it as CSV files and an Excel workbook)"
pages=$(.venv/bin/mbo-xbrl report --all-institutions --out report/institutions)
echo "institution pages: $pages (one page per institution: its progress against the sector and its path)"
