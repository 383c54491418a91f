#!/usr/bin/env bash
# Malformed references are 400 with a message, unknown images 404 with a message, on
# every image endpoint; berthd stays up.
source "$(dirname "$0")/lib.sh"

berth_start

# expect STATUS METHOD PATH [curl args]: status and a non-empty {"message"}.
expect() {
  local want="$1" method="$2" path="$3"; shift 3
  local body status
  body="$(api "$method" "$path" -w '\n%{http_code}' "$@")"
  status="$(tail -n 1 <<< "$body")"
  body="$(sed '$d' <<< "$body")"
  assert_eq "$status" "$want" "$method $path $* -> $want"
  local msg
  msg="$(jq -r '.message // empty' <<< "$body" 2>/dev/null || true)"
  [ -n "$msg" ] || fail "$method $path: no {\"message\"} in: $body"
  echo "    message: $msg"
}

log "malformed references on pull: 400"
# Every reference names the local registry, so that even a wrongly accepted one never
# sends berthd to docker.io.
for ref in UPPER/case a..b/c 'name:' 'name:bad tag' -leading 'name@sha256:short' \
           'name@md5:0123456789abcdef0123456789abcdef' "$(printf 'a%.0s' {1..300})" 'a//b' 'a/'; do
  expect 400 POST /images/create -G --data-urlencode "fromImage=$REGISTRY/$ref"
done
msg="$(api POST /images/create -G --data-urlencode "fromImage=$REGISTRY/UPPER/case" | jq -r .message)"
assert_contains "$msg" "invalid reference format" "message says invalid reference format"
expect 400 POST /images/create -G --data-urlencode "fromImage=$REGISTRY/busybox" --data-urlencode 'tag=bad tag'
expect 400 POST /images/create
expect 400 POST /images/create -G --data-urlencode "fromImage=$REGISTRY/busybox" --data-urlencode 'platform=not/a/plat/form'

log "malformed references on tag: 400"
pull_ok "$REGISTRY/busybox:latest"
expect 400 POST "/images/$REGISTRY/busybox:latest/tag" -G --data-urlencode 'repo=UPPER'
expect 400 POST "/images/$REGISTRY/busybox:latest/tag" -G --data-urlencode 'repo=ok' --data-urlencode 'tag=-bad'
expect 400 POST "/images/$REGISTRY/busybox:latest/tag" -G --data-urlencode 'repo=ok@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'

log "unknown images: 404"
expect 404 GET /images/nonexistent:latest/json
expect 404 GET /images/nonexistent:latest/history
expect 404 DELETE /images/nonexistent:latest
expect 404 POST '/images/nonexistent:latest/tag?repo=x&tag=y'
expect 404 GET /images/sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef/json
expect 404 GET /images/0123456789ab/json
msg="$(api GET /images/nonexistent:latest/json | jq -r .message)"
assert_contains "$msg" "No such image: nonexistent:latest" "404 message as docker's"

log "unknown images in the registry: 404"
expect 404 POST /images/create -G --data-urlencode "fromImage=$REGISTRY/does-not-exist" --data-urlencode tag=latest
expect 404 POST /images/create -G --data-urlencode "fromImage=$REGISTRY/busybox" --data-urlencode tag=no-such-tag
msg="$(api POST /images/create -G --data-urlencode "fromImage=$REGISTRY/busybox" --data-urlencode tag=no-such-tag | jq -r .message)"
assert_contains "$msg" "no-such-tag" "message names the tag"

log "unknown endpoint and method"
expect 404 GET /images/nonexistent/nothing
assert_eq "$(api_status GET /nope)" 404 "unknown path is 404"

log "berthd is still healthy"
assert_eq "$(api_status GET /_ping)" 200 "/_ping after all that"
assert_json "$(api GET /images/json)" 'length == 1' "busybox still listed"

berth_stop
