#!/usr/bin/env bash
# Start (or reuse) a private PostgreSQL server for the store tests and print its URL on stdout.
# Installs Debian's postgresql package when the server is missing (needs root, as on CI).
# The cluster lives in $MBO_XBRL_PG_DIR (default /tmp/mbo-xbrl-pg), listens on 127.0.0.1 only,
# port $MBO_XBRL_PG_PORT (default 54329), trust authentication for the local test user.
set -euo pipefail
dir=${MBO_XBRL_PG_DIR:-/tmp/mbo-xbrl-pg}
port=${MBO_XBRL_PG_PORT:-54329}
url="postgresql://postgres@127.0.0.1:${port}/postgres"

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/postgres" ]; then
  if [ "$(id -u)" != "0" ]; then
    echo "scripts/postgres.sh: PostgreSQL is not installed and installing it needs root (apt-get install postgresql)" >&2
    exit 1
  fi
  echo "installing PostgreSQL (apt-get)" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

run() {  # the server refuses to run as root: run its tools as the postgres user
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  echo "$url"
  exit 0
fi
if [ ! -f "$dir/PG_VERSION" ]; then
  mkdir -p "$dir"
  [ "$(id -u)" = "0" ] && chown postgres "$dir"
  run "$bin/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
run "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" start >/dev/null
echo "$url"
