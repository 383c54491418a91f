# Helpers the benchmark scripts share; sourced after the script has set `work` (its temp
# dir) and `pids` (the processes cleanup stops, newest last).

stop_pid() {  # PID: SIGTERM, wait up to 20 s, then SIGKILL
  local pid="$1"
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

now() { echo "$EPOCHREALTIME"; }

median() {  # [PRINTF_FORMAT]: the median of the numbers on stdin (n/a for none)
  sort -n | awk -v f="${1:-%.3f}" '{ v[NR] = $1 } END {
    if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else printf f "\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

wait_socket() {  # SOCKET PID SECONDS: until the engine on SOCKET answers /_ping
  for _ in $(seq $(($3 * 10))); do
    kill -0 "$2" 2>/dev/null || return 1
    curl -sf --unix-socket "$1" http://localhost/_ping > /dev/null 2>&1 && return 0
    sleep 0.1
  done
  return 1
}

# start_registry: a docker-registry on a free 127.0.0.1 port with its storage under
# $work/registry; sets `registry` (host:port) and adds its pid to `pids`.
start_registry() {
  registry="127.0.0.1:$(free_port)"
  mkdir -p "$work/registry"
  cat > "$work/registry/config.yml" <<YML
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $work/registry/storage
http:
  addr: $registry
  secret: berth-bench
YML
  setsid docker-registry serve "$work/registry/config.yml" > "$work/registry/log" 2>&1 < /dev/null &
  pids+=($!)
  for _ in $(seq 100); do curl -sf "http://$registry/v2/" > /dev/null && break; sleep 0.1; done
}
