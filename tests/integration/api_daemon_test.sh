#!/usr/bin/env bash
# The daemon process: one berthd per root (lock file), stale socket removed at start, clean
# exit 0 on SIGTERM and SIGINT with the socket file removed, open streams ended.
source "$(dirname "$0")/lib.sh"

berth_start

log "a second berthd on the same root refuses to start"
rc=0
out="$(timeout 10 "$BERTHD" --root "$BERTH_ROOT" --host "unix://$BERTH_TEST_TMP/second.sock" 2>&1)" || rc=$?
assert_eq "$rc" 1 "second berthd exits 1"
assert_contains "$out" "another berthd is already running on this root" "and says why"
assert_contains "$out" "$BERTHD_PID" "naming the holder's pid"
[ ! -e "$BERTH_TEST_TMP/second.sock" ] || fail "the second berthd created its socket"
echo "ok: no socket from the refused berthd"

log "a second berthd on another root but the same socket refuses too"
rc=0
out="$(timeout 10 "$BERTHD" --root "$BERTH_TEST_TMP/root2" --host "$BERTH_HOST" 2>&1)" || rc=$?
assert_eq "$rc" 1 "exits 1"
assert_contains "$out" "already listening" "says the socket is in use"
assert_eq "$(api_status GET /_ping)" 200 "the first berthd still serves"

log "SIGTERM with an open event stream: clean exit 0"
curl -sS -N --unix-socket "$BERTH_SOCK" http://localhost/events > /dev/null 2>&1 &
track_pid $!
sleep 0.3
pid="$BERTHD_PID"
BERTHD_PID=""
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
assert_eq "$rc" 0 "berthd exits 0 on SIGTERM"
[ ! -e "$BERTH_SOCK" ] || fail "socket file left behind"
echo "ok: socket file removed"
assert_contains "$(cat "$BERTH_LOG")" "berthd stopped" "shutdown is logged"

log "a stale socket file is replaced"
python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' "$BERTH_SOCK"
[ -S "$BERTH_SOCK" ] || fail "could not make a stale socket"
berth_start
assert_eq "$(api_status GET /_ping)" 200 "serves on the replaced socket"
assert_eq "$(stat -c %a "$BERTH_SOCK")" 660 "socket mode 0660"

log "SIGINT: clean exit 0"
pid="$BERTHD_PID"
BERTHD_PID=""
kill -INT "$pid"
rc=0
wait "$pid" || rc=$?
assert_eq "$rc" 0 "berthd exits 0 on SIGINT"
