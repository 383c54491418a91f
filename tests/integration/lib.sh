# Shared helpers for Berth's integration tests. A test starts with
#   source "$(dirname "$0")/lib.sh"
# and then calls berth_start, api, assert_*, ... (see README.md). Everything a test
# creates (berthd, mounts, temp dirs) is cleaned up by the EXIT trap, even on failure.
# shellcheck shell=bash

set -euo pipefail
# A command of the test itself failing under `set -e` says which one, where. (Not
# inherited by functions and $(...): expected failures there would print noise.)
trap 'echo "FAIL: exit $? from: $BASH_COMMAND (${BASH_SOURCE[0]##*/}:$LINENO)" >&2' ERR

: "${BERTH_SOURCE_DIR:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
: "${BERTH_BUILD_DIR:?BERTH_BUILD_DIR is not set (run the test through ctest)}"
: "${BERTH_FIXTURE_ENV:=$BERTH_BUILD_DIR/fixtures/env.sh}"
export BERTH_SOURCE_DIR BERTH_BUILD_DIR BERTH_FIXTURE_ENV

if [ ! -r "$BERTH_FIXTURE_ENV" ]; then
  echo "FAIL: $BERTH_FIXTURE_ENV is missing: the registries are not running" \
       "(run through ctest, which runs fixtures.setup first)" >&2
  exit 1
fi
# shellcheck source=/dev/null
source "$BERTH_FIXTURE_ENV"

BERTHD="$BERTH_BUILD_DIR/runtime/berthd"
BERTH="$BERTH_BUILD_DIR/src/cli/berth"
DOCKER="$(command -v docker || true)"
TEST_NAME="$(basename "$0" .sh)"
export BERTHD BERTH DOCKER

# Everything of this test lives under one private temp dir.
BERTH_TEST_TMP="$(mktemp -d "/tmp/berth-it.${TEST_NAME%_test}.XXXXXX")"
BERTH_ROOT="$BERTH_TEST_TMP/root"
BERTH_SOCK="$BERTH_TEST_TMP/berth.sock"
BERTH_LOG="$BERTH_ROOT.log"
BERTH_HOST="unix://$BERTH_SOCK"
DOCKER_HOST="$BERTH_HOST"
# The docker CLI must not read or write the user's ~/.docker.
DOCKER_CONFIG="$BERTH_TEST_TMP/docker-config"
mkdir -p "$DOCKER_CONFIG"
export BERTH_TEST_TMP BERTH_ROOT BERTH_SOCK BERTH_LOG BERTH_HOST DOCKER_HOST DOCKER_CONFIG

BERTHD_PID=""
BERTH_START_ARGS=()
# The default network's bridge of this test's berthd: tests run in parallel, each daemon
# with its own root, so each gets its own bridge (and berthd picks it a free subnet).
BERTH_BRIDGE="bt$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
export BERTH_BRIDGE
_berth_cleanup_cmds=()
_berth_pids=()

log() { echo "--- $*"; }

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# Exit code 77 makes ctest report the test as skipped (SKIP_RETURN_CODE).
skip() {
  echo "SKIP: $*"
  exit 77
}

# assert_eq ACTUAL EXPECTED MESSAGE
assert_eq() {
  if [ "$1" != "$2" ]; then
    fail "$3: expected '$2', got '$1'"
  fi
  echo "ok: $3"
}

assert_ne() {
  if [ "$1" = "$2" ]; then
    fail "$3: did not expect '$2'"
  fi
  echo "ok: $3"
}

# assert_contains HAYSTACK NEEDLE MESSAGE
assert_contains() {
  if [[ "$1" != *"$2"* ]]; then
    fail "$3: '$2' not found in: $(printf '%s' "$1" | head -c 2000)"
  fi
  echo "ok: $3"
}

