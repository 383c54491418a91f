#!/usr/bin/env bash
# Inside a default container mount, writes to /proc/sys, reboot, module loading and
# user namespaces fail; seccomp=unconfined and --privileged lift what they lift; rm
# leaves nothing behind (mounts, cgroups, state, the bundle link).
source "$(dirname "$0")/lib.sh"
[ -n "$DOCKER" ] || skip "no docker client"

berth_start
IMG="$REGISTRY/busybox:latest"
pull_ok "$IMG" > /dev/null
on_cleanup '"$DOCKER" rm -f $("$DOCKER" ps -aq) > /dev/null 2>&1'

denied() {  # description, command...
  local what="$1"; shift
  local rc=0 out
  out="$("$DOCKER" run --rm "$@" 2>&1)" || rc=$?
  [ "$rc" -ne 0 ] || fail "$what succeeded inside a default container: $out"
  echo "ok: $what fails (exit $rc: $(echo "$out" | tail -1))"
}

log "a default container cannot mount, write /proc/sys, reboot, load modules or unshare -U"
denied "mount" "$IMG" sh -c 'mkdir -p /m && mount -t tmpfs none /m'
denied "write to /proc/sys" "$IMG" sh -c 'echo x > /proc/sys/kernel/hostname'
denied "reboot" "$IMG" reboot -f
out="$("$DOCKER" run --rm "$IMG" sh -c 'echo notamodule > /tmp/m.ko; insmod /tmp/m.ko' 2>&1 || true)"
assert_contains "$out" "not permitted" "insmod is refused before the module is looked at"
denied "unshare -U" "$IMG" unshare -U true
denied "unshare -m" "$IMG" unshare -m true

log "seccomp=unconfined lifts the syscall filter (user namespaces), not the capabilities"
out="$("$DOCKER" run --rm --security-opt seccomp=unconfined "$IMG" unshare -U sh -c 'echo in-userns' 2>&1)"
assert_contains "$out" "in-userns" "unshare -U works unconfined"
denied "mount without CAP_SYS_ADMIN" --security-opt seccomp=unconfined "$IMG" sh -c 'mkdir -p /m && mount -t tmpfs none /m'
out="$("$BERTH" run --rm --security-opt seccomp=unconfined "$IMG" unshare -U sh -c 'echo berth-userns' 2>&1)"
assert_contains "$out" "berth-userns" "berth run --security-opt"

log "--privileged lifts them"
out="$("$DOCKER" run --rm --privileged "$IMG" sh -c 'mkdir -p /m && mount -t tmpfs none /m && echo mounted')"
assert_contains "$out" "mounted" "mount works privileged"
out="$("$DOCKER" run --rm --privileged "$IMG" sh -c 'echo berthpriv > /proc/sys/kernel/hostname && hostname')"
assert_eq "$out" "berthpriv" "/proc/sys is writable privileged (the UTS namespace's hostname)"

log "run flags: --tmpfs --shm-size --mount --stop-signal --stop-timeout --cpu-shares --memory-swap --log-opt --env-file"
echo "FROM_FILE=yes" > "$BERTH_TEST_TMP/env"
mkdir -p "$BERTH_TEST_TMP/bind"
echo hello > "$BERTH_TEST_TMP/bind/f"
out="$("$BERTH" run --rm --tmpfs /scratch:size=1m --shm-size 8m --mount "type=bind,source=$BERTH_TEST_TMP/bind,target=/b,readonly" \
  --env-file "$BERTH_TEST_TMP/env" "$IMG" sh -c 'df -k /scratch /dev/shm | tail -2 | awk "{print \$2}" | tr "\n" " "; cat /b/f; echo $FROM_FILE; touch /b/x 2>&1 || echo ro')"
