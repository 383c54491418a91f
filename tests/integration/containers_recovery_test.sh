#!/usr/bin/env bash
# Containers outlive berthd: after SIGKILL and a restart, a running container is still
# running and its logs are complete; an exit while berthd was down is recorded; a
# restart policy brings a failing container back.
source "$(dirname "$0")/lib.sh"

berth_start
IMG="$REGISTRY/busybox:latest"
api POST "/images/create?fromImage=$REGISTRY/busybox&tag=latest" > /dev/null

"$DOCKER" run -d --name long "$IMG" sh -c 'i=0; while true; do echo tick $i; i=$((i+1)); sleep 0.2; done' > /dev/null
"$DOCKER" run -d --name short "$IMG" sh -c 'sleep 2; exit 7' > /dev/null
sleep 0.5
log "SIGKILL berthd while containers run"
berth_kill9
sleep 3
berth_restart
assert_eq "$("$DOCKER" inspect --format '{{.State.Status}}' long)" "running" "still running after restart"
assert_eq "$("$DOCKER" inspect --format '{{.State.Status}} {{.State.ExitCode}}' short)" "exited 7" "exit while down recorded"
n="$("$DOCKER" logs long | wc -l)"
[ "$n" -ge 15 ] || fail "logs kept while berthd was down (only $n lines)"
last="$("$DOCKER" logs long | tail -1)"
assert_eq "$("$DOCKER" logs long | head -$(( ${last#tick } + 1 )) | tail -1)" "$last" "no lines lost"
"$DOCKER" stop -t 1 long > /dev/null
assert_eq "$("$DOCKER" inspect --format '{{.State.Status}}' long)" "exited" "stop after recovery"

log "on-failure restarts with backoff"
"$DOCKER" run -d --name flaky --restart on-failure:2 "$IMG" sh -c 'exit 1' > /dev/null
sleep 3
assert_eq "$("$DOCKER" inspect --format '{{.RestartCount}} {{.State.Status}}' flaky)" "2 exited" "two restarts then stop"
"$DOCKER" rm -f long short flaky > /dev/null
