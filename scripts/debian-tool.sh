#!/usr/bin/env bash
# Make sure a command from a Debian package is there: `bash scripts/debian-tool.sh COMMAND PACKAGE [APT-OPTION...]`.
# Installs the package with apt-get when the command is missing, which needs root; says so when it cannot.
set -euo pipefail
command_name=$1 package=$2
shift 2
if command -v "$command_name" >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "scripts/debian-tool.sh: $command_name is missing and installing it needs root (apt-get install $package)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq "$@" "$package" >/dev/null
command -v "$command_name" >/dev/null
