#!/usr/bin/env bash
# The berth CLI's image commands against berthd: pull (a progress line per layer),
# images (-q, --digests), image inspect, history, tag, rmi (-f), image prune, and one
# clear error line with a non-zero exit.
source "$(dirname "$0")/lib.sh"

[ -x "$BERTH" ] || fail "$BERTH is not built"
berth_start
bb="$REGISTRY/busybox:latest"
bb_id="$(fixture busybox .config)"
bb_short="${bb_id#sha256:}"; bb_short="${bb_short:0:12}"

log "berth version / info"
out="$("$BERTH" version)"
assert_contains "$out" "Server" "version shows the server"
"$BERTH" info > /dev/null || fail "berth info failed"
echo "ok: berth info"

log "berth pull"
out="$("$BERTH" pull "$REGISTRY/layered" 2>&1)" || fail "berth pull failed: $out"
assert_contains "$out" "latest: Pulling from layered" "pull: 'latest: Pulling from layered'"
for layer in $(fixture layered '.layers[]'); do
  short="${layer#sha256:}"; short="${short:0:12}"
  # Cursor movement may redraw lines on a terminal; piped, the final state is printed.
  assert_contains "$out" "$short: Pull complete" "pull: line for layer $short"
done
assert_contains "$out" "Digest: $(fixture layered .manifest)" "pull: Digest line"
assert_contains "$out" "Status: Downloaded newer image for $REGISTRY/layered:latest" "pull: Status line"
out="$("$BERTH" pull "$bb" 2>&1)" || fail "berth pull busybox failed: $out"
base="$(fixture busybox '.layers[0]')"; base="${base#sha256:}"
assert_contains "$out" "${base:0:12}: Already exists" "pull: shared layer 'Already exists'"
out="$("$BERTH" pull "$bb" 2>&1)"
assert_contains "$out" "Status: Image is up to date for $bb" "pull again: up to date"

log "berth images"
out="$("$BERTH" images)"
header="$(head -n 1 <<< "$out" | tr -s ' ')"
assert_eq "$header" "REPOSITORY TAG IMAGE ID CREATED SIZE" "images header"
row="$(grep -F "$REGISTRY/busybox " <<< "$out" | tr -s ' ')"
assert_contains "$row" "$REGISTRY/busybox latest $bb_short" "images row: repository, tag, short ID"
assert_contains "$row" "ago" "images row: CREATED is relative"
assert_contains "$row" "MB" "images row: SIZE human readable"
assert_eq "$("$BERTH" image ls | wc -l)" 3 "image ls: header + two images"
assert_eq "$("$BERTH" images -q | sort)" "$(printf '%s\n' "$bb_short" "$(fixture layered .config | cut -c8-19)" | sort)" "images -q prints short IDs"
out="$("$BERTH" images --digests)"
assert_eq "$(head -n 1 <<< "$out" | tr -s ' ')" "REPOSITORY TAG DIGEST IMAGE ID CREATED SIZE" "images --digests header"
assert_contains "$out" "$(fixture busybox .manifest)" "images --digests shows the manifest digest"

log "berth image inspect / history"
out="$("$BERTH" image inspect "$bb")"
assert_json "$out" "type == \"array\" and length == 1 and .[0].Id == \"$bb_id\"" "image inspect prints the JSON array"
out="$("$BERTH" history "$REGISTRY/layered")"
assert_eq "$(head -n 1 <<< "$out" | tr -s ' ')" "IMAGE CREATED CREATED BY SIZE COMMENT" "history header"
assert_eq "$(($(wc -l <<< "$out") - 1))" 9 "history: one row per entry"
assert_contains "$(sed -n 2p <<< "$out")" "$(fixture layered .config | cut -c8-19)" "history: top row has the short ID"
assert_contains "$(sed -n 3p <<< "$out")" "<missing>" "history: lower rows <missing>"

log "berth tag / rmi"
"$BERTH" tag "$bb" cli/bb:v1 || fail "berth tag failed"
assert_eq "$(image_id cli/bb:v1)" "$bb_id" "tag created"
out="$("$BERTH" rmi cli/bb:v1)"
assert_eq "$out" "Untagged: cli/bb:v1" "rmi prints Untagged"
"$BERTH" tag "$bb" cli/bb:v2
if out="$("$BERTH" rmi "$bb_short" 2>&1)"; then fail "rmi by ID of a twice-tagged image should fail"; fi
assert_contains "$out" "must be forced" "rmi without -f explains"
out="$("$BERTH" rmi -f "$bb_short")"
assert_contains "$out" "Deleted: $bb_id" "rmi -f deletes"

log "berth image prune"
"$BERTH" pull "$REGISTRY/zstd" > /dev/null
"$BERTH" tag "$REGISTRY/layered" "$REGISTRY/zstd"
out="$("$BERTH" image prune -f)"
assert_contains "$out" "Deleted" "prune -f deletes the dangling image"
assert_contains "$out" "Total reclaimed space" "prune -f reports reclaimed space"
out="$("$BERTH" image prune -a -f)"
assert_contains "$out" "$(fixture layered .config)" "prune -a -f deletes the remaining image"
assert_eq "$("$BERTH" images -q)" "" "no images left"

log "errors: one clear line, non-zero exit"
if out="$("$BERTH" pull "$REGISTRY/does-not-exist" 2>&1)"; then fail "pull of a missing image succeeded"; fi
assert_contains "$out" "does-not-exist" "pull error names the image"
if out="$("$BERTH" rmi nope:nope 2>&1)"; then fail "rmi of a missing image succeeded"; fi
assert_eq "$(wc -l <<< "$out")" 1 "rmi error is one line"
assert_contains "$out" "No such image" "rmi error says No such image"
if out="$("$BERTH" pull "$REGISTRY/Invalid//Name" 2>&1)"; then fail "pull of an invalid reference succeeded"; fi
assert_contains "$out" "invalid reference format" "invalid reference error"
if out="$(BERTH_HOST="unix://$BERTH_TEST_TMP/nothing.sock" DOCKER_HOST="unix://$BERTH_TEST_TMP/nothing.sock" "$BERTH" images 2>&1)"; then
  fail "berth images without a daemon succeeded"
fi
assert_eq "$(wc -l <<< "$out")" 1 "no daemon: one line"
echo "ok: no daemon: $out"

berth_stop
