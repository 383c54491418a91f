#!/usr/bin/env bash
# The shapes of GET /images/{name}/json, /images/{name}/history and /images/json
# (with filters), as the Engine API documents them, for the layered fixture.
source "$(dirname "$0")/lib.sh"

berth_start
ref="$REGISTRY/layered:latest"
pull_ok "$ref"
pull_ok "$REGISTRY/busybox:latest"
id="$(fixture layered .config)"

log "inspect $ref"
inspect="$(api GET "/images/$ref/json")"
assert_json "$inspect" "type == \"object\"" "inspect is an object"
assert_eq "$(jq -r .Id <<< "$inspect")" "$id" "Id"
assert_json "$inspect" ".RepoTags == [\"$ref\"]" "RepoTags"
assert_json "$inspect" ".RepoDigests == [\"$REGISTRY/layered@$(fixture layered .manifest)\"]" "RepoDigests"
assert_json "$inspect" '.Created == "2024-01-01T00:00:00Z"' "Created is the config's RFC 3339 time"
assert_json "$inspect" '.Architecture == "amd64" and .Os == "linux"' "Architecture and Os"
assert_json "$inspect" '.Size | type == "number" and . > 1000000' "Size is the unpacked size"
assert_json "$inspect" '.RootFS.Type == "layers"' "RootFS.Type"
assert_json "$inspect" ".RootFS.Layers == $(fixture layered .diff_ids | jq -c .)" "RootFS.Layers are the diff_ids, lowest first"
assert_json "$inspect" '.Config.Cmd == ["sh"]' "Config.Cmd"
assert_json "$inspect" '.Config.Env | index("GREETING=hello from layered") != null' "Config.Env"
assert_json "$inspect" '.Config.Env[0] | startswith("PATH=")' "Config.Env keeps PATH first"
assert_json "$inspect" '.Config.Labels == {"org.berth.fixture": "layered", "org.berth.layers": "3"}' "Config.Labels"
assert_json "$inspect" '.Config.ExposedPorts == {"8080/tcp": {}}' "Config.ExposedPorts"
assert_json "$inspect" '.Config.Volumes == {"/data": {}}' "Config.Volumes"
assert_json "$inspect" '.Config.WorkingDir == "/data"' "Config.WorkingDir"
assert_json "$inspect" '.GraphDriver.Name == "overlay2"' "GraphDriver.Name"
assert_json "$inspect" '.GraphDriver.Data | (.UpperDir | type == "string") and (.LowerDir | type == "string")' "GraphDriver.Data has UpperDir and LowerDir"
assert_json "$inspect" 'has("Parent") and has("Comment") and has("Author") and has("Metadata")' "Parent, Comment, Author, Metadata present"

log "the same image by short ID, full ID and digest reference"
short="${id#sha256:}"; short="${short:0:12}"
assert_eq "$(image_id "$short")" "$id" "inspect by 12-hex short ID"
assert_eq "$(image_id "${id#sha256:}")" "$id" "inspect by full hex ID"
assert_eq "$(image_id "$id")" "$id" "inspect by sha256:ID"
assert_eq "$(image_id "$REGISTRY/layered@$(fixture layered .manifest)")" "$id" "inspect by name@digest"
assert_eq "$(api_status GET "/v1.41/images/$ref/json")" 200 "version-prefixed path"

log "history $ref"
history="$(api GET "/images/$ref/history")"
# The config has 9 history entries (3 layers, 6 empty); newest first.
assert_json "$history" 'type == "array" and length == 9' "history has one entry per config history entry"
assert_json "$history" 'all(has("Id") and has("Created") and has("CreatedBy") and has("Tags") and has("Size") and has("Comment"))' "every entry has Id, Created, CreatedBy, Tags, Size, Comment"
assert_json "$history" ".[0].Id == \"$id\"" "top entry has the image ID"
assert_json "$history" '.[1:] | all(.Id == "<missing>")' "lower entries are <missing>"
assert_json "$history" ".[0].Tags == [\"$ref\"]" "top entry has the tags"
assert_json "$history" '.[0].CreatedBy == "/bin/sh -c #(nop)  CMD [\"sh\"]"' "newest first: CMD on top"
assert_json "$history" '.[-1].CreatedBy | startswith("/bin/sh -c #(nop) ADD file:")' "oldest last: ADD at the bottom"
assert_json "$history" 'all(.Created == 1704067200)' "Created as unix seconds"
assert_json "$history" '[.[] | select(.Size > 0)] | length == 3' "three entries with a layer size"
assert_json "$history" '[.[] | select(.CreatedBy | test("ENV|LABEL|EXPOSE|VOLUME|WORKDIR|CMD")) | .Size] | all(. == 0)' "empty-layer entries have size 0"
assert_json "$history" '.[-1].Size > 1000000' "the busybox layer has its size"

log "/images/json"
list="$(api GET /images/json)"
assert_json "$list" 'type == "array" and length == 2' "two images"
entry="$(jq -c ".[] | select(.Id == \"$id\")" <<< "$list")"
assert_json "$entry" 'has("ParentId") and has("RepoTags") and has("RepoDigests") and has("Created") and has("Size") and has("SharedSize") and has("Labels") and has("Containers")' "summary has the documented fields"
assert_json "$entry" ".RepoTags == [\"$ref\"]" "summary RepoTags"
assert_json "$entry" '.Created == 1704067200' "summary Created is unix seconds"
assert_json "$entry" '.Labels["org.berth.fixture"] == "layered"' "summary Labels"
assert_json "$entry" ".Size == $(jq .Size <<< "$inspect")" "summary Size equals inspect Size"

log "/images/json filters"
q() { api GET "/images/json" -G --data-urlencode "filters=$1"; }
assert_json "$(q '{"label":["org.berth.fixture=layered"]}')" "length == 1 and .[0].Id == \"$id\"" "label=key=value"
assert_json "$(q '{"label":["org.berth.fixture"]}')" "length == 1" "label=key"
assert_json "$(q "{\"reference\":[\"$REGISTRY/busybox\"]}")" "length == 1 and .[0].Id == \"$(fixture busybox .config)\"" "reference=name"
assert_json "$(q "{\"reference\":[\"$REGISTRY/*:latest\"]}")" "length == 2" "reference with a wildcard"
assert_json "$(q '{"dangling":["true"]}')" "length == 0" "dangling=true: none yet"
api POST "/images/$REGISTRY/busybox:latest/tag" -G --data-urlencode "repo=$REGISTRY/layered" --data-urlencode tag=latest > /dev/null
assert_json "$(q '{"dangling":["true"]}')" "length == 1 and .[0].Id == \"$id\"" "dangling=true: layered lost its tag"
# Docker lists dangling pulled images (they have no parent); all=1 adds only intermediates.
assert_json "$(api GET /images/json)" "length == 2" "the dangling image is still listed"
assert_json "$(api GET /images/json)" ".[] | select(.Id == \"$id\") | (.RepoTags // []) == [] or .RepoTags == [\"<none>:<none>\"]" "dangling image has no tags"
assert_json "$(api GET '/images/json?all=1')" "length == 2" "all=1 lists the same"
assert_eq "$(api_status GET /images/json -G --data-urlencode 'filters={"nope":["x"]}')" 400 "unknown filter is 400"

berth_stop
