#!/usr/bin/env bash
# Desktop app benchmark: cold start to first frame and idle memory, for berth-desktop
# beside a bare Quick Controls window (same binary, style and renderer: BERTH_BENCH_BARE).
#   bench/app/run.sh [BUILD_DIR]        (default: build)
# Runs under a private Xvfb with the software renderer. With a built berthd it starts a
# private one (needs root, like berthd itself) so the app connects and lists what is
# there; otherwise the app shows its no-engine screen. Prints a table.
# Containers: only the "0 containers" case runs so far; the 500-container case will
# create them with `docker create` against the private berthd.
set -euo pipefail

build="$(cd "${1:-build}" && pwd)"
app="$build/src/app/berth-desktop"
berthd="$build/runtime/berthd"
runs="${BENCH_RUNS:-5}"
[ -x "$app" ] || { echo "bench: $app is not built" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "bench: Xvfb is missing (scripts/install-deps.sh)" >&2; exit 1; }

tmp="$(mktemp -d /tmp/berth-bench-app.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
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

engine="none (no-engine screen)"
export BERTH_HOST="unix://$tmp/berth.sock"
if [ -x "$berthd" ] && [ "$(id -u)" = 0 ]; then
  "$berthd" --root "$tmp/root" --host "$BERTH_HOST" --log-file "$tmp/berthd.log" > /dev/null 2>&1 &
  pids+=($!)
  for _ in $(seq 200); do [ -S "$tmp/berth.sock" ] && break; sleep 0.05; done
  engine="private berthd, 0 containers"
fi

# measure MODE: prints "<ms to first frame> <idle RSS in MB>" for one cold start.
measure() {
  local mode="$1"
  python3 - "$app" "$mode" "$tmp" "$display" <<'PY'
import os, subprocess, sys, time
app, mode, tmp, display = sys.argv[1:5]
env = dict(os.environ, DISPLAY=":" + display, QT_QPA_PLATFORM="xcb", QT_QUICK_BACKEND="software",
           BERTH_BENCH_FIRST_FRAME="1", XDG_CONFIG_HOME=os.path.join(tmp, "config"))
if mode == "bare":
    env["BERTH_BENCH_BARE"] = "1"
start = time.monotonic()
p = subprocess.Popen([app], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
try:
    line = p.stdout.readline().split()
    if len(line) != 2 or line[0] != "first-frame":
        print("nan nan"); sys.exit(0)
    first_ms = (float(line[1]) - start) * 1000.0
    time.sleep(3.0)  # settle: connection made, lists loaded, nothing moving
    rss_kb = 0
    with open(f"/proc/{p.pid}/status") as f:
        for l in f:
            if l.startswith("VmRSS:"):
                rss_kb = int(l.split()[1])
    print(f"{first_ms:.0f} {rss_kb / 1024:.1f}")
finally:
    p.terminate()
    p.wait(timeout=10)
PY
}

# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "n/a"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

declare -A first rss
for mode in bare berth; do
  : > "$tmp/$mode.txt"
  for _ in $(seq "$runs"); do measure "$mode" >> "$tmp/$mode.txt"; done
  first[$mode]="$(cut -d' ' -f1 "$tmp/$mode.txt" | median)"
  rss[$mode]="$(cut -d' ' -f2 "$tmp/$mode.txt" | median)"
done

echo "berth-desktop benchmark (median of $runs cold starts, Xvfb, software renderer)"
echo "engine: $engine"
printf '%-34s %18s %16s\n' "window" "first frame (ms)" "idle RSS (MB)"
printf '%-34s %18s %16s\n' "bare Quick Controls window" "${first[bare]}" "${rss[bare]}"
printf '%-34s %18s %16s\n' "berth-desktop" "${first[berth]}" "${rss[berth]}"
echo "targets: first frame < 500 ms, idle < 120 MB"