assert_not_contains() {
  if [[ "$1" == *"$2"* ]]; then
    fail "$3: '$2' unexpectedly found in: $(printf '%s' "$1" | head -c 2000)"
  fi
  echo "ok: $3"
}

# assert_json JSON JQ_FILTER MESSAGE: the filter must yield true.
assert_json() {
  local result
  result="$(printf '%s' "$1" | jq -e "$2" 2>&1)" ||
    fail "$3: jq '$2' gave '${result}' for: $(printf '%s' "$1" | head -c 2000)"
  echo "ok: $3"
}

# Registers a command run by the cleanup trap (last registered runs first).
on_cleanup() { _berth_cleanup_cmds+=("$1"); }

# Records a PID the cleanup trap kills (SIGKILL) if it is still alive.
track_pid() { _berth_pids+=("$1"); }

# api METHOD PATH [curl args...]: prints the response body.
api() {
  local method="$1" path="$2"; shift 2
  if [ "$method" = HEAD ]; then
    curl -sS --unix-socket "$BERTH_SOCK" --head "http://localhost$path" "$@"
  else
    curl -sS --unix-socket "$BERTH_SOCK" -X "$method" "http://localhost$path" "$@"
  fi
}

# api_status METHOD PATH [curl args...]: prints only the HTTP status code.
api_status() {
  local method="$1" path="$2"; shift 2
  if [ "$method" = HEAD ]; then
    curl -sS --unix-socket "$BERTH_SOCK" --head -o /dev/null -w '%{http_code}' "http://localhost$path" "$@"
  else
    curl -sS --unix-socket "$BERTH_SOCK" -X "$method" -o /dev/null -w '%{http_code}' "http://localhost$path" "$@"
  fi
}

# fixture IMAGE JQ_PATH: a field of images.json, e.g. `fixture busybox .config`.
fixture() { jq -r --arg i "$1" ".[\$i]$2" "$FIXTURE_IMAGES_JSON"; }

# api_pull REF [curl args...]: POST /images/create the way the docker CLI sends it
# (fromImage=<name>, tag=<tag or digest>); prints the JSON progress stream.
api_pull() {
  local ref="$1" name tag; shift
  if [[ "$ref" == *@* ]]; then
    name="${ref%%@*}"; tag="${ref#*@}"
  elif [[ "${ref##*/}" == *:* ]]; then
    name="${ref%:*}"; tag="${ref##*:}"
  else
    name="$ref"; tag=latest
  fi
  curl -sS -N --unix-socket "$BERTH_SOCK" -X POST -G "http://localhost/images/create" \
    --data-urlencode "fromImage=$name" --data-urlencode "tag=$tag" "$@"
}

# stream_error STREAM: the error message of a JSON stream (or of a {"message"} body).
stream_error() {
  printf '%s\n' "$1" | jq -rR 'fromjson? | select(type == "object") | (.errorDetail.message // .error // .message // empty)' | head -n 1
}

# pull_ok REF: pulls through the API and fails the test unless the stream ends well.
pull_ok() {
  local out err
  out="$(api_pull "$1")"
  err="$(stream_error "$out")"
  [ -z "$err" ] || fail "pull $1: $err"
  assert_contains "$out" "Status: " "pull $1 finished"
}

# wait_http URL SECONDS: prints the body once the URL answers 200; false after SECONDS.
wait_http() {
  local i
  for i in $(seq $(($2 * 10))); do
    if curl -sf --max-time 2 "$1" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  return 1
}

# image_id NAME: the Id of an image through the API.
image_id() { api GET "/images/$1/json" | jq -r .Id; }

# layer_count: directories under $BERTH_ROOT/image/layers (0 when there is none).
layer_count() {
  if [ -d "$BERTH_ROOT/image/layers" ]; then
    find "$BERTH_ROOT/image/layers" -mindepth 1 -maxdepth 1 -type d | wc -l
  else
    echo 0
  fi
}

