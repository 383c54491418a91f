#!/usr/bin/env bash
# The real docker CLI against berthd: version, pull (plain and HTTPS with credentials
# from its config), images, image inspect, history, tag, rmi, image prune.
source "$(dirname "$0")/lib.sh"

[ -n "$DOCKER" ] || fail "no docker client (scripts/install-deps.sh installs docker.io where missing)"
berth_start
d() { "$DOCKER" -H "unix://$BERTH_SOCK" "$@"; }
bb="$REGISTRY/busybox:latest"
bb_id="$(fixture busybox .config)"

log "docker version"
out="$(d version 2>&1)" || fail "docker version failed: $out"
assert_contains "$out" "Server" "docker version shows the server"
api_version="$(d version --format '{{.Server.APIVersion}}')"
assert_eq "$api_version" "$(api GET /version | jq -r .ApiVersion)" "server API version as /version reports"
d info --format '{{.ServerVersion}}' > /dev/null || fail "docker info failed"
echo "ok: docker info"

log "docker pull"
out="$(d pull "$bb" 2>&1)" || fail "docker pull failed: $out"
assert_contains "$out" "Status: Downloaded newer image for $bb" "docker pull completes"
assert_contains "$out" "Digest: $(fixture busybox .manifest)" "docker pull shows the digest"
out="$(d pull "$REGISTRY/layered" 2>&1)" || fail "docker pull layered failed: $out"
base="$(fixture busybox '.layers[0]')"; base="${base#sha256:}"
assert_contains "$out" "${base:0:12}: Already exists" "docker pull shows the shared layer as Already exists"
out="$(d pull --platform linux/arm64 "$REGISTRY/multiarch" 2>&1)" || fail "docker pull --platform failed: $out"
assert_eq "$(d image inspect --format '{{.Architecture}}' "$REGISTRY/multiarch")" arm64 "docker pull --platform linux/arm64"

log "docker images"
out="$(d images --format '{{.Repository}}:{{.Tag}} {{.ID}}')"
assert_contains "$out" "$bb ${bb_id:7:12}" "docker images lists busybox with its short ID"
assert_eq "$(d images -q --no-trunc "$REGISTRY/busybox")" "$bb_id" "docker images -q --no-trunc with a reference"
assert_contains "$(d images --digests --format '{{.Digest}}' "$REGISTRY/busybox")" "$(fixture busybox .manifest)" "docker images --digests"
assert_eq "$(d images --filter label=org.berth.fixture=layered -q --no-trunc)" "$(fixture layered .config)" "docker images --filter label"

log "docker image inspect / history"
assert_eq "$(d image inspect --format '{{.Id}}' "$bb")" "$bb_id" "docker image inspect .Id"
assert_eq "$(d image inspect --format '{{.Config.WorkingDir}}' "$REGISTRY/layered")" /data "docker image inspect .Config.WorkingDir"
assert_eq "$(d image inspect --format '{{json .RootFS.Layers}}' "$REGISTRY/layered")" "$(fixture layered .diff_ids | jq -c .)" "docker image inspect .RootFS.Layers"
assert_eq "$(d history -q "$REGISTRY/layered" | wc -l)" 9 "docker history rows"
out="$(d history --no-trunc --format '{{.CreatedBy}}' "$REGISTRY/layered" | head -n 1)"
assert_eq "$out" '/bin/sh -c #(nop)  CMD ["sh"]' "docker history CreatedBy"

log "docker tag / rmi"
d tag "$bb" dockercli/bb:v1
assert_eq "$(d image inspect --format '{{.Id}}' dockercli/bb:v1)" "$bb_id" "docker tag"
assert_eq "$(d rmi dockercli/bb:v1)" "Untagged: dockercli/bb:v1" "docker rmi untags"
if out="$(d rmi nonexistent:tag 2>&1)"; then fail "docker rmi of a missing image succeeded"; fi
assert_contains "$out" "No such image" "docker rmi of a missing image"
if out="$(d pull "$REGISTRY/does-not-exist" 2>&1)"; then fail "docker pull of a missing image succeeded"; fi
assert_contains "$out" "does-not-exist" "docker pull of a missing image names it"
out="$(d rmi "$bb")"
assert_contains "$out" "Untagged: $bb" "docker rmi of the last tag untags"
assert_contains "$out" "Deleted: $bb_id" "docker rmi of the last tag deletes"

log "docker pull from the HTTPS registry with credentials in the client config"
auth="$(printf '%s:%s' "$REGISTRY_USER" "$REGISTRY_PASS" | base64 -w0)"
jq -n --arg r "$REGISTRY_TLS" --arg a "$auth" '{auths: {($r): {auth: $a}}}' > "$DOCKER_CONFIG/config.json"
out="$(d pull "$REGISTRY_TLS/busybox:latest" 2>&1)" || fail "docker pull over HTTPS failed: $out"
assert_contains "$out" "Status: Downloaded newer image for $REGISTRY_TLS/busybox:latest" "docker pull with Basic auth"
rm -f "$DOCKER_CONFIG/config.json"

log "docker image prune -a"
out="$(d image prune -a -f)"
assert_contains "$out" "Total reclaimed space" "docker image prune -a -f"
assert_eq "$(d images -q)" "" "no images left"

berth_stop
