#!/usr/bin/env bash
# A user who is neither root nor in group "berth" gets 403 even when the socket's file
# mode would let them connect, and berthd logs the refusal.
source "$(dirname "$0")/lib.sh"

command -v setpriv > /dev/null || fail "setpriv missing (package util-linux)"
berth_start

log "socket mode"
assert_eq "$(stat -c %a "$BERTH_SOCK")" 660 "socket is 0660"
if getent group berth > /dev/null; then
  assert_eq "$(stat -c %G "$BERTH_SOCK")" berth "socket group is berth"
fi

log "nobody connects"
chmod 0777 "$BERTH_TEST_TMP"
chmod 0666 "$BERTH_SOCK"
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
status="$(as_nobody curl -s -o "$BERTH_TEST_TMP/nobody.out" -w '%{http_code}' --unix-socket "$BERTH_SOCK" http://localhost/_ping)"
assert_eq "$status" 403 "uid 65534 gets 403"
status="$(as_nobody curl -s -o /dev/null -w '%{http_code}' --unix-socket "$BERTH_SOCK" http://localhost/images/json)"
assert_eq "$status" 403 "on every endpoint"
jq -e '.message | length > 0' "$BERTH_TEST_TMP/nobody.out" > /dev/null || fail "403 without a {\"message\"}: $(cat "$BERTH_TEST_TMP/nobody.out")"
echo "ok: 403 carries a message"
sleep 0.2
assert_contains "$(cat "$BERTH_LOG" "$BERTH_LOG.stdio" 2>/dev/null)" 65534 "the refusal is logged with the uid"

log "root still gets in"
assert_eq "$(api_status GET /_ping)" 200 "root gets 200"

berth_stop
