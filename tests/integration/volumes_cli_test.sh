#!/usr/bin/env bash
# Named volumes with the real docker CLI: create/ls/inspect/rm, use from a container,
# 409 while in use, :ro refused writes, anonymous volumes removed with rm -v.
source "$(dirname "$0")/lib.sh"

berth_start
IMG="$REGISTRY/busybox:latest"
api POST "/images/create?fromImage=$REGISTRY/busybox&tag=latest" > /dev/null

log "volume create, ls, inspect"
"$DOCKER" volume create --label app=web data1 > /dev/null
assert_contains "$("$DOCKER" volume ls -q)" "data1" "ls lists it"
assert_eq "$("$DOCKER" volume inspect --format '{{.Mountpoint}}' data1)" "$BERTH_ROOT/volumes/data1/_data" "mountpoint"
assert_eq "$("$DOCKER" volume ls -q --filter label=app=web)" "data1" "label filter"

log "a container writes to the volume; the next one reads it"
"$DOCKER" run --rm -v data1:/data "$IMG" sh -c 'echo kept > /data/f'
assert_eq "$("$DOCKER" run --rm -v data1:/data:ro "$IMG" cat /data/f)" "kept" "content persists"
if "$DOCKER" run --rm -v data1:/data:ro "$IMG" sh -c 'echo x > /data/g' 2>/dev/null; then
  fail ":ro volume accepted a write"
fi
log "ok: :ro refuses writes"

log "rm of a volume in use is 409"
"$DOCKER" create --name user -v data1:/data "$IMG" true > /dev/null
assert_eq "$(api_status DELETE /volumes/data1)" "409" "in use"
"$DOCKER" rm user > /dev/null
"$DOCKER" volume rm data1 > /dev/null
assert_eq "$(api_status GET /volumes/data1)" "404" "gone"

log "anonymous volume from -v /path is removed with rm -v"
"$DOCKER" create --name anon -v /scratch "$IMG" true > /dev/null
assert_eq "$("$DOCKER" volume ls -q | wc -l)" "1" "anonymous volume made"
"$DOCKER" rm -v anon > /dev/null
assert_eq "$("$DOCKER" volume ls -q | wc -l)" "0" "anonymous volume removed"
