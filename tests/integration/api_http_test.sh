#!/usr/bin/env bash
# Bad HTTP and bad input: unknown routes, malformed requests, oversized and truncated
# bodies, broken JSON in parameters. Every answer is {"message"} and berthd keeps serving.
source "$(dirname "$0")/lib.sh"

berth_start

log "unknown route"
assert_eq "$(api_status GET /no/such/route)" 404 "unknown path is 404"
assert_eq "$(api GET /no/such/route | jq -r .message)" "page not found" "404 says page not found"
assert_eq "$(api_status POST /_ping)" 404 "wrong method is 404"
ctype="$(curl -sS --unix-socket "$BERTH_SOCK" -o /dev/null -w '%{content_type}' http://localhost/nope)"
assert_eq "$ctype" "application/json" "errors are JSON"

log "bad parameters"
assert_eq "$(api_status GET '/images/json?filters=%7B%22dangling%22%3A%5B')" 400 "truncated filters JSON is 400"
assert_contains "$(api GET '/images/json?filters=%7B%22dangling%22%3A%5B')" "invalid filters" "and says why"
assert_eq "$(api GET '/images/json?filters=%7B%22colour%22%3A%5B%22red%22%5D%7D' | jq -r .message)" \
  "invalid filter 'colour'" "unknown filter named"
assert_eq "$(api_status GET '/images/json?all=%zz')" 400 "broken URL escape is 400"
assert_eq "$(api_status POST '/images/create?fromImage=Not/Valid')" 400 "invalid reference is 400"
assert_eq "$(api_status POST '/images/create?fromImage=busybox&tag=latest' -H 'X-Registry-Auth: eyJ1c2Vy')" 400 \
  "truncated X-Registry-Auth JSON is 400"
assert_eq "$(api_status GET /images/nosuchimage/json)" 404 "unknown image is 404"

log "malformed HTTP"
resp="$(printf 'THIS IS NOT HTTP\r\n\r\n' | timeout 5 curl -sS --unix-socket "$BERTH_SOCK" telnet://localhost 2>/dev/null || true)"
assert_contains "$resp" "400" "garbage request line gets 400"
resp="$(printf 'GET /_ping HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n' | timeout 5 curl -sS --unix-socket "$BERTH_SOCK" telnet://localhost 2>/dev/null || true)"
assert_contains "$resp" "400" "malformed header gets 400"
# A body shorter than its Content-Length, then the client closes.
resp="$(printf 'POST /images/prune HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"trunc' | timeout 5 curl -sS --unix-socket "$BERTH_SOCK" telnet://localhost 2>/dev/null || true)"
echo "truncated body answer: ${resp:0:60}"
assert_eq "$(api_status GET /_ping)" 200 "still serving after a truncated body"

log "large bodies"
head -c $((10 * 1024 * 1024)) /dev/zero | tr '\0' 'a' > "$BERTH_TEST_TMP/10m"
assert_eq "$(api_status POST /images/prune -H 'Content-Type: application/json' --data-binary @"$BERTH_TEST_TMP/10m")" 200 \
  "a 10 MB body under the limit is read and answered"
head -c $((17 * 1024 * 1024)) /dev/zero > "$BERTH_TEST_TMP/17m"
status="$(api_status POST /images/prune -H 'Content-Type: application/json' --data-binary @"$BERTH_TEST_TMP/17m" 2>/dev/null || true)"
assert_eq "$status" 413 "a 17 MB body is refused with 413"
assert_eq "$(api_status GET /_ping)" 200 "still serving after a large body"

log "keep-alive"
out="$(curl -sS -v --unix-socket "$BERTH_SOCK" http://localhost/_ping http://localhost/version 2>&1)"
assert_contains "$out" "Re-using existing connection" "two requests on one connection"

berth_stop
