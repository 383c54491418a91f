#!/usr/bin/env bash
# Peer credentials: a throwaway user outside group "berth" gets 403 with a message and a
# log line naming its uid; adding the user to the group (supplementary) lets it in.
source "$(dirname "$0")/lib.sh"

command -v useradd > /dev/null || skip "useradd missing"
user="berthtest$$"
useradd -M -N -s /usr/sbin/nologin "$user" || fail "useradd failed"
on_cleanup "userdel $user 2>/dev/null"
uid="$(id -u "$user")"
group="berthit$$"
groupadd "$group" || fail "groupadd failed"
on_cleanup "groupdel $group 2>/dev/null"

berth_start --group "$group"
chmod 0755 "$BERTH_TEST_TMP"
chmod 0666 "$BERTH_SOCK"  # let the kernel through; berthd must still refuse

as_user() { setpriv --reuid="$uid" --regid="$(id -g "$user")" --init-groups "$@"; }

log "non-member"
status="$(as_user curl -s -o /dev/null -w '%{http_code}' --unix-socket "$BERTH_SOCK" http://localhost/version)"
assert_eq "$status" 403 "non-member gets 403"
body="$(as_user curl -s --unix-socket "$BERTH_SOCK" http://localhost/version)"
assert_contains "$(jq -r .message <<< "$body")" "permission denied" "403 message"
sleep 0.2
assert_contains "$(cat "$BERTH_LOG")" "uid $uid" "refusal logged with the uid"

log "member through a supplementary group"
usermod -a -G "$group" "$user"
status="$(as_user curl -s -o /dev/null -w '%{http_code}' --unix-socket "$BERTH_SOCK" http://localhost/version)"
assert_eq "$status" 200 "group member gets 200"

log "root"
assert_eq "$(api_status GET /_ping)" 200 "root gets 200"
berth_stop
