#!/usr/bin/env bash
# Pulls every fixture image through the Engine API: the progress stream has docker's
# statuses, the image ID is the config digest skopeo reports, RepoDigests carry the
# manifest digest, a second pull is "up to date", multiarch resolves to linux/amd64 (or
# the platform asked for), zstd layers and pulls by digest work.
source "$(dirname "$0")/lib.sh"

berth_start

# skopeo's view of an image in the registry: config digest of the host platform's image.
skopeo_config_digest() {
  echo "sha256:$(skopeo inspect --tls-verify=false --raw --config "docker://$1" | sha256sum | cut -d' ' -f1)"
}
skopeo_manifest_digest() {
  echo "sha256:$(skopeo inspect --tls-verify=false --raw "docker://$1" | sha256sum | cut -d' ' -f1)"
}

# zstd first, into the empty store, so its zstd layer is really downloaded and unpacked;
# busybox's layer has the same diff_id, so berthd may then find it "Already exists".
for image in zstd busybox layered; do
  ref="$REGISTRY/$image:latest"
  log "pull $ref"
  out="$(api_pull "$ref")"
  err="$(stream_error "$out")"
  [ -z "$err" ] || fail "pull $ref: $err"
  # Every line is a JSON object.
  printf '%s\n' "$out" | jq -e -s 'all(type == "object")' > /dev/null || fail "progress stream is not JSON lines: $out"
  statuses="$(printf '%s\n' "$out" | jq -r .status)"
  if [[ "$statuses" == *"Pull complete"* ]]; then
    for status in "Pulling fs layer" "Downloading" "Verifying Checksum" "Download complete" "Extracting"; do
      assert_contains "$statuses" "$status" "$image: progress has '$status'"
    done
  else
    echo "ok: $image: every layer already exists"
  fi
  manifest="$(skopeo_manifest_digest "$ref")"
  assert_eq "$manifest" "$(fixture "$image" .manifest)" "$image: registry has the fixture's manifest"
  assert_contains "$statuses" "Digest: $manifest" "$image: stream names the manifest digest"
  assert_contains "$statuses" "Status: Downloaded newer image for $ref" "$image: stream ends with the Status line"
  # Per-layer lines carry the 12-hex short digest of the compressed layer as id (the
  # busybox layer is shared, so later images find it "Already exists").
  for layer in $(fixture "$image" '.layers[]'); do
    short="${layer#sha256:}"; short="${short:0:12}"
    final="$(printf '%s\n' "$out" | jq -r --arg id "$short" 'select(.id == $id) | .status' | tail -n 1)"
    [[ "$final" == "Pull complete" || "$final" == "Already exists" ]] ||
      fail "$image: layer $short ends with '$final', not 'Pull complete' or 'Already exists'"
    echo "ok: $image: layer $short: $final"
  done
  downloading="$(printf '%s\n' "$out" | jq -c 'select(.status == "Downloading") | .progressDetail' | tail -n 1)"
  [ -z "$downloading" ] || assert_json "$downloading" '.current > 0 and .total > 0' "$image: Downloading has progressDetail current/total"

  inspect="$(api GET "/images/$ref/json")"
  assert_eq "$(jq -r .Id <<< "$inspect")" "$(skopeo_config_digest "$ref")" "$image: image ID is the config digest skopeo reports"
  assert_eq "$(jq -r .Id <<< "$inspect")" "$(fixture "$image" .config)" "$image: image ID is the fixture's config digest"
  assert_json "$inspect" ".RepoTags == [\"$ref\"]" "$image: RepoTags"
  assert_json "$inspect" ".RepoDigests == [\"$REGISTRY/$image@$manifest\"]" "$image: RepoDigests has the manifest digest"
  assert_json "$inspect" ".RootFS.Layers == $(fixture "$image" .diff_ids | jq -c .)" "$image: RootFS.Layers are the diff_ids"

  log "pull $ref again"
  again="$(api_pull "$ref")"
  assert_contains "$again" "Status: Image is up to date for $ref" "$image: second pull is up to date"
  assert_not_contains "$again" '"Downloading"' "$image: second pull downloads nothing"
done

listed="$(api GET /images/json)"
assert_json "$listed" 'length == 3' "/images/json lists the three images"
for image in zstd busybox layered; do
  assert_json "$listed" "map(select(.Id == \"$(fixture "$image" .config)\")) | length == 1" "/images/json has $image"
done

log "multiarch resolves to linux/amd64"
ref="$REGISTRY/multiarch:latest"
pull_ok "$ref"
inspect="$(api GET "/images/$ref/json")"
assert_eq "$(jq -r .Id <<< "$inspect")" "$(fixture multiarch .amd64.config)" "multiarch: image is the amd64 one"
assert_eq "$(jq -r .Id <<< "$inspect")" "$(skopeo_config_digest "$ref")" "multiarch: image ID is what skopeo picks for this host"
assert_eq "$(jq -r .Architecture <<< "$inspect")" amd64 "multiarch: Architecture"
assert_eq "$(jq -r .Os <<< "$inspect")" linux "multiarch: Os"
assert_json "$inspect" ".RepoDigests == [\"$REGISTRY/multiarch@$(fixture multiarch .index)\"]" "multiarch: RepoDigests has the index digest"

log "multiarch with platform=linux/arm64"
out="$(api_pull "$ref" --data-urlencode platform=linux/arm64/v8)"
[ -z "$(stream_error "$out")" ] || fail "pull arm64: $(stream_error "$out")"
inspect="$(api GET "/images/$ref/json")"
assert_eq "$(jq -r .Id <<< "$inspect")" "$(fixture multiarch .arm64.config)" "multiarch: platform=linux/arm64/v8 gives the arm64 image"
assert_eq "$(jq -r .Architecture <<< "$inspect")" arm64 "arm64: Architecture"

log "pull by digest"
digest="$(fixture busybox .manifest)"
api DELETE "/images/$REGISTRY/busybox:latest" > /dev/null
assert_eq "$(api_status GET "/images/$REGISTRY/busybox:latest/json")" 404 "busybox removed before the pull by digest"
out="$(api_pull "$REGISTRY/busybox@$digest")"
[ -z "$(stream_error "$out")" ] || fail "pull by digest: $(stream_error "$out")"
assert_contains "$out" "Status: Downloaded newer image for $REGISTRY/busybox@$digest" "pull by digest: Status line"
inspect="$(api GET "/images/$REGISTRY/busybox@$digest/json")"
assert_eq "$(jq -r .Id <<< "$inspect")" "$(fixture busybox .config)" "pull by digest: the image is found by its digest reference"
assert_json "$inspect" '.RepoTags == []' "pull by digest: no tag"
assert_json "$inspect" ".RepoDigests == [\"$REGISTRY/busybox@$digest\"]" "pull by digest: RepoDigests"

log "pull a digest that does not match the tag's manifest"
wrong="sha256:$(printf 'nope' | sha256sum | cut -d' ' -f1)"
status="$(api_pull "$REGISTRY/busybox@$wrong" -o /dev/null -w '%{http_code}')"
assert_eq "$status" 404 "pull of an unknown digest is 404"

berth_stop
