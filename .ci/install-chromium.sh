#!/usr/bin/env bash
# Installs Debian's chromium for the letter editor's browser tests (test/webapp/*.browser.test.ts drive it with
# playwright-core; no browser is ever downloaded by npm). Idempotent and quiet; prints the browser's path last.
set -euo pipefail

if ! command -v chromium >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
command -v chromium