# sha256_of FILE
sha256_of() { echo "sha256:$(sha256sum "$1" | cut -d' ' -f1)"; }

_berth_wait_ready() {
  local i
  for i in $(seq 200); do
    if ! kill -0 "$BERTHD_PID" 2>/dev/null; then
      wait "$BERTHD_PID" 2>/dev/null || true
      BERTHD_PID=""
      fail "berthd exited during start-up"
    fi
    if [ -S "$BERTH_SOCK" ] && [ "$(api_status GET /_ping 2>/dev/null)" = 200 ]; then
      return 0
    fi
    sleep 0.05
  done
  fail "berthd did not answer /_ping within 10 s"
}

# berth_start [extra berthd args...]: starts a private berthd on BERTH_ROOT/BERTH_SOCK.
berth_start() {
  [ -x "$BERTHD" ] || fail "$BERTHD is not built"
  [ -z "$BERTHD_PID" ] || fail "berth_start: berthd already running (pid $BERTHD_PID)"
  BERTH_START_ARGS=("$@")
  mkdir -p "$BERTH_ROOT"
  "$BERTHD" --root "$BERTH_ROOT" --host "$BERTH_HOST" \
    --insecure-registry "$REGISTRY" --certs-dir "$REGISTRY_CERTS_DIR" \
    --bridge "$BERTH_BRIDGE" --debug --log-file "$BERTH_LOG" "$@" >> "$BERTH_LOG.stdio" 2>&1 < /dev/null &
  BERTHD_PID=$!
  export BERTHD_PID
  _berth_wait_ready
  log "berthd started (pid $BERTHD_PID, root $BERTH_ROOT)"
}

_berth_wait_exit() {  # PID SECONDS
  local pid="$1" i
  for i in $(seq $(($2 * 20))); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  if kill -0 "$pid" 2>/dev/null; then
    return 1
  fi
  wait "$pid" 2>/dev/null || true
}

# berth_stop: SIGTERM, waits; SIGKILL after 15 s. Fails if it had to kill.
berth_stop() {
  [ -n "$BERTHD_PID" ] || return 0
  local pid="$BERTHD_PID"
  BERTHD_PID=""
  kill -TERM "$pid" 2>/dev/null || true
  if ! _berth_wait_exit "$pid" 15; then
    kill -KILL "$pid" 2>/dev/null || true
    _berth_wait_exit "$pid" 5 || true
    fail "berthd (pid $pid) did not stop on SIGTERM within 15 s"
  fi
  log "berthd stopped"
}

# berth_kill9: SIGKILL, as a crash would.
berth_kill9() {
  [ -n "$BERTHD_PID" ] || return 0
  local pid="$BERTHD_PID"
  BERTHD_PID=""
  kill -KILL "$pid" 2>/dev/null || true
  _berth_wait_exit "$pid" 10 || true
  log "berthd killed with SIGKILL"
}

