#!/usr/bin/env bash
# The main job on a fresh machine: set up, check the sample filings and print the verdicts, then
# ingest them into the embedded store (./mbo-xbrl.duckdb, or $MBO_XBRL_STORE) and print the summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/mbo-xbrl check samples/valid/*.xbrl
.venv/bin/mbo-xbrl ingest samples/valid
