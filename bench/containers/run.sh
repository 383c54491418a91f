#!/usr/bin/env bash
# Container start benchmark: `run --rm IMG true` end to end (CLI start to exit) with the
# fixture busybox image, median of N runs, beside
#   - Debian's crun and runc on an OCI bundle of the same rootfs (the floor: no daemon,
#     no image store, no logs),
#   - Debian's dockerd started privately (own root, exec root and socket, --bridge=none,
#     no iptables), stopped at the end,
#   - podman with a private --root/--runroot (if it runs here);
# then 50 containers started at once, and the idle RSS of berthd and of one monitor.
# crun, runc, docker.io and podman are installed with apt-get when missing.
#
# Usage: bench/containers/run.sh [-n RUNS] [-c CONCURRENT] [-b BUILD_DIR]
# Needs root. Not part of ctest.
set -euo pipefail

src="$(cd "$(dirname "$0")/../.." && pwd)"
build="${BERTH_BUILD_DIR:-$src/build}"
runs=30
concurrent=50
while getopts "n:c:b:h" opt; do
  case "$opt" in
    n) runs="$OPTARG" ;;
    c) concurrent="$OPTARG" ;;
    b) build="$OPTARG" ;;
    *) sed -n '2,13p' "$0"; exit 2 ;;
  esac
done
berthd="$build/runtime/berthd"
berth="$build/src/cli/berth"
[ "$(id -u)" -eq 0 ] || { echo "bench: run as root" >&2; exit 1; }
[ -x "$berthd" ] && [ -x "$berth" ] || { echo "bench: build berthd and berth first ($build)" >&2; exit 1; }
for tool in curl jq python3 skopeo docker-registry; do
  command -v "$tool" > /dev/null || { echo "bench: $tool missing (scripts/install-deps.sh)" >&2; exit 1; }
done

work="$(mktemp -d /tmp/berth-bench-ctr.XXXXXX)"
pids=()
fixtures_up=""

source "$src/bench/lib.sh"

cleanup() {
  set +e
  [ -z "${bsock:-}" ] || "$berth" -H "unix://$bsock" rm -f $("$berth" -H "unix://$bsock" ps -aq 2>/dev/null) > /dev/null 2>&1
  [ -z "${dsock:-}" ] || docker -H "unix://$dsock" rm -f $(docker -H "unix://$dsock" ps -aq 2>/dev/null) > /dev/null 2>&1
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do stop_pid "${pids[$i]}"; done
  [ -z "$fixtures_up" ] || "$src/tests/fixtures/cleanup.sh" "$work/fixtures" > /dev/null 2>&1
  for r in runc crun; do
    command -v $r > /dev/null && for id in $($r --root "$work/$r-state" list -q 2>/dev/null); do $r --root "$work/$r-state" delete -f "$id"; done
  done
  awk '{print $5}' /proc/self/mountinfo | grep "^$work/" | sort -r | while read -r m; do umount -l "$m"; done
  rm -rf --one-file-system "$work"
  # berthd keeps its default bridge after it stops (as dockerd keeps docker0).
  [ ! -e "/sys/class/net/bb$$" ] || ip link del "bb$$"
  nft delete chain ip berth_isolation "iso_bb$$" 2>/dev/null
}
trap cleanup EXIT

ms_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", (b - a) * 1000 }'; }
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
pss_kb() { awk '/^Pss:/ {s += $2} END {print s}' "/proc/$1/smaps_rollup" 2>/dev/null; }

# times N COMMAND...: runs it N times (after one warm-up), prints the milliseconds.
times() {
  local n="$1"; shift
  "$@" > /dev/null 2>&1 || { echo "bench: failed: $*" >&2; "$@" >&2 || true; return 1; }
  local out=() t0
  for _ in $(seq "$n"); do
    t0="$(now)"
    "$@" > /dev/null 2>&1 || { echo "bench: failed: $*" >&2; return 1; }
    out+=("$(ms_since "$t0")")
  done
  echo "${out[*]}"
}

# burst N COMMAND-WITH-%i: N copies at once (%i replaced by the index), total milliseconds.
burst() {
  local n="$1" cmd="$2" t0 ps=() failed=0
  t0="$(now)"
  for i in $(seq "$n"); do
    bash -c "${cmd//%i/$i}" > /dev/null 2>&1 &
    ps+=($!)
  done
  for p in "${ps[@]}"; do wait "$p" || failed=$((failed + 1)); done
  local t; t="$(ms_since "$t0")"
  [ "$failed" -eq 0 ] && echo "$t" || echo "$t ($failed failed)"
}

