#!/usr/bin/env bash
# The main job on a fresh machine: set up, then check the sample filings and print the verdicts.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/mbo-xbrl check samples/valid/*.xbrl