# berth_restart [args]: stops and starts again on the same root, with the same
# arguments as the last berth_start unless new ones are given.
berth_restart() {
  local args=("${BERTH_START_ARGS[@]}")
  [ $# -eq 0 ] || args=("$@")
  berth_stop
  berth_start "${args[@]}"
}

# Mount points under DIR, deepest first (mountinfo escapes spaces etc. as \ooo).
_berth_mounts_under() {
  local dir="$1"
  awk '{print $5}' /proc/self/mountinfo | while read -r m; do
    m="$(printf '%b' "$m")"
    case "$m" in "$dir"|"$dir"/*) echo "$m" ;; esac
  done | awk '{print gsub("/", "/"), $0}' | sort -rn | cut -d' ' -f2-
}

# Containers outlive berthd (their monitors detach), so a test's containers are removed
# through its own daemon before it stops, whatever the test left running.
_berth_remove_containers() {
  [ -n "$BERTHD_PID" ] && kill -0 "$BERTHD_PID" 2>/dev/null || return 0
  local id
  for id in $(curl -s --max-time 10 --unix-socket "$BERTH_SOCK" "http://localhost/containers/json?all=1" |
              jq -r '.[].Id' 2>/dev/null); do
    curl -s --max-time 30 --unix-socket "$BERTH_SOCK" -X DELETE "http://localhost/containers/$id?force=1&v=1" >/dev/null
  done
}

# When the daemon was already gone (killed by the test), stop what is left of its
# containers by the PIDs their own directories and cgroups name.
_berth_kill_orphan_monitors() {
  local dir id pid procs
  for dir in "$BERTH_ROOT"/containers/*/; do
    [ -d "$dir" ] || continue
    id="$(basename "$dir")"
    # v1 controllers, the hybrid unified mount, and a pure cgroup v2 host.
    for procs in /sys/fs/cgroup/*/berth/"$id"/cgroup.procs /sys/fs/cgroup/berth/"$id"/cgroup.procs; do
      [ -f "$procs" ] || continue
      while read -r pid; do kill -KILL "$pid" 2>/dev/null; done < "$procs"
    done
    pid="$(cat "$dir/monitor.pid" 2>/dev/null)"
    if [ -n "$pid" ] && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "monitor .*$id"; then
      kill -KILL "$pid" 2>/dev/null
    fi
    rm -f "/run/berth/c/$id"
    for procs in /sys/fs/cgroup/*/berth/"$id" /sys/fs/cgroup/berth/"$id"; do
      [ -d "$procs" ] || continue
      for _ in 1 2 3 4 5; do rmdir "$procs" 2>/dev/null && break; sleep 0.2; done
    done
  done
}

_berth_cleanup() {
  local status=$?
  set +e
  trap - EXIT INT TERM ERR
  local i
  for ((i = ${#_berth_cleanup_cmds[@]} - 1; i >= 0; i--)); do
    eval "${_berth_cleanup_cmds[$i]}"
  done
  _berth_remove_containers
  if [ -n "$BERTHD_PID" ]; then
    local pid="$BERTHD_PID"
    BERTHD_PID=""
    kill -TERM "$pid" 2>/dev/null
    _berth_wait_exit "$pid" 10 || { kill -KILL "$pid" 2>/dev/null; _berth_wait_exit "$pid" 5; }
  fi
  for pid in "${_berth_pids[@]}"; do
    kill -KILL "$pid" 2>/dev/null
  done
  _berth_kill_orphan_monitors
  # berthd keeps its bridges after it stops (as dockerd keeps docker0): remove the
  # default one and those of networks the test left behind.
  local bridge
  for bridge in "$BERTH_BRIDGE" $(jq -r '.Bridge // empty' "$BERTH_ROOT"/network/*.json 2>/dev/null); do
    [ ! -e "/sys/class/net/$bridge" ] || ip link del "$bridge" 2>/dev/null
  done
  # A berthd that had to be killed leaves its isolation chain (named after its default
  # bridge) in the host-wide table.
  nft delete chain ip berth_isolation "iso_$BERTH_BRIDGE" 2>/dev/null || true
  local m
  for _ in 1 2 3; do
    m="$(_berth_mounts_under "$BERTH_TEST_TMP")"
    [ -n "$m" ] || break
    while read -r m; do umount -l "$m" 2>/dev/null; done <<< "$m"
  done
  if [ $status -ne 0 ] && [ $status -ne 77 ]; then
    echo "=== test failed (exit $status); last lines of the berthd log ($BERTH_LOG):" >&2
    tail -n 60 "$BERTH_LOG" "$BERTH_LOG.stdio" 2>/dev/null >&2
  fi
  if [ -z "${BERTH_KEEP_TMP:-}" ]; then
    rm -rf --one-file-system "$BERTH_TEST_TMP"
  else
    echo "kept $BERTH_TEST_TMP"
  fi
  exit $status
}
trap _berth_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
