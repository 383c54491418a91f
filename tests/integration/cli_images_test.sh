#!/usr/bin/env bash
# The berth CLI's image commands, exactly as a user sees them: pull output and -q, images
# (-q, --digests, --no-trunc, --filter, --format), image inspect (--format), history, tag,
# rmi, image prune (prompt and -f), the error lines and exit codes, host selection.
source "$(dirname "$0")/lib.sh"

[ -x "$BERTH" ] || fail "$BERTH is not built"
berth_start
bb="$REGISTRY/busybox:latest"
bb_id="$(fixture busybox .config)"
bb_short="${bb_id#sha256:}"; bb_short="${bb_short:0:12}"

log "pull: progress lines, Digest, Status, the full reference last"
out="$("$BERTH" pull "$REGISTRY/busybox")" || fail "berth pull failed: $out"
assert_eq "$(head -n 1 <<< "$out")" "Using default tag: latest" "pull without a tag says so"
assert_contains "$out" "Digest: $(fixture busybox .manifest)" "pull prints the Digest line"
assert_contains "$out" "Status: Downloaded newer image for $bb" "pull prints the Status line"
assert_eq "$(tail -n 1 <<< "$out")" "$bb" "pull ends with the full reference"
# Piped output has no cursor movement and no byte counters.
assert_not_contains "$out" $'\x1b[' "no ANSI escapes when stdout is not a terminal"
assert_eq "$(grep -c 'Downloading' <<< "$out" || true)" "$(grep -c ': Downloading' <<< "$out" || true)" "Downloading lines carry their layer"
for layer in $(fixture busybox '.layers[]'); do
  short="${layer#sha256:}"; short="${short:0:12}"
  assert_eq "$(grep -c "^$short: Pull complete" <<< "$out")" 1 "one 'Pull complete' line for layer $short"
done
out="$("$BERTH" pull -q "$bb")"
assert_eq "$out" "$bb" "pull -q prints only the reference"
if command -v script > /dev/null; then
  # On a terminal the layer lines are redrawn in place with ANSI cursor moves.
  out="$(script -qec "'$BERTH' pull '$REGISTRY/zstd'" /dev/null)"
  assert_contains "$out" $'\x1b[' "pull on a terminal moves the cursor"
  layer="$(fixture zstd '.layers[0]')"; layer="${layer#sha256:}"
  assert_contains "$out" $'\x1b[2K\r'"${layer:0:12}: " "pull on a terminal draws the layer's line"
  assert_contains "$out" "$REGISTRY/zstd:latest" "pull on a terminal ends with the reference"
  "$BERTH" rmi "$REGISTRY/zstd" > /dev/null
fi

log "images: -q, --no-trunc, --digests, --filter, --format"
assert_eq "$("$BERTH" images -q)" "$bb_short" "images -q"
assert_eq "$("$BERTH" images -q --no-trunc)" "$bb_id" "images -q --no-trunc"
assert_eq "$("$BERTH" images --format '{{.Repository}}:{{.Tag}} {{.ID}}')" "$REGISTRY/busybox:latest $bb_short" "images --format"
out="$("$BERTH" images --format 'table {{.Repository}}\t{{.Tag}}')"
assert_eq "$(head -n 1 <<< "$out" | tr -s ' ')" "REPOSITORY TAG" "images --format table header"
out="$("$BERTH" images --digests | sed -n 2p | tr -s ' ')"
assert_contains "$out" "$REGISTRY/busybox latest $(fixture busybox .manifest) $bb_short" "images --digests row"
assert_eq "$("$BERTH" images -q --filter dangling=true)" "" "images --filter dangling=true is empty"
assert_eq "$("$BERTH" images -q "$REGISTRY/busybox")" "$bb_short" "images REPOSITORY"

log "image inspect: JSON array and --format"
out="$("$BERTH" image inspect "$bb")"
assert_eq "$(head -c 1 <<< "$out")" "[" "inspect prints a JSON array"
assert_json "$out" ".[0].Id == \"$bb_id\"" "inspect JSON has the image ID"
assert_eq "$("$BERTH" image inspect -f '{{.Id}}' "$bb")" "$bb_id" "inspect -f {{.Id}}"
assert_eq "$("$BERTH" image inspect --format '{{index .RepoTags 0}}' "$bb")" "$bb" "inspect --format index"
assert_eq "$("$BERTH" image inspect --format '{{json .Config.Cmd}}' "$bb")" \
          "$(api GET "/images/$bb/json" | jq -c .Config.Cmd)" "inspect --format json"
