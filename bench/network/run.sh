#!/usr/bin/env bash
# Published-port benchmark: busybox httpd in a container serving a bind-mounted directory,
# measured through
#   - berthd's userland proxy (127.0.0.1:PORT),
#   - berthd's nftables DNAT (the bridge gateway's address:PORT, when nftables is usable),
#   - the container's bridge address directly (the floor),
#   - Debian's dockerd (private: own root, exec root, socket and bridge, --iptables=false,
#     so its docker-proxy carries 127.0.0.1) and that container's address directly.
# Figures: time from `run -d -p` to the first HTTP 200 (median of N), requests per second
# (ab, 16 connections, 10 s, a new connection per request as busybox httpd closes), and the
# rate of a 20 MB download (median of N).
# Only 127.0.0.1 and bridge addresses are used.
#
# Usage: bench/network/run.sh [-n RUNS] [-t AB_SECONDS] [-b BUILD_DIR]
# Needs root. Not part of ctest.
set -euo pipefail

src="$(cd "$(dirname "$0")/../.." && pwd)"
build="${BERTH_BUILD_DIR:-$src/build}"
runs=5
ab_seconds=10
while getopts "n:t:b:h" opt; do
  case "$opt" in
    n) runs="$OPTARG" ;;
    t) ab_seconds="$OPTARG" ;;
    b) build="$OPTARG" ;;
    *) sed -n '2,16p' "$0"; exit 2 ;;
  esac
done
berthd="$build/runtime/berthd"
berth="$build/src/cli/berth"
[ "$(id -u)" -eq 0 ] || { echo "bench: run as root" >&2; exit 1; }
for bin in "$berthd" "$berth"; do
  [ -x "$bin" ] || { echo "bench: $bin is not built (cmake --build $build --target berthd berth)" >&2; exit 1; }
done
for tool in docker-registry skopeo curl jq python3 ab ip; do
  command -v "$tool" > /dev/null || { echo "bench: $tool missing (scripts/install-deps.sh)" >&2; exit 1; }
done

work="$(mktemp -d /tmp/berth-bench-net.XXXXXX)"
pids=()
bridges=()
suffix="$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')"

source "$src/bench/lib.sh"

cleanup() {
  set +e
  [ -z "${docker_cli_sock:-}" ] || docker -H "unix://$docker_cli_sock" rm -f $(docker -H "unix://$docker_cli_sock" ps -aq) > /dev/null 2>&1
  [ -z "${berth_sock:-}" ] || "$berth" -H "unix://$berth_sock" rm -f $("$berth" -H "unix://$berth_sock" ps -aq) > /dev/null 2>&1
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do stop_pid "${pids[$i]}"; done
  for b in "${bridges[@]}"; do [ ! -e "/sys/class/net/$b" ] || ip link del "$b"; done
  awk '{print $5}' /proc/self/mountinfo | grep "^$work/" | sort -r | while read -r m; do umount -l "$m"; done
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT

# A /24 in 10.200-254.x.0 that no route or address of this host touches.
free_subnet() {
  local taken a b
  taken="$(ip -4 route show table all; ip -4 addr show)"
  for a in $(seq 200 254); do
    for b in $(seq 10 40); do
      grep -q "10\.$a\.$b\." <<< "$taken" || { echo "10.$a.$b"; return; }
    done
  done
  return 1
}
wait_200() {  # URL SECONDS: polls every 10 ms
  local deadline=$(( $(date +%s) + $2 ))
  until curl -sf -o /dev/null --max-time 1 "$1" 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.01
  done
}
ab_rate() {  # URL: requests per second over ab_seconds
  local out
  out="$(ab -q -c 16 -t "$ab_seconds" -n 100000000 "$1" 2>&1)" || { echo "n/a"; return; }
  local failed rate
  failed="$(awk '/^Failed requests:/ {print $3}' <<< "$out")"
  rate="$(awk '/^Requests per second:/ {printf "%.0f", $4}' <<< "$out")"
  [ "${failed:-0}" = 0 ] || rate="$rate ($failed failed)"
  echo "$rate"
}
download_rate() {  # URL: MB/s of back-to-back 20 MB downloads over ab_seconds (4 at a time)
  local out
  out="$(ab -q -c 4 -t "$ab_seconds" -n 100000000 "$1" 2>&1)" || { echo "n/a"; return; }
  awk '/^Transfer rate:/ {printf "%.1f", $3 * 1024 / 1e6}' <<< "$out"
}

# --- the fixture image in a local registry, a page and a 20 MB file ---
echo "bench: building the busybox fixture image"
python3 "$src/tests/fixtures/build_images.py" "$work/oci" > /dev/null
start_registry
skopeo --insecure-policy copy -q --preserve-digests --dest-tls-verify=false \
  "oci:$work/oci/busybox:latest" "docker://$registry/busybox:latest"
image="$registry/busybox:latest"
mkdir -p "$work/www"
echo "hello from the benchmark" > "$work/www/index.html"
head -c $((20 * 1000 * 1000)) /dev/urandom > "$work/www/20mb.bin"

declare -A start_ms

# run_engine NAME CLI_ARGS...: start-up runs, then leaves one container "bench" running.
# Prints nothing; fills start_ms[NAME].
run_engine() {
  local name="$1"; shift
  local cli=("$@") times=() i p t0 t1
  for i in $(seq "$runs"); do
    p="$(free_port)"
    t0="$(now)"
    "${cli[@]}" run -d --name "start$i" -p "127.0.0.1:$p:80" -v "$work/www:/www:ro" "$image" httpd -f -p 80 -h /www > /dev/null
    wait_200 "http://127.0.0.1:$p/" 30 || { echo "bench: $name: no HTTP 200 within 30 s" >&2; return 1; }
    t1="$(now)"
    times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", (b - a) * 1000 }')")
    "${cli[@]}" rm -f "start$i" > /dev/null
  done
  start_ms[$name]="$(printf '%s\n' "${times[@]}" | median)"
}

