#!/usr/bin/env bash
# A layer blob altered in the registry's storage (same size, different bytes) fails the
# pull with the digest error naming the expected and the received digest, and the store
# is left exactly as it was. Uses the "tamper" image, which no other test pulls, and puts
# the original bytes back at the end.
source "$(dirname "$0")/lib.sh"

layer="$(fixture tamper '.layers[0]')"
hex="${layer#sha256:}"
blob="$REGISTRY_STORAGE/docker/registry/v2/blobs/sha256/${hex:0:2}/$hex/data"
[ -f "$blob" ] || fail "registry blob $blob not found"
cp -p "$blob" "$BERTH_TEST_TMP/original-blob"
on_cleanup "cp -p '$BERTH_TEST_TMP/original-blob' '$blob'"

berth_start
store_listing() {
  # Every file under the root (empty directories made on demand do not count), except
  # berthd's own runtime files, and every layer directory.
  (cd "$BERTH_ROOT" && find . -mindepth 1 \( -name '*.sock' -o -name '*.lock' -o -name '*.log' -o -name '*.pid' \) -prune -o ! -type d -print | sort)
  [ ! -d "$BERTH_ROOT/image/layers" ] || find "$BERTH_ROOT/image/layers" -mindepth 1 -maxdepth 1 | sort
}
before="$(store_listing)"

log "tamper with $blob"
python3 - "$blob" <<'EOF'
import sys
with open(sys.argv[1], "r+b") as f:
    f.seek(4096)
    data = f.read(64)
    f.seek(4096)
    f.write(bytes(b ^ 0xFF for b in data))
EOF
got="$(sha256_of "$blob")"
assert_ne "$got" "$layer" "the blob's content changed"
assert_eq "$(stat -c %s "$blob")" "$(stat -c %s "$BERTH_TEST_TMP/original-blob")" "and kept its size"

log "pull the tampered image"
ref="$REGISTRY/tamper:latest"
out="$(api_pull "$ref")"
err="$(stream_error "$out")"
[ -n "$err" ] || fail "pull of a tampered blob succeeded: $out"
echo "error: $err"
assert_contains "$err" "$layer" "error names the expected digest"
assert_contains "$err" "$got" "error names the digest that arrived"
shopt -s nocasematch
[[ "$err" == *expected* ]] || fail "error does not say 'expected': $err"
shopt -u nocasematch
assert_eq "$(api_status GET "/images/$ref/json")" 404 "no image stored"
assert_json "$(api GET /images/json)" 'length == 0' "no image listed"
assert_eq "$(store_listing)" "$before" "the store is as it was (no blob, no layer, no temp file)"

log "after a restart the store is still clean"
berth_restart
assert_eq "$(store_listing)" "$before" "the store is as it was after a restart"

log "with the blob restored, the pull succeeds"
cp -p "$BERTH_TEST_TMP/original-blob" "$blob"
out="$(api_pull "$ref")"
[ -z "$(stream_error "$out")" ] || fail "pull after restoring the blob: $(stream_error "$out")"
assert_eq "$(image_id "$ref")" "$(fixture tamper .config)" "image pulled correctly"

berth_stop
