#!/usr/bin/env bash
# GET /events: image events pull, tag, untag, delete with docker's shape; live streaming;
# since/until replay; filters.
source "$(dirname "$0")/lib.sh"

berth_start
bb="$REGISTRY/busybox:latest"
bb_id="$(fixture busybox .config)"

log "a live subscriber sees events as they happen"
live="$BERTH_TEST_TMP/events.live"
curl -sS -N --unix-socket "$BERTH_SOCK" "http://localhost/events" > "$live" 2>&1 &
track_pid $!
since="$(date +%s)"
sleep 0.5
pull_ok "$bb"
for _ in $(seq 100); do grep -q '"pull"' "$live" && break; sleep 0.05; done
assert_contains "$(cat "$live")" '"pull"' "pull event arrives on the open stream"
api POST "/images/$bb/tag?repo=evt&tag=one" > /dev/null
api DELETE /images/evt:one > /dev/null
api DELETE "/images/$bb" > /dev/null
for _ in $(seq 100); do grep -q '"delete"' "$live" && break; sleep 0.05; done
sleep 1
until="$(date +%s)"

events="$(jq -s -c '.' "$live")" || fail "the live stream is not JSON lines: $(cat "$live")"
actions="$(jq -r '[.[] | select(.Type == "image") | .Action] | join(" ")' <<< "$events")"
assert_eq "$actions" "pull tag untag untag delete" "image events in order"

pull="$(jq -c '.[] | select(.Action == "pull")' <<< "$events")"
assert_json "$pull" ".Type == \"image\" and .Actor.ID == \"$bb\" and .status == \"pull\" and .id == \"$bb\"" "pull: Type, Actor.ID and the legacy status/id"
assert_json "$pull" ".Actor.Attributes.name | startswith(\"$REGISTRY/busybox\")" "pull: Actor.Attributes.name"
assert_json "$pull" '.scope == "local" and (.time | type == "number") and (.timeNano | type == "number")' "pull: scope, time, timeNano"
assert_json "$pull" "(.time >= $since) and (.timeNano / 1000000000 | floor) == .time" "pull: time consistent with timeNano"
tag="$(jq -c '.[] | select(.Action == "tag")' <<< "$events")"
assert_json "$tag" ".Actor.ID == \"$bb_id\" and .Actor.Attributes.name == \"evt:one\"" "tag: image ID and the new name"
untag="$(jq -c '[.[] | select(.Action == "untag")][0]' <<< "$events")"
assert_json "$untag" ".Actor.ID == \"$bb_id\"" "untag: image ID"
delete="$(jq -c '.[] | select(.Action == "delete")' <<< "$events")"
assert_json "$delete" ".Actor.ID == \"$bb_id\"" "delete: image ID"

log "since/until replays and ends the stream"
replay="$(timeout 10 curl -sS --unix-socket "$BERTH_SOCK" "http://localhost/events?since=$since&until=$until")" ||
  fail "events with until did not end"
assert_eq "$(jq -r -s '[.[] | select(.Type == "image") | .Action] | join(" ")' <<< "$replay")" "pull tag untag untag delete" "replay has the same events"

log "filters"
filtered="$(timeout 10 curl -sS --unix-socket "$BERTH_SOCK" -G "http://localhost/events" \
  --data-urlencode "since=$since" --data-urlencode "until=$until" --data-urlencode 'filters={"event":["tag","delete"]}')"
assert_eq "$(jq -r -s 'map(.Action) | join(" ")' <<< "$filtered")" "tag delete" "filters event=tag,delete"
filtered="$(timeout 10 curl -sS --unix-socket "$BERTH_SOCK" -G "http://localhost/events" \
  --data-urlencode "since=$since" --data-urlencode "until=$until" --data-urlencode 'filters={"type":["container"]}')"
assert_eq "$filtered" "" "filters type=container: no image events"
filtered="$(timeout 10 curl -sS --unix-socket "$BERTH_SOCK" -G "http://localhost/events" \
  --data-urlencode "since=$since" --data-urlencode "until=$until" --data-urlencode "filters={\"image\":[\"$bb_id\"]}")"
assert_eq "$(jq -r -s 'map(.Action) | join(" ")' <<< "$filtered")" "tag untag untag delete" "filters image=<id>"

berth_stop