assert_contains "$out" "1024 8192" "tmpfs and shm sizes"
assert_contains "$out" "hello" "the --mount bind"
assert_contains "$out" "yes" "the --env-file"
assert_contains "$out" "ro" "readonly mount refuses writes"
id="$("$BERTH" create --stop-signal SIGUSR1 --stop-timeout 3 --cpu-shares 512 -m 32m --memory-swap 64m --log-opt max-size=1m --log-opt max-file=2 "$IMG" true)"
got="$("$DOCKER" inspect --format '{{.Config.StopSignal}} {{.Config.StopTimeout}} {{.HostConfig.CpuShares}} {{.HostConfig.MemorySwap}} {{index .HostConfig.LogConfig.Config "max-size"}} {{index .HostConfig.LogConfig.Config "max-file"}}' "$id")"
assert_eq "$got" "SIGUSR1 3 512 67108864 1m 2" "create flags reach Config and HostConfig"
"$DOCKER" rm "$id" > /dev/null

log "rm leaves nothing behind: mounts, cgroups, state, bundle link"
ids=()
for i in 1 2 3; do ids+=("$("$DOCKER" run -d --name "left$i" -m 32m --pids-limit 20 "$IMG" sleep 300)"); done
"$DOCKER" run --name left4 "$IMG" true
ids+=("$("$DOCKER" inspect --format '{{.Id}}' left4)")
# Other tests run in parallel with their own "sleep 300": watch only our PIDs.
pids=()
for i in 1 2 3; do pids+=("$("$DOCKER" inspect --format '{{.State.Pid}}' "left$i")"); done
"$DOCKER" rm -f left1 left2 left3 left4 > /dev/null
for id in "${ids[@]}"; do
  ! grep -q "$id" /proc/self/mountinfo || fail "a mount of $id is left"
  ! find /sys/fs/cgroup -maxdepth 4 -type d -name "$id" 2>/dev/null | grep -q . || fail "a cgroup of $id is left"
  [ ! -e "$BERTH_ROOT/containers/$id" ] || fail "the state dir of $id is left"
  ! find /run/berth -maxdepth 2 -name "$id" 2>/dev/null | grep -q . || fail "the bundle link of $id is left"
done
echo "ok: no mount, cgroup, state dir or link of the four containers"
for pid in "${pids[@]}"; do
  [ "$pid" -gt 0 ] || fail "no pid was recorded for a running container"
  if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q "sleep 300"; then
    fail "container process $pid is left"
  fi
done

log "bundle links: cleaned by recovery after a SIGKILL and at a clean stop"
keep="$("$DOCKER" run -d --name keep "$IMG" sleep 300)"
"$DOCKER" run --name exited "$IMG" true
exited="$("$DOCKER" inspect --format '{{.Id}}' exited)"
link="$(find /run/berth -maxdepth 2 -name "$keep" 2>/dev/null | head -1)"
[ -n "$link" ] || fail "no bundle link for a running container"
links_dir="$(dirname "$link")"
[ -L "$links_dir/$exited" ] || fail "an exited container keeps its link while berthd runs"
stale="$links_dir/$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
ln -sfn "$BERTH_TEST_TMP/no-such-dir" "$stale"
on_cleanup "rm -f '$stale'"
berth_kill9
berth_start
[ -L "$links_dir/$keep" ] || fail "the running container lost its link over the restart"
[ ! -L "$links_dir/$exited" ] || fail "the exited container's link survived recovery"
[ ! -L "$stale" ] || fail "a dangling link (another daemon's root deleted) was not swept"
echo "ok: recovery keeps the running container's link, drops the rest"
assert_eq "$("$DOCKER" exec keep echo still-here)" "still-here" "the running container still works"
"$DOCKER" stop -t 1 keep > /dev/null
berth_stop
[ ! -L "$links_dir/$keep" ] || fail "a stopped container's link is left after a clean stop"
echo "ok: a clean stop leaves no link of a stopped container"
berth_start
"$DOCKER" rm -f keep exited > /dev/null
log "ok"