apt_install() {  # installs the Debian packages that are missing (quietly); false if apt fails
  local missing=()
  for p in "$@"; do dpkg -s "$p" > /dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "bench: installing ${missing[*]} (apt-get)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" > "$work/apt.log" 2>&1
}
apt_install crun runc || echo "bench: apt-get could not install crun/runc: $(tail -n 1 "$work/apt.log")"

echo "bench: fixture images and registry"
"$src/tests/fixtures/setup.sh" "$work/fixtures" > "$work/fixtures.log" 2>&1 || { tail "$work/fixtures.log" >&2; exit 1; }
fixtures_up=1
# shellcheck source=/dev/null
source "$work/fixtures/env.sh"
image="$REGISTRY/busybox:latest"

results=()  # "name|what|median|runs"
add() { results+=("$1|$2|$(tr ' ' '\n' <<< "$3" | median %.1f)|$3"); }

# --- the floor: crun and runc on an OCI bundle of the same rootfs ---
bundle="$work/bundle"
mkdir -p "$bundle/rootfs"
manifest="$(skopeo --insecure-policy inspect --raw --tls-verify=false "docker://$image")"
layer="$(jq -r '.layers[0].digest' <<< "$manifest")"
skopeo --insecure-policy copy -q --src-tls-verify=false "docker://$image" "dir:$work/img"
tar -xzf "$work/img/${layer#sha256:}" -C "$bundle/rootfs" 2>/dev/null || tar -xf "$work/img/${layer#sha256:}" -C "$bundle/rootfs"
for r in crun runc; do
  command -v "$r" > /dev/null || continue
  (cd "$bundle" && rm -f config.json && runc spec 2>/dev/null || crun spec)
  jq '.process.terminal = false | .process.args = ["true"]' "$bundle/config.json" > "$bundle/c.json" && mv "$bundle/c.json" "$bundle/config.json"
  echo "bench: $r run ($runs runs)"
  mkdir -p "$work/$r-state"
  # crun refuses a v1/v2 hybrid host unless it leaves cgroups alone.
  R=("$r" --root "$work/$r-state")
  [ "$r" = runc ] || [ ! -d /sys/fs/cgroup/unified ] || R+=(--cgroup-manager=disabled)
  t="$(times "$runs" "${R[@]}" run --bundle "$bundle" "bench-$r")" && add "$r" "run (bundle ready, no image store)" "$t"
  c="$(burst "$concurrent" "${R[*]} run --bundle $bundle bench-$r-%i")"
  eval "burst_$r=\"\$c\""
done

# --- berthd ---
broot="$work/berth-root"
bsock="$work/berth.sock"
mkdir -p "$broot"
"$berthd" --root "$broot" --host "unix://$bsock" --insecure-registry "$REGISTRY" --bridge "bb$$" \
  --log-file "$work/berthd.log" > "$work/berthd.stdio" 2>&1 < /dev/null &