rows=()
declare -A mbps
row() {  # ENGINE PATH URL_BASE START_MS [KEY]: KEY names the row for the ratios below
  local r d
  r="$(ab_rate "$3/index.html")"
  d="$(download_rate "$3/20mb.bin")"
  rows+=("$(printf '| %-8s | %-38s | %12s | %10s | %12s |' "$1" "$2" "$4" "$r" "$d")")
  [ -z "${5:-}" ] || mbps[$1:$5]="$d"
  echo "bench: $1 $2: $r req/s, $d MB/s"
}

# --- berthd ---
berth_sock="$work/berth.sock"
berth_bridge="bbn$suffix"
bridges+=("$berth_bridge")
"$berthd" --root "$work/berth-root" --host "unix://$berth_sock" --insecure-registry "$registry" \
  --bridge "$berth_bridge" --log-file "$work/berthd.log" > /dev/null 2>&1 < /dev/null &
bpid=$!
pids+=("$bpid")
wait_socket "$berth_sock" "$bpid" 20 || { echo "bench: berthd did not start:" >&2; tail "$work/berthd.log" >&2; exit 1; }
B=("$berth" -H "unix://$berth_sock")
"${B[@]}" pull -q "$image" > /dev/null 2>&1 || "${B[@]}" pull "$image" > /dev/null
echo "bench: berthd: $runs start-ups"
run_engine berth "${B[@]}"
bport="$(free_port)"
"${B[@]}" run -d --name bench -p "$bport:80" -v "$work/www:/www:ro" "$image" httpd -f -p 80 -h /www > /dev/null
wait_200 "http://127.0.0.1:$bport/" 30
bip="$("${B[@]}" inspect --format '{{.NetworkSettings.IPAddress}}' bench)"
bgw="$("${B[@]}" inspect --format '{{.NetworkSettings.Gateway}}' bench)"
row berth "proxy 127.0.0.1:$bport" "http://127.0.0.1:$bport" "${start_ms[berth]}" proxy
if [ -n "$bgw" ] && grep -q "nftables is not usable" "$work/berthd.log"; then
  rows+=("$(printf '| %-8s | %-38s | %12s | %10s | %12s |' berth "nftables DNAT" "" "n/a" "n/a (no nftables)")")
elif [ -n "$bgw" ]; then
  row berth "nftables DNAT $bgw:$bport" "http://$bgw:$bport" ""
