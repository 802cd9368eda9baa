#!/usr/bin/env bash
# Make sure LibreOffice Calc (headless, Debian's libreoffice-calc-nogui) is installed for the workbook tests:
# they save workbooks with it, as institutions save them with other programs than the one that wrote them.
# Needs root when it must install.
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "scripts/libreoffice.sh: soffice is missing and installing it needs root (apt-get install libreoffice-calc-nogui)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
command -v soffice >/dev/null
