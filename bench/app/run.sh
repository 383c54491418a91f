#!/usr/bin/env bash
# Desktop app benchmark: cold start to first frame and idle memory with 0 and with 500
# containers, and how long the sidebar takes to show a container created from elsewhere;
# berth-desktop beside a bare Quick Controls window (same binary, style and renderer:
# BERTH_BENCH_BARE).
#   bench/app/run.sh [BUILD_DIR]        (default: build)
# Runs under a private Xvfb with the software renderer. With a built berthd (and root,
# like berthd itself) it starts a private one and the fixture registry (tests/fixtures)
# to pull busybox from; the 500 containers are created through the API, not started.
# Without berthd only the no-engine start-up is measured. Prints a table.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
source_dir="$(cd "$here/../.." && pwd)"
build="$(cd "${1:-build}" && pwd)"
app="$build/src/app/berth-desktop"
berthd="$build/runtime/berthd"
runs="${BENCH_RUNS:-5}"
row_samples="${BENCH_ROW_SAMPLES:-10}"
containers="${BENCH_CONTAINERS:-500}"
measure="$here/measure.py"
[ -x "$app" ] || { echo "bench: $app is not built" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "bench: Xvfb is missing (scripts/install-deps.sh)" >&2; exit 1; }

tmp="$(mktemp -d /tmp/berth-bench-app.XXXXXX)"
pids=()
fixtures=""
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$fixtures" ] && bash "$source_dir/tests/fixtures/cleanup.sh" "$fixtures" > /dev/null 2>&1 || true
  # Containers' rootfs mounts under the private root, then the tree.
  if [ -d "$tmp/root" ]; then
    { grep -F " $tmp/root" /proc/self/mounts || true; } | cut -d' ' -f2 | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
  fi
  rm -rf --one-file-system "$tmp"
}
trap cleanup EXIT

display=""
for n in $(seq 150 250); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=$n; break; fi
done
[ -n "$display" ] || { echo "bench: no free X display" >&2; exit 1; }
Xvfb ":$display" -screen 0 1400x900x24 -nolisten tcp > "$tmp/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.05; done

sock="$tmp/berth.sock"
export BERTH_HOST="unix://$sock"
have_engine=0
if [ -x "$berthd" ] && [ "$(id -u)" = 0 ]; then
  fixtures="$build/fixtures-bench"
  echo "bench: starting the fixture registry" >&2
  bash "$source_dir/tests/fixtures/setup.sh" "$fixtures" > "$tmp/fixtures.log" 2>&1 \
    || { cat "$tmp/fixtures.log" >&2; exit 1; }
  # shellcheck disable=SC1091
  source "$fixtures/env.sh"
  "$berthd" --root "$tmp/root" --host "$BERTH_HOST" --insecure-registry "$REGISTRY" \
    --log-file "$tmp/berthd.log" > /dev/null 2>&1 &
  pids+=($!)
  for _ in $(seq 200); do [ -S "$sock" ] && break; sleep 0.05; done
  [ -S "$sock" ] || { echo "bench: berthd did not start: $(tail -5 "$tmp/berthd.log")" >&2; exit 1; }
  python3 "$measure" pull "$sock" "$REGISTRY/busybox:latest"
  have_engine=1
fi

# median of the numbers on stdin ("nan" lines are failures and skipped)
median() { grep -v nan | sort -n | awk '{a[NR]=$1} END {if (NR==0) print "n/a"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
maximum() { grep -v nan | sort -n | tail -1; }

# starts MODE LABEL: median first frame and RSS over $runs cold starts.
declare -A first rss
starts() {
  local mode="$1" label="$2"
  : > "$tmp/$label.txt"
  for _ in $(seq "$runs"); do python3 "$measure" start "$app" "$mode" "$tmp" "$display" >> "$tmp/$label.txt"; done
  first[$label]="$(cut -d' ' -f1 "$tmp/$label.txt" | median)"
  rss[$label]="$(cut -d' ' -f2 "$tmp/$label.txt" | median)"
}

starts bare bare
starts berth berth0
rows_median="n/a"; rows_max="n/a"
if [ "$have_engine" = 1 ]; then
  echo "bench: sidebar update after a create from elsewhere ($row_samples samples)" >&2
  python3 "$measure" rows "$app" "$tmp" "$display" "$sock" "$REGISTRY/busybox:latest" "$row_samples" > "$tmp/rows.txt"
  rows_median="$(median < "$tmp/rows.txt")"
  rows_max="$(maximum < "$tmp/rows.txt")"
  echo "bench: creating $containers containers" >&2
  python3 "$measure" populate "$sock" "$REGISTRY/busybox:latest" "$containers" bench-many
  starts berth berthN
fi

echo "berth-desktop benchmark (median of $runs cold starts, Xvfb, software renderer)"
if [ "$have_engine" = 1 ]; then echo "engine: private berthd"; else echo "engine: none (no-engine screen)"; fi
printf '%-40s %18s %16s\n' "window" "first frame (ms)" "idle RSS (MB)"
printf '%-40s %18s %16s\n' "bare Quick Controls window" "${first[bare]}" "${rss[bare]}"
printf '%-40s %18s %16s\n' "berth-desktop, 0 containers" "${first[berth0]}" "${rss[berth0]}"
if [ "$have_engine" = 1 ]; then
  total=$((containers + row_samples))
  printf '%-40s %18s %16s\n' "berth-desktop, $total containers" "${first[berthN]}" "${rss[berthN]}"
  printf '%-40s %18s\n' "sidebar row after create (ms)" "median ${rows_median}, max ${rows_max}"
fi
echo "targets: first frame < 500 ms, list update < 100 ms, idle < 120 MB"
