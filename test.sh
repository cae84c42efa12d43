#!/usr/bin/env bash
# Runs every test: pure rules, HTTP/WebSocket against a started app, multi-terminal scenarios, the same
# store tests on SQLite and PostgreSQL, and browser tests in Debian's Chromium.
# Installs what a fresh machine lacks (Chromium + chromium-driver) and starts the local PostgreSQL
# cluster when one is installed but stopped; without one, tests start an embedded PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")"
. bin/find-jdk.sh

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Chromium and chromium-driver (browser tests need them)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "Browser tests need /usr/bin/chromium and /usr/bin/chromedriver: apt-get install -y chromium chromium-driver" >&2
    exit 1
  fi
fi

if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ] && ! (echo > /dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  echo "Starting the local PostgreSQL cluster..."
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || \
    echo "Could not start the local PostgreSQL; tests will start an embedded one." >&2
fi

exec ./mvnw -B verify "$@"
