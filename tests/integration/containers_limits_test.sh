#!/usr/bin/env bash
# Resource limits through the docker CLI and berth: a memory hog is OOM-killed (OOMKilled,
# `oom` event), a pids limit stops a fork loop, a CPU quota throttles (cpu.stat), update
# changes the live cgroup, and bad update bodies are 400 while berthd keeps serving.
source "$(dirname "$0")/lib.sh"
[ -n "$DOCKER" ] || skip "no docker client"

berth_start
IMG="$REGISTRY/busybox:latest"
pull_ok "$IMG" > /dev/null
on_cleanup '"$DOCKER" rm -f $("$DOCKER" ps -aq) > /dev/null 2>&1'
CGV="$(api GET /info | jq -r .CgroupVersion)"
log "cgroup version $CGV"

# cg_file CONTROLLER FILE ID: the container's cgroup file on this host's hierarchy.
cg_file() {
  if [ "$CGV" = 2 ]; then
    echo "$(awk '/ - cgroup2 /{print $5; exit}' /proc/self/mountinfo)/berth/$3/$2"
  else
    local mnt
    mnt="$(awk -v c="$1" '/ - cgroup / { n = split($NF, o, ","); for (i = 1; i <= n; i++) if (o[i] == c) { print $5; exit } }' /proc/self/mountinfo)"
    echo "$mnt/berth/$3/$2"
  fi
}

log "a memory hog is OOM-killed: exit 137, State.OOMKilled, an oom event"
t0="$(date +%s)"
rc=0; out="$("$DOCKER" run --name hog -m 16m --memory-swap 16m "$IMG" dd if=/dev/zero of=/dev/null bs=64M count=1 2>&1)" || rc=$?
echo "$out" | tail -2
assert_eq "$rc" "137" "docker run returns 137"
assert_eq "$("$DOCKER" inspect --format '{{.State.OOMKilled}} {{.State.ExitCode}}' hog)" "true 137" "inspect says OOMKilled"
events="$(api GET "/events?since=$t0&until=$(($(date +%s) + 1))&filters=%7B%22container%22%3A%5B%22hog%22%5D%7D" | jq -r .Action | tr '\n' ' ')"
assert_contains "$events" "oom" "an oom event"
assert_contains "$events" "die" "then die"

log "a pids limit stops a fork loop"
rc=0; out="$("$DOCKER" run --rm --pids-limit 10 "$IMG" sh -c 'for i in $(seq 30); do sleep 3 & done; echo all-forked' 2>&1)" || rc=$?
assert_contains "$out" "can't fork" "the shell could not fork past the limit"
assert_not_contains "$out" "all-forked" "the loop did not get through"
assert_ne "$rc" "0" "and the container failed"

log "a CPU quota throttles; cpu.stat counts it"
spin="$("$DOCKER" run -d --name spin --cpus 0.1 "$IMG" sh -c 'while :; do :; done')"
if [ "$CGV" = 2 ]; then
  assert_eq "$(cat "$(cg_file cpu cpu.max "$spin")")" "10000 100000" "cpu.max is 10%"
else
  assert_eq "$(cat "$(cg_file cpu cpu.cfs_quota_us "$spin")")" "10000" "cfs quota is 10 ms"
  assert_eq "$(cat "$(cg_file cpu cpu.cfs_period_us "$spin")")" "100000" "cfs period is 100 ms"
fi
sleep 2
throttled="$(awk '$1 == "nr_throttled" {print $2}' "$(cg_file cpu cpu.stat "$spin")")"
[ "$throttled" -gt 0 ] || fail "nr_throttled is $throttled after 2 s of spinning at 10%"
echo "ok: nr_throttled $throttled"
api GET "/containers/spin/stats?stream=false&one-shot=true" > "$BERTH_TEST_TMP/s.json"
assert_json "$(cat "$BERTH_TEST_TMP/s.json")" '.cpu_stats.throttling_data.throttled_periods > 0' "stats show throttling"

log "update changes the live limits"
"$DOCKER" update --cpus 0.5 spin > /dev/null
if [ "$CGV" = 2 ]; then
  assert_eq "$(cat "$(cg_file cpu cpu.max "$spin")")" "50000 100000" "cpu.max follows"
else
  assert_eq "$(cat "$(cg_file cpu cpu.cfs_quota_us "$spin")")" "50000" "cfs quota follows"
