#!/bin/sh
# Installs Debian's chromium for the HTML report test (run headless through
# playwright-core). Idempotent: does nothing when /usr/bin/chromium exists.
# Quiet: apt's output is shown only when something fails.
set -eu

if [ -x /usr/bin/chromium ]; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "install-test-browser: /usr/bin/chromium is missing and installing it needs root (apt-get install chromium)" >&2
    exit 1
fi

LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! { $SUDO apt-get update -q && $SUDO apt-get install -y -q --no-install-recommends chromium; } >"$LOG" 2>&1; then
    cat "$LOG" >&2
    echo "install-test-browser: apt-get could not install chromium (output above)" >&2
    exit 1
fi

if [ ! -x /usr/bin/chromium ]; then
    echo "install-test-browser: apt-get finished but /usr/bin/chromium is still missing" >&2
    exit 1
fi
