#!/usr/bin/env sh
# End-to-end tests of the admin: builds admin-vue/dist, starts a real control plane
# (embedded PostgreSQL, own data dir) and drives Debian's Chromium with playwright-core.
# About 50 s; the suite builds the admin itself. Never downloads a browser (no `playwright install`).
set -eu
cd "$(dirname "$0")/.."
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium; fi
fi
if [ ! -x "$chromium" ]; then
  echo "admin-vue e2e: Chromium not found at $chromium (apt-get install chromium, or set CHROMIUM_PATH)" >&2
  exit 1
fi
export CHROMIUM_PATH="$chromium"
npm run test:e2e
