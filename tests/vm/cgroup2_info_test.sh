#!/usr/bin/env bash
# Runs only inside the cgroup-v2 VM (run_in_vm.sh): berthd reports cgroup v2, and a
# container with limits gets its own v2 cgroup (berth/<id>) with the controllers
# delegated down to it, the limits written there, its init inside, stats and pause on
# the v2 files, and the cgroup removed when it stops.
source "$BERTH_SOURCE_DIR/tests/integration/lib.sh"
[ "$(awk '$2 == "/sys/fs/cgroup" {print $3}' /proc/mounts)" = cgroup2 ] ||
  fail "not in the cgroup-v2 VM: /sys/fs/cgroup is not a cgroup2 mount"

berth_start
info="$(api GET /info)"
assert_json "$info" '.CgroupVersion == "2"' "/info says CgroupVersion 2"
assert_json "$info" '.CgroupDriver == "cgroupfs"' "and the cgroupfs driver"

IMG="$REGISTRY/busybox:latest"
pull_ok "$IMG" > /dev/null
log "a container with limits gets a v2 cgroup of its own"
body="{\"Image\":\"$IMG\",\"Cmd\":[\"sleep\",\"300\"],\"HostConfig\":{\"Memory\":33554432,\"NanoCpus\":500000000,\"PidsLimit\":20,\"CpuShares\":512}}"
id="$(api POST "/containers/create?name=lim" -H 'Content-Type: application/json' -d "$body" | jq -r .Id)"
assert_eq "$(api_status POST /containers/lim/start)" "204" "started"
dir="/sys/fs/cgroup/berth/$id"
[ -d "$dir" ] || fail "no cgroup directory $dir"
subtree="$(cat /sys/fs/cgroup/berth/cgroup.subtree_control)"
for c in cpu memory pids; do assert_contains "$subtree" "$c" "berth/ delegates $c"; done
assert_eq "$(cat "$dir/memory.max")" "33554432" "memory.max"
assert_eq "$(cat "$dir/cpu.max")" "50000 100000" "cpu.max"
assert_eq "$(cat "$dir/pids.max")" "20" "pids.max"
assert_eq "$(cat "$dir/cpu.weight")" "20" "cpu.weight from CpuShares 512 (runc's conversion)"
pid="$(api GET /containers/lim/json | jq -r .State.Pid)"
assert_eq "$(cat "/proc/$pid/cgroup")" "0::/berth/$id" "the init is in it"
s="$(api GET "/containers/lim/stats?stream=false&one-shot=true")"
assert_json "$s" '.memory_stats.limit == 33554432 and .pids_stats.limit == 20 and .pids_stats.current >= 1' "stats read the v2 files"

log "pause freezes the cgroup (cgroup.freeze), unpause thaws it"
assert_eq "$(api_status POST /containers/lim/pause)" "204" "paused"
assert_eq "$(cat "$dir/cgroup.freeze")" "1" "cgroup.freeze is 1"
assert_contains "$(cat "$dir/cgroup.events")" "frozen 1" "cgroup.events says frozen"
assert_eq "$(api_status POST /containers/lim/unpause)" "204" "unpaused"
assert_contains "$(cat "$dir/cgroup.events")" "frozen 0" "thawed"
log "inside, the container sees its cgroup as: $("$BERTH" exec lim cat /proc/self/cgroup 2>&1)"

log "stopping removes the cgroup"
assert_eq "$(api_status POST "/containers/lim/stop?t=1")" "204" "stopped"
for _ in $(seq 50); do [ -d "$dir" ] || break; sleep 0.1; done
[ ! -d "$dir" ] || fail "$dir is still there after stop"
echo "ok: cgroup removed"
