#!/usr/bin/env bash
# berthd killed with SIGKILL in the middle of a pull: after a restart nothing half
# written is trusted or left over, and pulling again completes with correct content.
# The "big" image (3 x 4 MiB random layers) is served through a throttling proxy so the
# kill lands while layers are downloading.
source "$(dirname "$0")/lib.sh"

port_file="$BERTH_TEST_TMP/proxy.port"
python3 "$BERTH_SOURCE_DIR/tests/fixtures/slow_proxy.py" "$REGISTRY" $((1024 * 1024)) "$port_file" \
  > "$BERTH_TEST_TMP/proxy.log" 2>&1 &
track_pid $!
for _ in $(seq 100); do [ -s "$port_file" ] && break; sleep 0.05; done
[ -s "$port_file" ] || fail "the throttling proxy did not start"
slow="127.0.0.1:$(cat "$port_file")"
ref="$slow/big:latest"

# Half-done work in the store: downloads in image/tmp, layers being unpacked in
# image/layers/tmp-*, atomically written files as *.tmp-*.
leftovers() {
  find "$BERTH_ROOT/image/tmp" -mindepth 1 2>/dev/null || true
  find "$BERTH_ROOT/image/layers" -mindepth 1 -maxdepth 1 -name 'tmp-*' 2>/dev/null || true
  find "$BERTH_ROOT" -name '*.tmp-*' 2>/dev/null || true
}

berth_start --insecure-registry "$slow"

log "start pulling $ref and kill berthd at the first Downloading progress"
stream="$BERTH_TEST_TMP/pull.stream"
api_pull "$ref" > "$stream" 2>&1 &
puller=$!
track_pid $puller
for _ in $(seq 400); do
  grep -q '"Downloading"' "$stream" && break
  sleep 0.05
done
grep -q '"Downloading"' "$stream" || fail "no Downloading line within 20 s: $(cat "$stream")"
berth_kill9
wait $puller || true
assert_not_contains "$(cat "$stream")" "Status: Downloaded" "the pull did not finish before the kill"

log "restart and look at the store"
berth_start --insecure-registry "$slow"
assert_eq "$(api_status GET "/images/$ref/json")" 404 "no image from the interrupted pull"
assert_json "$(api GET /images/json)" 'length == 0' "no image listed"
layers="$(layer_count)"
assert_eq "$layers" 0 "no layer directory from the interrupted pull"
assert_eq "$(leftovers)" "" "no temp or partial file left after restart"

log "pull again (directly from the registry) and verify the content"
out="$(api_pull "$REGISTRY/big:latest")"
[ -z "$(stream_error "$out")" ] || fail "second pull: $(stream_error "$out")"
assert_contains "$out" "Status: Downloaded newer image for $REGISTRY/big:latest" "second pull completes"
inspect="$(api GET "/images/$REGISTRY/big:latest/json")"
assert_eq "$(jq -r .Id <<< "$inspect")" "$(fixture big .config)" "image ID"
assert_eq "$(layer_count)" 3 "three layer directories"
# The files as packed in the fixture's layer blobs.
upper="$(jq -r .GraphDriver.Data.UpperDir <<< "$inspect")"
lower="$(jq -r '.GraphDriver.Data.LowerDir // ""' <<< "$inspect")"
mapfile -t dirs < <({ tr ':' '\n' <<< "$lower" | tac; echo "$upper"; } | sed '/^$/d')
assert_eq "${#dirs[@]}" 3 "three layer directories for big"
i=0
for layer in $(fixture big '.layers[]'); do
  want="$(tar -xzOf "$FIXTURE_OCI/big/blobs/sha256/${layer#sha256:}" "big$i.bin" | sha256sum | cut -d' ' -f1)"
  have="$(sha256sum "${dirs[$i]}/big$i.bin" | cut -d' ' -f1)"
  assert_eq "$have" "$want" "layer $i: big$i.bin is intact"
  i=$((i + 1))
done
assert_eq "$(leftovers)" "" "no temp or partial file after the second pull"

berth_stop
