#!/usr/bin/env bash
# Tag, untag, delete and prune through the API, with docker's answers and status codes,
# and that layers go away only when no image uses them.
source "$(dirname "$0")/lib.sh"

berth_start
bb="$REGISTRY/busybox:latest"
bb_id="$(fixture busybox .config)"
pull_ok "$bb"

log "tag"
assert_eq "$(api_status POST "/images/$bb/tag?repo=example.com/team/bb&tag=v1")" 201 "tag answers 201"
assert_eq "$(api_status POST "/images/${bb_id}/tag?repo=bb2")" 201 "tag by ID, no tag -> latest"
inspect="$(api GET "/images/$bb/json")"
assert_json "$inspect" ".RepoTags | sort == ([\"$bb\", \"example.com/team/bb:v1\", \"bb2:latest\"] | sort)" "RepoTags has the new tags (familiar names)"
assert_eq "$(image_id example.com/team/bb:v1)" "$bb_id" "new tag resolves to the image"
assert_eq "$(image_id docker.io/library/bb2:latest)" "$bb_id" "fully qualified name resolves to the familiar tag"
assert_eq "$(image_id bb2)" "$bb_id" "name without tag means :latest"
assert_eq "$(api_status POST "/images/$bb/tag?repo=Bad_Repo&tag=v1")" 400 "invalid repository name is 400"
assert_eq "$(api_status POST "/images/$bb/tag?repo=ok&tag=bad%20tag")" 400 "invalid tag is 400"
assert_eq "$(api_status POST "/images/nonexistent:1/tag?repo=x&tag=y")" 404 "tagging an unknown image is 404"

log "tags survive a restart"
berth_restart
assert_eq "$(image_id example.com/team/bb:v1)" "$bb_id" "tag is still there after restart"

log "rmi of one of several tags only untags"
out="$(api DELETE /images/example.com/team/bb:v1)"
assert_json "$out" '. == [{"Untagged": "example.com/team/bb:v1"}]' "DELETE answers [{Untagged}]"
assert_eq "$(api_status GET /images/example.com/team/bb:v1/json)" 404 "the tag is gone"
assert_eq "$(image_id "$bb")" "$bb_id" "the image stays"

log "rmi by ID of an image with several tags needs force"
assert_eq "$(api_status DELETE "/images/$bb_id")" 409 "DELETE by ID with two repositories is 409"
msg="$(api DELETE "/images/$bb_id" | jq -r .message)"
assert_contains "$msg" "must be forced" "409 says it must be forced"

log "rmi of the last tag deletes the image and its layers"
api DELETE /images/bb2 > /dev/null
layers_before="$(layer_count)"
assert_eq "$layers_before" 1 "one layer on disk"
out="$(api DELETE "/images/$bb")"
assert_json "$out" "any(.[]; .Untagged == \"$bb\")" "answer untags $bb"
assert_json "$out" "any(.[]; .Untagged == \"$REGISTRY/busybox@$(fixture busybox .manifest)\")" "answer untags the digest reference"
assert_json "$out" "any(.[]; .Deleted == \"$bb_id\")" "answer deletes the image"
assert_eq "$(api_status GET "/images/$bb_id/json")" 404 "image is gone"
assert_eq "$(layer_count)" 0 "its layer is gone"
assert_eq "$(api_status DELETE "/images/$bb")" 404 "deleting it again is 404"
assert_contains "$(api DELETE "/images/$bb" | jq -r .message)" "No such image" "404 says No such image"

log "force delete by ID with several tags"
pull_ok "$bb"
api POST "/images/$bb/tag?repo=other&tag=1" > /dev/null
out="$(api DELETE "/images/$bb_id?force=1")"
assert_json "$out" "any(.[]; .Deleted == \"$bb_id\")" "force=1 deletes"
assert_json "$out" '[.[] | select(.Untagged)] | length >= 2' "and untags every tag"

log "a shared layer stays until its last image goes"
pull_ok "$bb"
pull_ok "$REGISTRY/layered:latest"
assert_eq "$(layer_count)" 3 "busybox and layered: 3 layers (one shared)"
api DELETE "/images/$bb" > /dev/null
assert_eq "$(layer_count)" 3 "busybox's layer stays: layered uses it"
api DELETE "/images/$REGISTRY/layered:latest" > /dev/null
assert_eq "$(layer_count)" 0 "all layers gone with the last image"

log "prune"
pull_ok "$bb"
pull_ok "$REGISTRY/zstd:latest"
zstd_id="$(fixture zstd .config)"
# Moving zstd's only tag onto busybox leaves the zstd image dangling.
api POST "/images/$bb/tag" -G --data-urlencode "repo=$REGISTRY/zstd" --data-urlencode tag=latest > /dev/null
out="$(api POST /images/prune)"
# (Docker also lists the removed layers' chain IDs as "Deleted".)
assert_json "$out" "(.ImagesDeleted | map(.Deleted // empty)) | (index(\"$zstd_id\") != null) and (index(\"$bb_id\") == null)" "prune deletes the dangling image only"
assert_json "$out" '.SpaceReclaimed | type == "number"' "prune reports SpaceReclaimed"
assert_eq "$(image_id "$bb")" "$bb_id" "tagged image stays"
out="$(api POST /images/prune -G --data-urlencode 'filters={"dangling":["false"]}')"
assert_json "$out" "(.ImagesDeleted | map(.Deleted // empty)) | index(\"$bb_id\") != null" "dangling=false prunes every unused image"
assert_json "$out" '.SpaceReclaimed > 1000000' "SpaceReclaimed counts the layer"
assert_json "$(api GET /images/json)" 'length == 0' "store is empty"
assert_eq "$(layer_count)" 0 "no layer left"

berth_stop
