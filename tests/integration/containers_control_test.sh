#!/usr/bin/env bash
# pause/unpause (freezer), kill with a signal, restart, rename, wait, prune via docker.
source "$(dirname "$0")/lib.sh"

berth_start
IMG="$REGISTRY/busybox:latest"
api POST "/images/create?fromImage=$REGISTRY/busybox&tag=latest" > /dev/null

"$DOCKER" run -d --name c1 "$IMG" sh -c 'trap "exit 42" USR1; while true; do sleep 0.1; done' > /dev/null
log "pause freezes, unpause thaws"
"$DOCKER" pause c1 > /dev/null
assert_eq "$("$DOCKER" inspect --format '{{.State.Status}} {{.State.Paused}}' c1)" "paused true" "paused"
assert_contains "$("$DOCKER" ps)" "(Paused)" "ps shows paused"
"$DOCKER" unpause c1 > /dev/null
assert_eq "$("$DOCKER" inspect --format '{{.State.Status}}' c1)" "running" "unpaused"

log "rename"
"$DOCKER" rename c1 c2
assert_eq "$("$DOCKER" inspect --format '{{.Name}}' c2)" "/c2" "renamed"

log "kill with a signal, wait returns the code"
"$DOCKER" kill -s USR1 c2 > /dev/null
assert_eq "$("$DOCKER" wait c2)" "42" "wait gives the exit code"

log "restart starts it again"
"$DOCKER" restart -t 1 c2 > /dev/null
assert_eq "$("$DOCKER" inspect --format '{{.State.Running}}' c2)" "true" "running after restart"
assert_eq "$(api_status POST /containers/c2/start)" "304" "start of a running container"
"$DOCKER" rm -f c2 > /dev/null

log "container prune removes stopped containers"
"$DOCKER" create --name s1 "$IMG" true > /dev/null
"$DOCKER" container prune -f > /dev/null
assert_eq "$("$DOCKER" ps -aq | wc -l)" "0" "pruned"
