#!/usr/bin/env bash
# Set up the project in ./.venv (created if missing): `bash scripts/setup.sh [test]`.
# Needs only Python >= 3.11 with pip and venv; installs the package editable, with the test
# extras when asked.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
target="."
if [ "${1:-}" = "test" ]; then
  target=".[test]"
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$target"
