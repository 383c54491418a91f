#!/usr/bin/env bash
# Pull benchmark: a ~100 MB, 5-layer image of random data in a local registry, pulled
#   - by berthd (download + verify + unpack; a fresh store for every run),
#   - by `skopeo copy` to a local directory (download only),
#   - by Debian's dockerd started privately on a temp socket and root (if it can run here).
# Prints the median of N runs of each and the ratios to berthd.
#
# Usage: bench/pull/run.sh [-n RUNS] [-s TOTAL_MIB] [-b BUILD_DIR]
# Needs root (berthd and dockerd). Not part of ctest.
set -euo pipefail

src="$(cd "$(dirname "$0")/../.." && pwd)"
build="${BERTH_BUILD_DIR:-$src/build}"
runs=5
size_mib=100
while getopts "n:s:b:h" opt; do
  case "$opt" in
    n) runs="$OPTARG" ;;
    s) size_mib="$OPTARG" ;;
    b) build="$OPTARG" ;;
    *) sed -n '2,9p' "$0"; exit 2 ;;
  esac
done
berthd="$build/runtime/berthd"
[ "$(id -u)" -eq 0 ] || { echo "bench: run as root" >&2; exit 1; }
[ -x "$berthd" ] || { echo "bench: $berthd is not built (cmake --build $build --target berthd)" >&2; exit 1; }
for tool in docker-registry skopeo curl jq python3; do
  command -v "$tool" > /dev/null || { echo "bench: $tool missing (scripts/install-deps.sh)" >&2; exit 1; }
done

work="$(mktemp -d /tmp/berth-bench.XXXXXX)"
pids=()

source "$src/bench/lib.sh"

cleanup() {
  set +e
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do stop_pid "${pids[$i]}"; done
  awk '{print $5}' /proc/self/mountinfo | grep "^$work/" | sort -r | while read -r m; do umount -l "$m"; done
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT

elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

echo "bench: building a ${size_mib} MiB, 5-layer image of random data"
python3 "$src/bench/pull/make_image.py" "$work/oci" "$size_mib" 5

start_registry
skopeo --insecure-policy copy -q --preserve-digests --dest-tls-verify=false \
  "oci:$work/oci:latest" "docker://$registry/bench:latest"
image="$registry/bench:latest"
compressed="$(jq '[.layers[].size] | add' "$work/oci/blobs/sha256/$(jq -r '.manifests[0].digest[7:]' "$work/oci/index.json")")"
echo "bench: $image pushed ($((compressed / 1024 / 1024)) MiB compressed); $runs runs each"

# --- berthd: a fresh root every run, only the pull is timed ---
berth_times=()
for i in $(seq "$runs"); do
  root="$work/berth-root"
  rm -rf --one-file-system "$root"
  mkdir -p "$root"
  "$berthd" --root "$root" --host "unix://$work/berth.sock" --insecure-registry "$registry" \
    --log-file "$work/berthd.log" > /dev/null 2>&1 < /dev/null &
  bpid=$!
  pids+=("$bpid")
  wait_socket "$work/berth.sock" "$bpid" 20 || { echo "bench: berthd did not start:" >&2; tail "$work/berthd.log" >&2; exit 1; }
  t0="$(now)"
  out="$(curl -sS -N --unix-socket "$work/berth.sock" -X POST \
    "http://localhost/images/create?fromImage=$registry/bench&tag=latest")"
  t1="$(now)"
  grep -q 'Status: Downloaded newer image' <<< "$out" || { echo "bench: berthd pull failed: $(tail -n 3 <<< "$out")" >&2; exit 1; }
  berth_times+=("$(elapsed "$t0" "$t1")")
  stop_pid "$bpid"
  unset 'pids[${#pids[@]}-1]'
done

# --- skopeo copy to a directory (download + digest check, no unpacking) ---
skopeo_times=()
for i in $(seq "$runs"); do
  rm -rf "$work/skopeo-dir"
  t0="$(now)"
  skopeo --insecure-policy copy -q --src-tls-verify=false "docker://$image" "dir:$work/skopeo-dir"
  t1="$(now)"
  skopeo_times+=("$(elapsed "$t0" "$t1")")
done

# --- docker pull against a private dockerd ---
docker_times=()
docker_note=""
dockerd_bin="$(command -v dockerd || true)"
if [ -z "$dockerd_bin" ]; then
  echo "bench: dockerd missing: installing Debian's docker.io (its service is not started)"
  policy_created=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy_created=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io > "$work/apt.log" 2>&1 ||
    docker_note="docker.io could not be installed"
  [ -z "$policy_created" ] || rm -f /usr/sbin/policy-rc.d
  dockerd_bin="$(command -v dockerd || true)"
fi
docker_cli="$(command -v docker || true)"
if [ -n "$dockerd_bin" ] && [ -n "$docker_cli" ]; then
  dsock="$work/docker.sock"
  "$dockerd_bin" --host "unix://$dsock" --data-root "$work/docker-root" --exec-root "$work/docker-exec" \
    --pidfile "$work/docker.pid" --bridge none --iptables=false --ip6tables=false \
    --insecure-registry "$registry" --storage-driver overlay2 --log-level error \
    > "$work/dockerd.log" 2>&1 < /dev/null &
  dpid=$!
  pids+=("$dpid")
  if wait_socket "$dsock" "$dpid" 60; then
    for i in $(seq "$runs"); do
      "$docker_cli" -H "unix://$dsock" rmi -f "$image" > /dev/null 2>&1 || true
      "$docker_cli" -H "unix://$dsock" image prune -a -f > /dev/null 2>&1 || true
      t0="$(now)"
      if ! "$docker_cli" -H "unix://$dsock" pull -q "$image" > "$work/docker-pull.log" 2>&1; then
        docker_note="docker pull failed: $(tail -n 1 "$work/docker-pull.log")"
        docker_times=()
        break
      fi
      t1="$(now)"
      docker_times+=("$(elapsed "$t0" "$t1")")
    done
  else
    docker_note="dockerd does not start here: $(grep -v '^$' "$work/dockerd.log" | tail -n 1 | cut -c1-150)"
  fi
elif [ -z "$docker_note" ]; then
  docker_note="no dockerd or docker client"
fi

# --- table ---
berth_median="$(printf '%s\n' "${berth_times[@]}" | median)"
row() {  # NAME WHAT TIMES...
  local name="$1" what="$2"; shift 2
  local med ratio
  med="$(printf '%s\n' "$@" | median)"
  ratio="$(awk -v a="$med" -v b="$berth_median" 'BEGIN { printf "%.2f", a / b }')"
  printf '| %-16s | %-34s | %9s | %12s | %s |\n' "$name" "$what" "$med" "$ratio" "$*"
}
echo
echo "Pull of $image: 5 layers, $((compressed / 1024 / 1024)) MiB, random data; median of $runs runs"
echo
printf '| %-16s | %-34s | %9s | %12s | %s |\n' tool "what is timed" "median s" "vs berthd" "runs (s)"
printf '|%s|%s|%s|%s|%s|\n' "------------------" "------------------------------------" "-----------" "--------------" "------"
row "berthd" "download + verify + unpack" "${berth_times[@]}"
row "skopeo copy" "download + verify to a dir" "${skopeo_times[@]}"
if [ ${#docker_times[@]} -gt 0 ]; then
  row "docker pull" "download + verify + unpack" "${docker_times[@]}"
else
  printf '| %-16s | %-34s | %9s | %12s | %s |\n' "docker pull" "download + verify + unpack" "n/a" "n/a" "$docker_note"
fi