rc=0; out="$("$BERTH" image inspect "$bb" nosuch:image 2>"$BERTH_TEST_TMP/inspect.err")" || rc=$?
err="$(cat "$BERTH_TEST_TMP/inspect.err")"; rm -f "$BERTH_TEST_TMP/inspect.err"
assert_eq "$rc" 1 "inspect with an unknown image exits 1"
assert_json "$out" "length == 1" "inspect still prints the known image"
assert_eq "$err" "Error response from daemon: No such image: nosuch:image" "inspect error line"

log "history"
out="$("$BERTH" history "$bb")"
assert_eq "$(head -n 1 <<< "$out" | tr -s ' ')" "IMAGE CREATED CREATED BY SIZE COMMENT" "history header"
assert_eq "$("$BERTH" history -q "$bb" | head -n 1)" "$bb_short" "history -q starts with the image"
out="$("$BERTH" history -H=false "$bb" | sed -n 2p)"
assert_contains "$out" "T" "history -H=false prints RFC 3339 dates"
assert_not_contains "$out" " ago" "history -H=false has no relative dates"

log "tag and rmi"
"$BERTH" tag "$bb" cli-test/box:one
"$BERTH" image tag "$bb" cli-test/box
assert_eq "$(image_id cli-test/box:one)" "$bb_id" "tag TARGET:TAG"
assert_eq "$(image_id cli-test/box:latest)" "$bb_id" "image tag TARGET (latest)"
rc=0; out="$("$BERTH" tag "$bb" 'Bad/Name' 2>&1)" || rc=$?
assert_eq "$rc" 1 "tag to an invalid name exits 1"
assert_contains "$out" "berth: invalid reference format" "tag to an invalid name says why"
assert_eq "$("$BERTH" rmi cli-test/box:one cli-test/box)" $'Untagged: cli-test/box:one\nUntagged: cli-test/box:latest' "rmi of two tags"

log "errors: one line on stderr, exit 1"
rc=0; err="$("$BERTH" rmi nosuch:image 2>&1 >/dev/null)" || rc=$?
assert_eq "$rc" 1 "rmi of an unknown image exits 1"
assert_eq "$err" "Error response from daemon: No such image: nosuch:image" "rmi error line"
rc=0; err="$("$BERTH" frobnicate 2>&1)" || rc=$?
assert_eq "$rc" 1 "unknown command exits 1"
assert_contains "$err" "berth: 'frobnicate' is not a berth command." "unknown command line"
rc=0; err="$("$BERTH" -H "unix://$BERTH_TEST_TMP/nothing.sock" images 2>&1)" || rc=$?
assert_eq "$rc" 1 "no engine exits 1"
assert_eq "$err" "Cannot connect to the Berth engine at unix://$BERTH_TEST_TMP/nothing.sock. Is berthd running?" "no engine line"
# -H wins over BERTH_HOST and DOCKER_HOST.
assert_eq "$(BERTH_HOST="unix://$BERTH_TEST_TMP/nothing.sock" "$BERTH" -H "unix://$BERTH_SOCK" images -q)" "$bb_short" "-H overrides BERTH_HOST"
assert_eq "$(env -u BERTH_HOST DOCKER_HOST="unix://$BERTH_SOCK" "$BERTH" images -q)" "$bb_short" "DOCKER_HOST is used without BERTH_HOST"

log "image prune: asks first, -f does not"
out="$(echo n | "$BERTH" image prune)"
assert_contains "$out" "WARNING! This will remove all dangling images." "prune warns"
assert_contains "$out" "Are you sure you want to continue? [y/N]" "prune asks"
assert_eq "$("$BERTH" images -q)" "$bb_short" "answering no keeps everything"
out="$("$BERTH" image prune -f)"
assert_contains "$out" "Total reclaimed space:" "prune -f reports space"
out="$(echo y | "$BERTH" image prune -a)"
assert_contains "$out" "Deleted Images:" "prune -a lists what it deleted"
assert_contains "$out" "deleted: $bb_id" "prune -a deletes the unused image"
assert_eq "$("$BERTH" images -q)" "" "no images left"

log "pull from the registry with Basic auth: credentials saved by docker login"
rc=0; err="$("$BERTH" pull -q "$REGISTRY_TLS/busybox" 2>&1)" || rc=$?
assert_eq "$rc" 1 "pull without credentials exits 1"
assert_contains "$err" "Error response from daemon: " "pull without credentials: the engine's error line"
printf '{"auths":{"%s":{"auth":"%s"}}}' "$REGISTRY_TLS" \
  "$(printf '%s:%s' "$REGISTRY_USER" "$REGISTRY_PASS" | base64 -w0)" > "$DOCKER_CONFIG/config.json"
assert_eq "$("$BERTH" pull -q "$REGISTRY_TLS/busybox")" "$REGISTRY_TLS/busybox:latest" "pull with saved credentials"

berth_stop
