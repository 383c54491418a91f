#!/usr/bin/env bash
# Installs what Berth needs, builds it, starts the berthd helper (if it is not already
# running) and opens the desktop app; without a display it prints `berth info`.
# Usage: sudo scripts/run.sh [--no-app]
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset default
cmake --build --preset default -j"$(nproc)"

build=$PWD/build
sock=${BERTH_SOCKET:-/run/berth/berth.sock}
export BERTH_HOST=unix://$sock

getent group berth >/dev/null || groupadd --system berth
if ! "$build/src/cli/berth" version >/dev/null 2>&1; then
  mkdir -p /var/log/berth
  # berthd detaches nothing itself: run it in the background with its log in /var/log/berth.
  nohup "$build/runtime/berthd" --host "unix://$sock" --log-file /var/log/berth/berthd.log \
    >/dev/null 2>&1 &
  for _ in $(seq 50); do
    "$build/src/cli/berth" version >/dev/null 2>&1 && break
    sleep 0.1
  done
fi

"$build/src/cli/berth" info
if [ "${1:-}" != "--no-app" ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$build/src/app/berth-desktop" ]; then
  exec "$build/src/app/berth-desktop"
fi