bpid=$!
pids+=("$bpid")
wait_socket "$bsock" "$bpid" 20 || { echo "bench: berthd did not start" >&2; tail "$work/berthd.log" "$work/berthd.stdio" >&2; exit 1; }
B=("$berth" -H "unix://$bsock")
"${B[@]}" pull -q "$image" > /dev/null
# --network none when the CLI has it (the other tools run without a network too).
NONE=()
"$berth" run --help 2>/dev/null | grep -q -- '--network' && NONE=(--network none)
echo "bench: berth run --rm ($runs runs, default network; then ${NONE[*]:-the same})"
t="$(times "$runs" "${B[@]}" run --rm "$image" true)" && add "berth" "run --rm (default network)" "$t"
[ ${#NONE[@]} -eq 0 ] || { t="$(times "$runs" "${B[@]}" run --rm "${NONE[@]}" "$image" true)" && add "berth" "run --rm --network none" "$t"; }
burst_berth="$(burst "$concurrent" "$berth -H unix://$bsock run --rm ${NONE[*]} $image true")"
# Idle: a few seconds without requests (berthd returns freed heap to the kernel then).
sleep 5
berthd_rss="$(rss_kb "$bpid")"
berthd_pss="$(pss_kb "$bpid")"
berthd_threads="$(awk '/^Threads:/ {print $2}' "/proc/$bpid/status")"
cid="$("${B[@]}" run -d "${NONE[@]}" "$image" sleep 600)"
sleep 1
mpid="$(cat "$broot/containers/$cid/monitor.pid")"
monitor_rss="$(rss_kb "$mpid")"
monitor_pss="$(pss_kb "$mpid")"
"${B[@]}" rm -f "$cid" > /dev/null

# --- docker (Debian's docker.io, private) ---
docker_note=""
command -v dockerd > /dev/null || apt_install docker.io || docker_note="docker.io could not be installed"
if command -v dockerd > /dev/null && command -v docker > /dev/null; then
  dsock="$work/docker.sock"
  dockerd --host "unix://$dsock" --data-root "$work/docker-root" --exec-root "$work/docker-exec" \
    --pidfile "$work/docker.pid" --bridge none --iptables=false --ip6tables=false \
    --insecure-registry "$REGISTRY" --storage-driver overlay2 --log-level error \
    > "$work/dockerd.log" 2>&1 < /dev/null &
  dpid=$!
  pids+=("$dpid")
  if wait_socket "$dsock" "$dpid" 60; then
    D=(docker -H "unix://$dsock")
    "${D[@]}" pull -q "$image" > /dev/null
    echo "bench: docker run --rm ($runs runs)"
    t="$(times "$runs" "${D[@]}" run --rm --network none "$image" true)" && add "docker" "run --rm --network none" "$t"
    burst_docker="$(burst "$concurrent" "docker -H unix://$dsock run --rm --network none $image true")"
    dockerd_rss="$(rss_kb "$dpid")"
    containerd_rss="$(pgrep -P "$dpid" containerd > /dev/null && rss_kb "$(pgrep -P "$dpid" containerd | head -1)" || echo n/a)"
  else
    docker_note="dockerd does not start here: $(grep -v '^$' "$work/dockerd.log" | tail -n 1 | cut -c1-120)"
  fi
fi

# --- podman (private root and runroot), if it runs here ---
podman_note=""
command -v podman > /dev/null || apt_install podman || podman_note="podman could not be installed"
if command -v podman > /dev/null; then
  P=(podman --root "$work/podman-root" --runroot "$work/podman-run" --cgroup-manager cgroupfs --events-backend file)
  if "${P[@]}" pull -q --tls-verify=false "$image" > "$work/podman.log" 2>&1; then
    echo "bench: podman run --rm ($runs runs)"
    t="$(times "$runs" "${P[@]}" run --rm --network none "$image" true)" && add "podman" "run --rm --network none" "$t"
    burst_podman="$(burst "$concurrent" "podman --root $work/podman-root --runroot $work/podman-run --cgroup-manager cgroupfs --events-backend file run --rm --network none $image true")"
  else
    podman_note="podman does not run here: $(tail -n 1 "$work/podman.log" | cut -c1-120)"
  fi
fi

# --- table ---
# The floor: crun, else runc (crun refuses some hybrid hosts).
floor="$(for want in crun runc; do for r in "${results[@]}"; do IFS='|' read -r n w m _ <<< "$r"; if [ "$n" = "$want" ]; then echo "$m"; fi; done; done | head -1 || true)"
echo
echo "run --rm $image true, CLI start to exit: median of $runs runs (ms); machine load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '| %-7s | %-36s | %9s | %8s |\n' tool "what is timed" "median ms" "vs floor"
printf '|%s|%s|%s|%s|\n' "---------" "--------------------------------------" "-----------" "----------"
for r in "${results[@]}"; do
  IFS='|' read -r n w m _ <<< "$r"
  ratio="$( [ -n "$floor" ] && awk -v a="$m" -v b="$floor" 'BEGIN { printf "%.2fx", a / b }' || echo n/a)"
  printf '| %-7s | %-36s | %9s | %8s |\n' "$n" "$w" "$m" "$ratio"
done
[ -z "$docker_note" ] || printf '| %-7s | %-36s | %9s | %8s |\n' docker "$docker_note" n/a n/a
[ -z "$podman_note" ] || printf '| %-7s | %-36s | %9s | %8s |\n' podman "$podman_note" n/a n/a
echo
echo "$concurrent containers started at once (run --rm true each), wall ms:"
echo "  berth ${burst_berth:-n/a} | crun ${burst_crun:-n/a} | runc ${burst_runc:-n/a} | docker ${burst_docker:-n/a} | podman ${burst_podman:-n/a}"
echo
echo "Idle memory: berthd RSS ${berthd_rss} kB (PSS ${berthd_pss} kB, $berthd_threads threads); one monitor RSS ${monitor_rss} kB (PSS ${monitor_pss} kB)"
[ -z "${dockerd_rss:-}" ] || echo "             dockerd RSS ${dockerd_rss} kB, its containerd ${containerd_rss:-n/a} kB"
echo
echo "All runs (ms):"
for r in "${results[@]}"; do IFS='|' read -r n w _ all <<< "$r"; echo "  $n $w: $all"; done
