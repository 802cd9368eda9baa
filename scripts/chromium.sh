#!/usr/bin/env bash
# Make sure Debian's Chromium is installed for the browser tests (Playwright drives it through its
# executable_path; no browser is downloaded from elsewhere). Needs root when it must install.
set -euo pipefail
exec bash "$(dirname "$0")/debian-tool.sh" chromium chromium
