#!/usr/bin/env bash
# Runs one GUI test program against a private berthd and the fixture registries, using the
# integration harness (tests/integration/lib.sh) for start-up and clean-up.
#   run_with_engine.sh [--xvfb] [--no-start] PROGRAM [ARGS...]
#     --xvfb      run under a private Xvfb on a free display (stopped by PID afterwards)
#     --no-start  do not start berthd: the program starts it (BERTHD and the berthd
#                 arguments are passed in the environment) to test the no-engine screen
# Without a built berthd the program still runs; its engine cases skip themselves.
xvfb=0
start=1
while [ $# -gt 0 ]; do
  case "$1" in
    --xvfb) xvfb=1; shift ;;
    --no-start) start=0; shift ;;
    *) break ;;
  esac
done
program="$1"; shift

source "$BERTH_SOURCE_DIR/tests/integration/lib.sh"

if [ "$xvfb" = 1 ]; then
  command -v Xvfb >/dev/null || fail "Xvfb is missing (scripts/install-deps.sh installs xvfb)"
  display=""
  for n in $(seq 90 190); do
    if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=$n; break; fi
  done
  [ -n "$display" ] || fail "no free X display number"
  Xvfb ":$display" -screen 0 1400x900x24 -nolisten tcp > "$BERTH_TEST_TMP/xvfb.log" 2>&1 &
  xvfb_pid=$!
  track_pid "$xvfb_pid"
  on_cleanup "kill -TERM $xvfb_pid 2>/dev/null; wait $xvfb_pid 2>/dev/null"
  for _ in $(seq 100); do
    [ -e "/tmp/.X11-unix/X$display" ] && break
    kill -0 "$xvfb_pid" 2>/dev/null || fail "Xvfb :$display exited: $(cat "$BERTH_TEST_TMP/xvfb.log")"
    sleep 0.05
  done
  export DISPLAY=":$display" QT_QPA_PLATFORM=xcb
  log "Xvfb on :$display (pid $xvfb_pid)"
fi

if [ -x "$BERTHD" ]; then
  export BERTH_TEST_ENGINE=1
  if [ "$start" = 1 ]; then
    berth_start
  else
    mkdir -p "$BERTH_ROOT"
    export BERTHD_ARGS="--root $BERTH_ROOT --host $BERTH_HOST --insecure-registry $REGISTRY --certs-dir $REGISTRY_CERTS_DIR --debug --log-file $BERTH_LOG"
  fi
else
  log "berthd is not built: engine cases will skip"
  # Point the app at a socket that does not exist, never at a system engine.
  export BERTH_HOST="unix://$BERTH_TEST_TMP/no-engine.sock" DOCKER_HOST="unix://$BERTH_TEST_TMP/no-engine.sock"
fi
export XDG_CONFIG_HOME="$BERTH_TEST_TMP/config"

"$program" "$@"
