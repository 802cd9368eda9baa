#!/usr/bin/env bash
# Set up everything the tests need and run the whole suite with pytest. CI runs exactly this.
# It installs the project with its test extras in ./.venv and starts a private PostgreSQL server
# for the store tests (scripts/postgres.sh; installs the server with apt-get when missing), and
# makes sure Debian's Chromium is there for the browser tests (scripts/chromium.sh) and LibreOffice Calc
# for the workbook tests (scripts/libreoffice.sh).
# Extra arguments go to pytest (e.g. `bash scripts/test.sh -k catalogue`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
bash scripts/chromium.sh
bash scripts/libreoffice.sh
if [ -z "${MBO_XBRL_TEST_POSTGRES:-}" ]; then
  MBO_XBRL_TEST_POSTGRES=$(bash scripts/postgres.sh)
  export MBO_XBRL_TEST_POSTGRES
fi
status=0
.venv/bin/python -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
  echo "scripts/test.sh: pytest collected no tests; that is a failure" >&2
  exit 1
fi
exit "$status"
