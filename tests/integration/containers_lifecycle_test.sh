#!/usr/bin/env bash
# The everyday container path with the real docker CLI: run --rm, run -d + logs + stop + rm,
# ps, inspect, and the conflict/not-found answers.
source "$(dirname "$0")/lib.sh"

berth_start
IMG="$REGISTRY/busybox:latest"
api POST "/images/create?fromImage=$REGISTRY/busybox&tag=latest" > /dev/null

log "docker run --rm prints the command's output and leaves nothing"
out="$("$DOCKER" run --rm "$IMG" echo hi)"
assert_eq "$out" "hi" "run --rm output"
assert_eq "$("$DOCKER" ps -aq | wc -l)" "0" "run --rm removed the container"

log "exit codes propagate"
code=0
"$DOCKER" run --rm "$IMG" sh -c 'exit 3' || code=$?
assert_eq "$code" "3" "docker run exit code"

log "run -d, ps, inspect, logs"
id="$("$DOCKER" run -d --name web "$IMG" sh -c 'echo started; echo oops >&2; while true; do sleep 1; done')"
assert_eq "${#id}" "64" "run -d prints the 64-hex id"
assert_eq "$("$DOCKER" inspect --format '{{.State.Status}}' web)" "running" "inspect status"
assert_eq "$("$DOCKER" inspect --format '{{.Name}} {{.Config.Hostname}}' web)" "/web ${id:0:12}" "name and hostname"
ps_out="$("$DOCKER" ps)"
assert_contains "$ps_out" "web" "docker ps lists it"
assert_contains "$ps_out" "Up " "docker ps status"
sleep 0.5
assert_eq "$("$DOCKER" logs web 2>/dev/null)" "started" "stdout in logs"
assert_eq "$("$DOCKER" logs web 2>&1 >/dev/null)" "oops" "stderr in logs, separately"

log "the monitor is the lean berth-monitor, small and recognised by its argv"
mpid="$(cat "$BERTH_ROOT/containers/$id/monitor.pid")"
assert_eq "$(basename "$(readlink "/proc/$mpid/exe")")" "berth-monitor" "monitor binary"
assert_eq "$(tr '\0' ' ' < "/proc/$mpid/cmdline" | cut -d' ' -f1-2)" "berthd monitor" "monitor argv"
rss_kb="$(awk '/^VmRSS:/ {print $2}' "/proc/$mpid/status")"
[ "$rss_kb" -lt 4096 ] || fail "the monitor takes $rss_kb kB RSS"
echo "ok: monitor RSS $rss_kb kB"

log "name conflict is 409"
status="$(api_status POST "/containers/create?name=web" -H 'Content-Type: application/json' -d "{\"Image\":\"$IMG\",\"Cmd\":[\"true\"]}")"
assert_eq "$status" "409" "duplicate name"

log "rm of a running container is 409 unless forced"
assert_eq "$(api_status DELETE /containers/web)" "409" "rm running"

log "stop sends SIGTERM then SIGKILL after the timeout"
start=$(date +%s)
"$DOCKER" stop -t 1 web > /dev/null
assert_eq "$("$DOCKER" inspect --format '{{.State.Status}} {{.State.ExitCode}}' web)" "exited 137" "stopped by SIGKILL"
[ $(( $(date +%s) - start )) -lt 10 ] || fail "stop took too long"
assert_contains "$("$DOCKER" ps -a)" "Exited (137)" "ps -a shows the exit"
"$DOCKER" rm web > /dev/null
assert_eq "$(ls "$BERTH_ROOT/containers" | wc -l)" "0" "rm removed the container directory"
grep -q "$id" /proc/mounts && fail "a mount of the container is left" || true

log "unknown container is 404, bad bodies are 400"
assert_eq "$(api_status GET /containers/nope/json)" "404" "inspect unknown"
assert_eq "$(api_status POST /containers/create -H 'Content-Type: application/json' -d '{"Image":')" "400" "truncated JSON"
assert_eq "$(api_status POST /containers/create -H 'Content-Type: application/json' -d "{\"Image\":\"$IMG\",\"HostConfig\":{\"Memory\":\"x\"}}")" "400" "wrong type"
assert_eq "$(api_status POST /containers/create -H 'Content-Type: application/json' -d "{\"Image\":\"$IMG\",\"HostConfig\":{\"Memory\":1000}}")" "400" "memory below 6MB"
assert_eq "$(api_status POST /containers/create -H 'Content-Type: application/json' -d '{"Image":"nosuchimage:1"}')" "404" "unknown image"
head -c 10000000 /dev/zero | tr '\0' ' ' > "$BERTH_TEST_TMP/big.json"
status="$(api_status POST /containers/create -H 'Content-Type: application/json' --data-binary "@$BERTH_TEST_TMP/big.json")"
assert_eq "$status" "400" "10 MB body of blanks"
assert_eq "$(api_status GET /_ping)" "200" "berthd keeps serving"
