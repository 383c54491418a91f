#!/usr/bin/env bash
# /_ping, /version and /info: headers, JSON shapes, version prefixes, and the real docker
# CLI negotiating against berthd.
source "$(dirname "$0")/lib.sh"

berth_start

log "ping"
assert_eq "$(api GET /_ping)" "OK" "GET /_ping answers OK"
headers="$(api HEAD /_ping)"
assert_contains "$headers" "HTTP/1.1 200" "HEAD /_ping is 200"
assert_contains "$headers" "Api-Version: 1.43" "API-Version header announces 1.43"
assert_contains "$headers" "Server: Berth/" "Server header"
assert_contains "$headers" "Docker-Experimental: false" "Docker-Experimental header"
assert_contains "$headers" "Ostype: linux" "Ostype header"
assert_eq "$(api GET /v1.24/_ping)" "OK" "minimum version prefix accepted"
assert_eq "$(api GET /v1.43/_ping)" "OK" "maximum version prefix accepted"

log "version"
v="$(api GET /v1.41/version)"
assert_json "$v" '.ApiVersion == "1.43" and .MinAPIVersion == "1.24"' "ApiVersion and MinAPIVersion"
assert_json "$v" '.Os == "linux" and (.Arch | length > 0) and (.KernelVersion | length > 0)' "Os, Arch, KernelVersion"
assert_json "$v" '.Components[0].Name == "Engine" and .Components[0].Details.ApiVersion == "1.43"' "Components"

log "info"
i="$(api GET /info)"
assert_json "$i" '.Driver == "overlay2" and .CgroupDriver == "cgroupfs" and .OSType == "linux"' "driver, cgroup driver, OSType"
assert_json "$i" ".DockerRootDir == \"$BERTH_ROOT\"" "DockerRootDir is the --root"
expected_cg=1
[ "$(stat -fc %T /sys/fs/cgroup)" = cgroup2fs ] && expected_cg=2
assert_json "$i" ".CgroupVersion == \"$expected_cg\"" "CgroupVersion detected from /sys/fs/cgroup"
assert_json "$i" ".NCPU == $(nproc) and .MemTotal > 0 and .Name == \"$(hostname)\"" "NCPU, MemTotal, Name"
assert_json "$i" '.RegistryConfig.InsecureRegistryCIDRs | index("127.0.0.0/8") != null' "127.0.0.0/8 is insecure"
assert_json "$i" '(.ID | length) == 36 and .Images == 0 and .Containers == 0' "ID and counts"
id_before="$(jq -r .ID <<< "$i")"

log "version prefixes outside the range"
body="$(api GET /v1.99/version)"
assert_eq "$(jq -r .message <<< "$body")" "client version 1.99 is too new. Maximum supported API version is 1.43" "too new"
assert_eq "$(api_status GET /v1.99/version)" 400 "too new is 400"
assert_contains "$(api GET /v1.20/version)" "client version 1.20 is too old. Minimum supported API version is 1.24" "too old"

log "the engine ID survives a restart"
berth_restart
assert_eq "$(api GET /info | jq -r .ID)" "$id_before" "same ID after restart"

if [ -n "$DOCKER" ]; then
  log "docker CLI"
  out="$("$DOCKER" -H "$BERTH_HOST" version 2>&1)" || fail "docker version failed: $out"
  assert_contains "$out" "API version:      1.43" "docker version negotiates 1.43"
  out="$("$DOCKER" -H "$BERTH_HOST" info 2>&1)" || fail "docker info failed: $out"
  assert_contains "$out" "Storage Driver: overlay2" "docker info prints the storage driver"
  assert_contains "$out" "Docker Root Dir: $BERTH_ROOT" "docker info prints the root"
  assert_not_contains "$out" "ERROR" "docker info prints no error"
  out="$("$DOCKER" -H "$BERTH_HOST" images 2>&1)" || fail "docker images failed: $out"
  assert_contains "$out" "REPOSITORY" "docker images prints a table"
fi

berth_stop
