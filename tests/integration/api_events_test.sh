#!/usr/bin/env bash
# GET /events streams live (tag shows up on an open stream), honours filters, and with
# `until` in the past replays and ends by itself.
source "$(dirname "$0")/lib.sh"

berth_start
pull_ok "$REGISTRY/busybox:latest"
sleep 1.1  # `since` has whole seconds: keep the pull out of the replay below
since="$(date +%s)"

log "live stream"
live="$BERTH_TEST_TMP/live"
curl -sS -N --unix-socket "$BERTH_SOCK" "http://localhost/v1.43/events" > "$live" 2>&1 &
track_pid $!
filtered="$BERTH_TEST_TMP/filtered"
curl -sS -N --unix-socket "$BERTH_SOCK" -G http://localhost/events \
  --data-urlencode 'filters={"event":["untag"]}' > "$filtered" 2>&1 &
track_pid $!
sleep 0.5
assert_eq "$(api_status POST "/images/$REGISTRY/busybox:latest/tag?repo=apitest&tag=v1")" 201 "tag answers 201"
for _ in $(seq 100); do grep -q '"tag"' "$live" && break; sleep 0.05; done
line="$(grep '"tag"' "$live" | head -n1)"
[ -n "$line" ] || fail "no tag event on the open stream: $(cat "$live")"
assert_json "$line" '.Type == "image" and .Action == "tag" and .status == "tag" and .scope == "local"' "tag event shape"
assert_json "$line" '.Actor.Attributes.name == "apitest:v1" and (.Actor.ID | startswith("sha256:"))' "actor"
assert_json "$line" '(.time | type) == "number" and .timeNano >= .time * 1000000000' "time and timeNano"
assert_eq "$(wc -c < "$filtered")" 0 "the untag filter saw nothing yet"
api DELETE /images/apitest:v1 > /dev/null
for _ in $(seq 100); do grep -q '"untag"' "$filtered" && break; sleep 0.05; done
assert_contains "$(cat "$filtered")" '"untag"' "untag reaches the filtered stream"
assert_not_contains "$(cat "$filtered")" '"tag"' "the filtered stream has no tag event"

log "until in the past: replay and end"
until="$(date +%s.%N)"
out="$(timeout 10 curl -sS --unix-socket "$BERTH_SOCK" "http://localhost/events?since=$since&until=$until")" ||
  fail "the events request did not end by itself"
assert_eq "$(jq -r .Action <<< "$out" | tr '\n' ' ')" "tag untag " "replayed tag and untag"

log "bad parameters"
assert_eq "$(api_status GET '/events?since=yesterday')" 400 "bad since is 400"
assert_eq "$(api_status GET '/events?filters=%7B%22colour%22%3A%5B%22x%22%5D%7D')" 400 "unknown filter is 400"

if [ -n "$DOCKER" ]; then
  log "docker events"
  sleep 1.1  # docker's --until has whole seconds: let the untag's second pass
  out="$(timeout 10 "$DOCKER" -H "$BERTH_HOST" events --since "$since" --until "$(date +%s)" --filter type=image 2>&1)" ||
    fail "docker events failed: $out"
  assert_contains "$out" "image tag" "docker events prints the tag"
fi
berth_stop
