#!/usr/bin/env bash
# stats (one-shot, two-sample, stream; Docker's shape; a stopped container's zero sample),
# `docker stats --no-stream` and `berth stats`, and top through docker and berth.
source "$(dirname "$0")/lib.sh"
[ -n "$DOCKER" ] || skip "no docker client"

berth_start
IMG="$REGISTRY/busybox:latest"
pull_ok "$IMG" > /dev/null
on_cleanup '"$DOCKER" rm -f $("$DOCKER" ps -aq) > /dev/null 2>&1'

busy="$("$DOCKER" run -d --name busy --cpus 0.5 -m 64m "$IMG" sh -c 'while :; do :; done')"
"$DOCKER" run -d --name calm "$IMG" sleep 300 > /dev/null
"$DOCKER" create --name idle "$IMG" true > /dev/null
sleep 1

log "one-shot stats in Docker's shape"
s="$(api GET "/containers/busy/stats?stream=false&one-shot=true")"
assert_json "$s" ".id == \"$busy\" and .name == \"/busy\"" "id and name"
assert_json "$s" '.cpu_stats.cpu_usage.total_usage > 0 and .cpu_stats.system_cpu_usage > 0 and .cpu_stats.online_cpus > 0' "cpu_stats"
assert_json "$s" '.cpu_stats.cpu_usage | has("usage_in_kernelmode") and has("usage_in_usermode")' "cpu usage split"
assert_json "$s" '.cpu_stats.throttling_data | has("periods") and has("throttled_periods") and has("throttled_time")' "throttling_data"
assert_json "$s" '.precpu_stats.cpu_usage.total_usage == 0' "one-shot has no previous sample"
assert_json "$s" '.memory_stats.usage > 0 and .memory_stats.limit == 67108864 and (.memory_stats.stats | length) > 0' "memory_stats"
assert_json "$s" '.pids_stats.current >= 1' "pids_stats"
assert_json "$s" 'has("blkio_stats") and has("num_procs") and has("read") and has("preread")' "the other fields"
if [ "$(api GET /info | jq -r .CgroupVersion)" = 1 ]; then
  assert_json "$s" '.memory_stats | has("max_usage") and (.stats | has("total_inactive_file"))' "v1 memory shape"
  assert_json "$s" '(.cpu_stats.cpu_usage.percpu_usage | length) > 0' "v1 percpu_usage"
else
  assert_json "$s" '.memory_stats.stats | has("inactive_file")' "v2 memory shape"
fi

log "stream=false without one-shot waits for a second sample"
s="$(api GET "/containers/busy/stats?stream=false")"
assert_json "$s" '.precpu_stats.cpu_usage.total_usage > 0 and .cpu_stats.cpu_usage.total_usage > .precpu_stats.cpu_usage.total_usage' "precpu filled"
assert_json "$s" '.preread != "0001-01-01T00:00:00Z"' "preread set"
assert_eq "$(api_status GET "/containers/busy/stats?stream=true&one-shot=true")" "400" "stream with one-shot is 400"
assert_eq "$(api_status GET "/containers/nope/stats?stream=false")" "404" "unknown container is 404"

log "the stream sends a sample a second, each chained to the one before"
curl -sS --unix-socket "$BERTH_SOCK" --max-time 3.5 "http://localhost/containers/busy/stats" > "$BERTH_TEST_TMP/stream" 2> /dev/null || true
n="$(wc -l < "$BERTH_TEST_TMP/stream")"
[ "$n" -ge 3 ] && [ "$n" -le 5 ] || fail "expected 3-5 samples in 3.5 s, got $n"
first_cpu="$(sed -n 1p "$BERTH_TEST_TMP/stream" | jq .cpu_stats.cpu_usage.total_usage)"
assert_eq "$(sed -n 2p "$BERTH_TEST_TMP/stream" | jq .precpu_stats.cpu_usage.total_usage)" "$first_cpu" "precpu of a sample is the cpu of the one before"
assert_eq "$(api_status GET /_ping)" "200" "berthd is fine after the client left"

log "a stopped container: one zeroed sample, and the stream ends"
s="$(api GET "/containers/idle/stats?stream=false")"
assert_json "$s" '.read == "0001-01-01T00:00:00Z" and .cpu_stats.cpu_usage.total_usage == 0 and .name == "/idle"' "zero sample"
n="$(curl -sS --unix-socket "$BERTH_SOCK" --max-time 5 "http://localhost/containers/idle/stats" | wc -l)"
assert_eq "$n" "1" "the stream of a stopped container is one sample"

log "docker stats --no-stream and berth stats"
out="$("$DOCKER" stats --no-stream busy calm)"
assert_contains "$out" "CONTAINER ID" "docker's table header"
assert_contains "$out" "busy" "busy listed"
assert_contains "$out" "64MiB" "the memory limit"
cpu="$("$DOCKER" stats --no-stream --format '{{.CPUPerc}}' busy | tr -d '%')"
awk -v c="$cpu" 'BEGIN { exit !(c > 2 && c < 90) }' || fail "docker stats CPU % of a 0.5-CPU spinner is $cpu"
echo "ok: docker stats shows $cpu% for a spinner limited to half a CPU"
out="$("$BERTH" stats --no-stream)"
assert_contains "$out" "MEM USAGE / LIMIT" "berth stats table"
assert_contains "$out" "calm" "running containers listed"
assert_not_contains "$out" "idle" "a stopped one is not"
assert_eq "$("$BERTH" stats --no-stream --format '{{.Name}} {{.PIDs}}' calm)" "calm 1" "berth stats --format"
bcpu="$("$BERTH" stats --no-stream --format '{{.CPUPerc}}' busy | tr -d '%')"
awk -v c="$bcpu" 'BEGIN { exit !(c > 2 && c < 90) }' || fail "berth stats CPU % of a 0.5-CPU spinner is $bcpu"
out="$(timeout 4 "$BERTH" stats calm || true)"
assert_contains "$out" "calm" "berth stats streams"

log "top lists the container's processes"
"$DOCKER" exec -d calm sleep 200
out="$("$DOCKER" top calm)"
assert_contains "$out" "UID" "ps -ef titles"
assert_contains "$out" "sleep 300" "init"
assert_contains "$out" "sleep 200" "the exec'd process"
top="$(api GET /containers/calm/top)"
assert_json "$top" '.Titles == ["UID","PID","PPID","C","STIME","TTY","TIME","CMD"]' "Docker's titles"
assert_json "$top" '(.Processes | length) == 2' "two processes"
pid="$("$DOCKER" inspect --format '{{.State.Pid}}' calm)"
assert_json "$top" ".Processes[0][1] == \"$pid\" and .Processes[0][0] == \"root\"" "host PIDs and user names, as docker top"
out="$("$BERTH" top calm aux)"
assert_contains "$out" "%MEM" "berth top with aux"
assert_contains "$out" "sleep 200" "berth top"
assert_eq "$(api_status GET /containers/idle/top)" "409" "top of a stopped container is 409"
assert_eq "$(api_status GET '/containers/calm/top?ps_args=--bogus')" "400" "unknown ps_args 400"

"$DOCKER" rm -f busy calm idle > /dev/null
log "ok"