fi
if [ -n "$bip" ]; then
  row berth "direct $bip:80 (floor)" "http://$bip:80" "" direct
fi
"${B[@]}" rm -f bench > /dev/null
stop_pid "$bpid"
unset 'pids[${#pids[@]}-1]'
berth_sock=""

# --- Debian's dockerd, privately ---
docker_note=""
if command -v dockerd > /dev/null && command -v docker > /dev/null; then
  net="$(free_subnet)" || net=""
  docker_bridge="bbd$suffix"
  if [ -n "$net" ]; then
    ip link add name "$docker_bridge" type bridge
    bridges+=("$docker_bridge")
    ip addr add "$net.1/24" dev "$docker_bridge"
    ip link set "$docker_bridge" up
  fi
  docker_cli_sock="$work/docker.sock"
  dockerd --host "unix://$docker_cli_sock" --data-root "$work/docker-root" --exec-root "$work/docker-exec" \
    --pidfile "$work/docker.pid" --bridge "$docker_bridge" --iptables=false --ip6tables=false \
    --ip-masq=false --insecure-registry "$registry" --storage-driver overlay2 --log-level error \
    > "$work/dockerd.log" 2>&1 < /dev/null &
  dpid=$!
  pids+=("$dpid")
  if wait_socket "$docker_cli_sock" "$dpid" 60; then
    D=(docker -H "unix://$docker_cli_sock")
    if "${D[@]}" pull -q "$image" > "$work/docker-pull.log" 2>&1; then
      echo "bench: dockerd: $runs start-ups"
      if run_engine docker "${D[@]}"; then
        dport="$(free_port)"
        "${D[@]}" run -d --name bench -p "127.0.0.1:$dport:80" -v "$work/www:/www:ro" "$image" httpd -f -p 80 -h /www > /dev/null
        wait_200 "http://127.0.0.1:$dport/" 30
        dip="$("${D[@]}" inspect --format '{{.NetworkSettings.IPAddress}}' bench)"
        row docker "docker-proxy 127.0.0.1:$dport" "http://127.0.0.1:$dport" "${start_ms[docker]}" proxy
        row docker "direct $dip:80 (floor)" "http://$dip:80" "" direct
        "${D[@]}" rm -f bench > /dev/null
      else
        docker_note="docker run failed"
      fi
    else
      docker_note="docker pull failed: $(tail -n 1 "$work/docker-pull.log")"
    fi
  else
    docker_note="dockerd does not start here: $(grep -v '^$' "$work/dockerd.log" | tail -n 1 | cut -c1-150)"
  fi
else
  docker_note="no dockerd or docker client (apt-get install docker.io)"
fi

echo
echo "busybox httpd, $image; start-up median of $runs; ab -c 16 for ${ab_seconds} s on a page; ab -c 4 for ${ab_seconds} s on a 20 MB file"
echo "(a shared machine: compare rows of one run, not runs)"
echo
printf '| %-8s | %-38s | %12s | %10s | %12s |\n' engine path "run→200 ms" "req/s" "20 MB MB/s"
printf '|%s|%s|%s|%s|%s|\n' ---------- ---------------------------------------- -------------- ------------ --------------
printf '%s\n' "${rows[@]}"
[ -z "$docker_note" ] || printf '| %-8s | %-38s | %12s | %10s | %12s |\n' docker "$docker_note" "" "" ""
ratio() {  # A B: A/B as a percentage, or n/a
  awk -v a="${1:-}" -v b="${2:-}" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.0f%%", 100 * a / b; else print "n/a" }'
}
echo
echo "20 MB through the proxy, as a share of the direct path: berth $(ratio "${mbps[berth:proxy]:-}" "${mbps[berth:direct]:-}"), docker $(ratio "${mbps[docker:proxy]:-}" "${mbps[docker:direct]:-}")"
echo "berth's proxy against docker-proxy: $(ratio "${mbps[berth:proxy]:-}" "${mbps[docker:proxy]:-}")"
podman_note="podman: not installed"
command -v podman > /dev/null && podman_note="podman: installed but not measured (its rootful ports are iptables rules, not a proxy)"
echo
echo "$podman_note"
