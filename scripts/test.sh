#!/usr/bin/env bash
# Set up everything the tests need and run the whole suite with pytest. CI runs exactly this.
# Extra arguments go to pytest (e.g. `bash scripts/test.sh -k catalogue`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
status=0
.venv/bin/python -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
  echo "scripts/test.sh: pytest collected no tests; that is a failure" >&2
  exit 1
fi
exit "$status"