fi
"$DOCKER" update -m 64m --pids-limit 50 spin > /dev/null
if [ "$CGV" = 2 ]; then
  assert_eq "$(cat "$(cg_file memory memory.max "$spin")")" "67108864" "memory.max follows"
else
  assert_eq "$(cat "$(cg_file memory memory.limit_in_bytes "$spin")")" "67108864" "memory limit follows"
fi
assert_eq "$(cat "$(cg_file pids pids.max "$spin")")" "50" "pids.max follows"
assert_eq "$("$DOCKER" inspect --format '{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.PidsLimit}}' spin)" \
  "67108864 500000000 50" "HostConfig keeps the new values"
"$BERTH" update --restart on-failure:3 spin > /dev/null
assert_eq "$("$DOCKER" inspect --format '{{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}}' spin)" \
  "on-failure:3" "berth update sets the restart policy"
"$BERTH" update --memory 48m --memory-swap 96m spin > /dev/null
assert_eq "$("$DOCKER" inspect --format '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}}' spin)" "50331648 100663296" "berth update -m"

log "a memory limit below what the container holds is refused, and nothing changes"
"$DOCKER" run -d --name holder -m 64m --memory-swap 64m "$IMG" sh -c 'dd if=/dev/zero of=/dev/shm/fill bs=1M count=40 2>/dev/null; touch /tmp/ready; sleep 300' > /dev/null
for _ in $(seq 100); do "$DOCKER" exec holder test -e /tmp/ready 2>/dev/null && break; sleep 0.1; done 2>/dev/null || sleep 2
holder="$("$DOCKER" inspect --format '{{.Id}}' holder)"
body="$(api POST /containers/holder/update -H 'Content-Type: application/json' -d '{"Memory":16777216,"MemorySwap":16777216}' -w ' %{http_code}')"
assert_contains "$body" " 400" "update below usage is 400"
assert_contains "$body" "Cannot update container" "with a message"
assert_eq "$("$DOCKER" inspect --format '{{.HostConfig.Memory}}' holder)" "67108864" "the record is unchanged"
if [ "$CGV" = 1 ]; then
  assert_eq "$(cat "$(cg_file memory memory.limit_in_bytes "$holder")")" "67108864" "the cgroup is unchanged"
fi

log "bad update input is 400 with a message; berthd keeps serving"
upd() { api POST /containers/spin/update -H 'Content-Type: application/json' "$@" -w ' %{http_code}'; }
assert_contains "$(upd -d '{"Memory":')" " 400" "truncated JSON"
assert_contains "$(upd -d '{"Memory":"lots"}')" "cannot unmarshal string" "wrong type names the field"
assert_contains "$(upd -d '{"NanoCpus":-1}')" " 400" "negative CPUs"
assert_contains "$(upd -d '{"CpuShares":-5}')" " 400" "negative CPU shares"
assert_contains "$(upd -d '{"Memory":1000}')" "Minimum memory limit" "memory below 6MB"
assert_contains "$(upd -d '{"RestartPolicy":{"Name":"sometimes"}}')" " 400" "unknown restart policy"
assert_contains "$(upd -d '[1,2]')" " 400" "not an object"
head -c 10000000 /dev/zero | tr '\0' ' ' > "$BERTH_TEST_TMP/big.json"
assert_contains "$(upd --data-binary "@$BERTH_TEST_TMP/big.json")" " 400" "10 MB of blanks"
assert_eq "$(api_status POST /containers/nope/update -H 'Content-Type: application/json' -d '{}')" "404" "unknown container"
rc=0; out="$("$BERTH" update --memory lots spin 2>&1)" || rc=$?
assert_ne "$rc" "0" "berth update --memory lots fails"
assert_contains "$out" "invalid size" "and says why"
rc=0; out="$("$BERTH" run --rm --memory lots "$IMG" true 2>&1)" || rc=$?
assert_eq "$rc" "125" "berth run --memory lots exits 125"
assert_eq "$(api_status POST /containers/create -H 'Content-Type: application/json' -d "{\"Image\":\"$IMG\",\"HostConfig\":{\"NanoCpus\":-1}}")" "400" "create with negative CPUs"
assert_eq "$(api_status GET /_ping)" "200" "berthd keeps serving"
assert_eq "$(cat "$(cg_file pids pids.max "$spin")")" "50" "and the limits are as before"

"$DOCKER" rm -f spin holder hog > /dev/null
log "ok"
