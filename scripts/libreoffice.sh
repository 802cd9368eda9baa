#!/usr/bin/env bash
# Make sure LibreOffice Calc (headless, Debian's libreoffice-calc-nogui) is installed for the workbook tests:
# they save workbooks with it, as institutions save them with other programs than the one that wrote them.
# Needs root when it must install.
set -euo pipefail
exec bash "$(dirname "$0")/debian-tool.sh" soffice libreoffice-calc-nogui --no-install-recommends
