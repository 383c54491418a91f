#!/usr/bin/env bash
# A container's files: docker/berth cp both ways on running and stopped containers,
# HEAD 404, escaping tars refused, 100 MB trees streamed in (berthd's memory flat),
# garbage and truncated tars refused, diff (A/C/D), export, and volume copy-up.
source "$(dirname "$0")/lib.sh"

berth_start
IMG="$REGISTRY/busybox:latest"
LAYERED="$REGISTRY/layered:latest"   # has /data/keep.txt
pull_ok "$IMG"
pull_ok "$LAYERED"
W="$BERTH_TEST_TMP/work"
mkdir -p "$W"

# wait_log CONTAINER TEXT: waits up to 10 s for TEXT in the container's log.
wait_log() {
  local i
  for i in $(seq 100); do
    if "$DOCKER" logs "$1" 2>&1 | grep -q "$2"; then return 0; fi
    sleep 0.1
  done
  fail "log of $1 never showed '$2': $("$DOCKER" logs "$1" 2>&1 | tail -5)"
}

log "docker cp host -> running container: the container's own processes see the file"
"$DOCKER" run -d --name run1 "$IMG" sh -c \
  'until [ -f /tmp/in.txt ]; do sleep 0.1; done; cat /tmp/in.txt; exec sleep 300' > /dev/null
echo "hello from the host" > "$W/in.txt"
"$DOCKER" cp "$W/in.txt" run1:/tmp/in.txt
wait_log run1 "hello from the host"
log "ok: the container read what cp wrote"

log "docker cp running container -> host, to a new name and into a directory"
"$DOCKER" cp run1:/tmp/in.txt "$W/back.txt"
assert_eq "$(cat "$W/back.txt")" "hello from the host" "file copied back"
mkdir -p "$W/intodir"
"$DOCKER" cp run1:/etc/passwd "$W/intodir"
assert_contains "$(cat "$W/intodir/passwd")" "root:x:0:0" "file lands inside an existing directory"

log "berth cp both ways on the running container"
echo "via berth" > "$W/berth.txt"
"$BERTH" cp "$W/berth.txt" run1:/tmp/
"$BERTH" cp run1:/tmp/berth.txt "$W/berth-back.txt"
assert_eq "$(cat "$W/berth-back.txt")" "via berth" "berth cp round trip"

log "a directory: to a new path, into an existing directory, contents with /."
mkdir -p "$W/tree/sub"
echo one > "$W/tree/one"
echo two > "$W/tree/sub/two"
ln -s one "$W/tree/link"
"$DOCKER" cp "$W/tree" run1:/srv
"$DOCKER" cp run1:/srv "$W/tree-back"
assert_eq "$(cat "$W/tree-back/sub/two")" "two" "docker cp of a directory, new name"
assert_eq "$(readlink "$W/tree-back/link")" "one" "symlinks stay symlinks"
"$BERTH" cp "$W/tree" run1:/tmp
mkdir -p "$W/berth-tree"
"$BERTH" cp run1:/tmp/tree "$W/berth-tree"
assert_eq "$(cat "$W/berth-tree/tree/one")" "one" "berth cp: directory into an existing directory"
mkdir -p "$W/contents"
"$BERTH" cp run1:/tmp/tree/. "$W/contents"
assert_eq "$(cat "$W/contents/sub/two")" "two" "berth cp: /. copies the contents"
"$BERTH" cp run1:/tmp/tree - | tar -tf - > "$W/list.txt"
assert_contains "$(cat "$W/list.txt")" "tree/sub/two" "berth cp to - writes a tar"

log "HEAD of a missing path is 404; docker cp says so"
assert_eq "$(api_status HEAD "/containers/run1/archive?path=/nope")" "404" "HEAD 404"
assert_eq "$(api_status GET "/containers/run1/archive?path=/nope")" "404" "GET 404"
msg="$(api GET "/containers/run1/archive?path=/nope" | jq -r .message)"
assert_eq "$msg" "Could not find the file /nope in container run1" "404 message"
rc=0; out="$("$DOCKER" cp run1:/nope "$W/x" 2>&1)" || rc=$?
assert_ne "$rc" "0" "docker cp of a missing path fails"
assert_contains "$out" "Could not find the file /nope" "docker cp error"
hdr="$(api HEAD "/containers/run1/archive?path=/etc/passwd" | tr -d '\r' | sed -n 's/^X-Docker-Container-Path-Stat: //Ip')"
stat_json="$(echo "$hdr" | base64 -d)"
assert_json "$stat_json" '.name == "passwd" and .mode == 420 and (.size > 0)' "path stat header"

log "tars that escape are refused and nothing outside changes"
python3 - "$W" <<'PY'
import io, sys, tarfile
w = sys.argv[1]
def tar(path, members):
    with tarfile.open(path, "w") as t:
        for name, kind, data in members:
            info = tarfile.TarInfo(name)
            if kind == "file":
                info.size = len(data)
                t.addfile(info, io.BytesIO(data))
            elif kind == "symlink":
                info.type = tarfile.SYMTYPE
                info.linkname = data
                t.addfile(info)
            elif kind == "chr":
                info.type = tarfile.CHRTYPE
                info.devmajor, info.devminor = 1, 3
                t.addfile(info)
tar(w + "/dotdot.tar", [("../../../../../../../.." + w + "/pwned-dotdot", "file", b"x")])
tar(w + "/abslink.tar", [("esc", "symlink", w), ("esc/pwned-link", "file", b"x")])
tar(w + "/device.tar", [("null2", "chr", None)])
tar(w + "/symlink-only.tar", [("hostlink", "symlink", w)])
tar(w + "/plain.tar", [("pwned-through-dest", "file", b"x")])
PY
for t in dotdot abslink device; do
  assert_eq "$(api_status PUT "/containers/run1/archive?path=/tmp" --data-binary "@$W/$t.tar" \
    -H 'Content-Type: application/x-tar')" "400" "$t tar refused (running)"
done
"$DOCKER" create --name st1 "$IMG" cat /hello.txt > /dev/null
for t in dotdot abslink device; do
  assert_eq "$(api_status PUT "/containers/st1/archive?path=/" --data-binary "@$W/$t.tar")" "400" \
    "$t tar refused (stopped)"
done
# A symlink pointing at a host path is fine to create, but resolves inside the container.
assert_eq "$(api_status PUT "/containers/run1/archive?path=/tmp" --data-binary "@$W/symlink-only.tar")" "200" \
  "a symlink entry is created"
assert_eq "$(api_status PUT "/containers/run1/archive?path=/tmp/hostlink" --data-binary "@$W/plain.tar")" "404" \
  "the link's host target does not exist inside the container"
rc=0; "$DOCKER" cp - run1:/tmp < "$W/dotdot.tar" 2> /dev/null || rc=$?
assert_ne "$rc" "0" "docker cp - refuses the escaping tar"
for f in pwned-dotdot pwned-link pwned-through-dest; do
  [ ! -e "$W/$f" ] || fail "$f was written on the host"
done
log "ok: nothing escaped"

log "stopped containers: cp in before the first start, the container sees it, cp out after"
echo "hello stopped" > "$W/hello.txt"
"$DOCKER" cp "$W/hello.txt" st1:/hello.txt
"$DOCKER" cp st1:/hello.txt "$W/st-back.txt"
assert_eq "$(cat "$W/st-back.txt")" "hello stopped" "cp round trip on a created container"
"$DOCKER" start -a st1 > "$W/st1.out"
assert_eq "$(cat "$W/st1.out")" "hello stopped" "the container read the copied file"
echo "second" > "$W/second.txt"
"$BERTH" cp "$W/second.txt" st1:/tmp/second.txt
"$BERTH" cp st1:/tmp/second.txt "$W/second-back.txt"
assert_eq "$(cat "$W/second-back.txt")" "second" "berth cp round trip on an exited container"
[ -z "$(grep " $BERTH_ROOT" /proc/mounts || true)" ] || fail "a view's mount is left in the host: $(grep " $BERTH_ROOT" /proc/mounts)"
log "ok: no mount left behind"

log "large trees (~100 MB) stream into running and stopped containers; berthd's memory stays flat"
BIG="$W/big"
mkdir -p "$BIG/sub"
for f in f1 f2 f3 f4; do head -c $((20 * 1024 * 1024)) /dev/urandom > "$BIG/$f"; done
head -c $((20 * 1024 * 1024 + 12345)) /dev/urandom > "$BIG/sub/f5"
BIG_FILES="f1 f2 f3 f4 sub/f5"
big_sums="$(cd "$BIG" && sha256sum $BIG_FILES)"
hwm_kb() { awk '/^VmHWM/ {print $2}' "/proc/$BERTHD_PID/status"; }
# peak_rss_kb FILE CMD...: runs CMD (output to $W/peak.out) and writes its peak RSS in kB
# (VmHWM, sampled while it runs) to FILE.
peak_rss_kb() {
  local file="$1"; shift
  "$@" > "$W/peak.out" 2>&1 &
  local pid=$! peak=0 v rc=0
  track_pid "$pid"
  while kill -0 "$pid" 2> /dev/null; do
    v="$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status" 2> /dev/null || true)"
    [ -n "$v" ] && peak="$v"
    sleep 0.05
  done
  wait "$pid" || rc=$?
  [ "$rc" = 0 ] || fail "$* failed ($rc): $(cat "$W/peak.out")"
  echo "$peak" > "$file"
}
hwm_before="$(hwm_kb)"
"$DOCKER" run -d --name big1 "$IMG" sleep 300 > /dev/null
"$DOCKER" cp "$BIG" big1:/big
assert_eq "$("$DOCKER" exec big1 sh -c "cd /big && sha256sum $BIG_FILES")" "$big_sums" "docker cp of 100 MB into a running container"
peak_rss_kb "$W/berth-peak" "$BERTH" cp "$BIG" big1:/big2
berth_peak="$(cat "$W/berth-peak")"
assert_eq "$("$DOCKER" exec big1 sh -c "cd /big2 && sha256sum $BIG_FILES")" "$big_sums" "berth cp of 100 MB into a running container"
echo "berth cp peak RSS: ${berth_peak} kB"
[ "$berth_peak" -lt $((50 * 1024)) ] || fail "berth cp held the tree in memory: peak RSS ${berth_peak} kB"
peak_rss_kb "$W/berth-peak" "$BERTH" cp big1:/big2 "$W/big-back"
assert_eq "$(cd "$W/big-back" && sha256sum $BIG_FILES)" "$big_sums" "berth cp of 100 MB out of a running container"
berth_peak="$(cat "$W/berth-peak")"
echo "berth cp (out) peak RSS: ${berth_peak} kB"
[ "$berth_peak" -lt $((50 * 1024)) ] || fail "berth cp held the tree in memory: peak RSS ${berth_peak} kB"
assert_eq "$("$BERTH" cp big1:/big2 - | tar -tf - | sort | tr '\n' ' ')" \
  "big2/ big2/f1 big2/f2 big2/f3 big2/f4 big2/sub/ big2/sub/f5 " "berth cp to - streams the whole tar"
rm -rf "$W/big-back"
"$DOCKER" create --name big2 "$IMG" sh -c "cd /d1 && sha256sum $BIG_FILES && cd /d2 && sha256sum $BIG_FILES" > /dev/null
"$DOCKER" cp "$BIG" big2:/d1
"$BERTH" cp "$BIG" big2:/d2
"$DOCKER" start -a big2 > "$W/big2.out"
assert_eq "$(cat "$W/big2.out")" "$big_sums
$big_sums" "docker cp and berth cp of 100 MB into a stopped container"
hwm_after="$(hwm_kb)"
echo "berthd VmHWM: ${hwm_before} kB before, ${hwm_after} kB after 400 MB of cp"
[ $((hwm_after - hwm_before)) -lt $((50 * 1024)) ] || fail "berthd grew by $((hwm_after - hwm_before)) kB during the copies"
log "ok: 400 MB copied, berthd grew by $((hwm_after - hwm_before)) kB"

log "garbage and truncated tar streams are refused with a message; berthd keeps serving"
head -c $((5 * 1024 * 1024)) /dev/urandom > "$W/garbage"
rc=0; out="$("$DOCKER" cp - big1:/tmp < "$W/garbage" 2>&1)" || rc=$?
assert_ne "$rc" "0" "docker cp - of random bytes fails"
echo "docker cp: $out"
assert_contains "$out" "not a valid tar archive" "docker cp says why"
rc=0; out="$("$BERTH" cp - big1:/tmp < "$W/garbage" 2>&1)" || rc=$?
assert_ne "$rc" "0" "berth cp - of random bytes fails"
echo "berth cp: $out"
assert_contains "$out" "not a valid tar archive" "berth cp says why"
# Entries sorted: big/f1 and big/f2 (40 MB) whole, big/f3 cut in the middle.
tar -C "$W" --sort=name -cf "$W/big.tar" big
head -c $((50 * 1024 * 1024)) "$W/big.tar" > "$W/cut.tar"
rm -f "$W/big.tar"
"$DOCKER" exec big1 mkdir /cut /cut2
out="$(curl -sS --unix-socket "$BERTH_SOCK" -X PUT -T - -w '\n%{http_code}' \
  "http://localhost/containers/big1/archive?path=/cut" < "$W/cut.tar")"
assert_eq "$(tail -n 1 <<< "$out")" "400" "a truncated chunked upload is 400"
assert_contains "$(head -n 1 <<< "$out")" "not a valid tar archive" "and says the tar is cut"
assert_eq "$("$DOCKER" exec big1 sh -c 'cd /cut/big && sha256sum f1 f2')" "$(cd "$BIG" && sha256sum f1 f2)" \
  "entries before the cut are complete"
assert_eq "$("$DOCKER" exec big1 sh -c 'ls /cut/big')" "f1
f2" "the file cut short is not left behind"
rc=0; out="$("$DOCKER" cp - big1:/cut2 < "$W/cut.tar" 2>&1)" || rc=$?
assert_ne "$rc" "0" "docker cp - of a truncated tar fails"
echo "docker cp: $out"
assert_contains "$out" "not a valid tar archive" "docker cp says the tar is cut"
assert_eq "$(api_status PUT "/containers/big2/archive?path=/" --data-binary "@$W/garbage")" "400" \
  "random bytes into a stopped container: 400"
assert_eq "$(api_status GET /_ping)" "200" "berthd still serves"
echo "after" > "$W/after.txt"
"$DOCKER" cp "$W/after.txt" big1:/tmp/after.txt
assert_eq "$("$DOCKER" exec big1 cat /tmp/after.txt)" "after" "cp works after the bad streams"
log "other routes keep the 16 MiB limit"
head -c $((17 * 1024 * 1024)) /dev/zero > "$W/17m"
assert_eq "$(api_status POST /containers/create -H 'Content-Type: application/json' --data-binary "@$W/17m" 2> /dev/null || true)" \
  "413" "17 MB to /containers/create is 413"
head -c 10000000 /dev/zero | tr '\0' ' ' > "$W/10m.json"
assert_eq "$(api_status POST /containers/create -H 'Content-Type: application/json' --data-binary "@$W/10m.json")" \
  "400" "10 MB of blanks to /containers/create is 400"
"$DOCKER" rm -f big1 big2 > /dev/null
rm -f "$W/cut.tar" "$W/17m" "$W/10m.json"
rm -rf "$BIG"
[ -z "$(grep " $BERTH_ROOT" /proc/mounts || true)" ] || fail "a view's mount is left in the host: $(grep " $BERTH_ROOT" /proc/mounts)"
log "ok: bad streams refused, nothing left mounted"

log "diff shows A/C/D"
"$DOCKER" run -d --name d1 "$IMG" sh -c 'touch /new; echo x >> /etc/passwd; rm /bin/vi; echo done; exec sleep 300' > /dev/null
wait_log d1 done
diff_out="$("$DOCKER" diff d1)"
for line in "A /new" "C /etc/passwd" "D /bin/vi" "C /etc" "C /bin"; do
  assert_contains "$diff_out" "$line" "docker diff: $line"
done
assert_eq "$("$BERTH" diff d1)" "$diff_out" "berth diff prints the same"
assert_json "$(api GET /containers/d1/changes)" 'map(select(.Path == "/new"))[0].Kind == 1' "API Kind 1 for added"

log "export: whole file system, new file in, deleted file out"
"$DOCKER" export -o "$W/d1.tar" d1
tar -tf "$W/d1.tar" > "$W/d1.list"
grep -qx "bin/busybox" "$W/d1.list" || fail "export lacks bin/busybox"
grep -qx "new" "$W/d1.list" || fail "export lacks the new file"
! grep -qx "bin/vi" "$W/d1.list" || fail "export still has the deleted bin/vi"
! grep -q "^proc/." "$W/d1.list" || fail "export went into /proc"
"$DOCKER" stop -t 1 d1 > /dev/null
"$BERTH" export d1 > "$W/d1-stopped.tar"
assert_contains "$(tar -tf "$W/d1-stopped.tar")" "bin/busybox" "berth export of a stopped container"
assert_eq "$("$BERTH" diff d1)" "$diff_out" "diff of the stopped container"
assert_eq "$(tar -xOf "$W/d1-stopped.tar" etc/passwd | tail -n 1)" "x" "export carries the changed content"

log "volume copy-up"
assert_eq "$("$DOCKER" run --rm -v cu1:/data "$LAYERED" cat /data/keep.txt)" "kept" "new named volume gets the image content"
assert_eq "$(cat "$BERTH_ROOT/volumes/cu1/_data/keep.txt")" "kept" "content is in the volume itself"
assert_eq "$("$DOCKER" run --rm -v /data "$LAYERED" cat /data/keep.txt)" "kept" "anonymous volume too"
"$DOCKER" volume create cu2 > /dev/null
"$DOCKER" run --rm -v cu2:/x "$IMG" sh -c 'echo mine > /x/mine'
assert_eq "$("$DOCKER" run --rm -v cu2:/data "$LAYERED" ls /data)" "mine" "a non-empty volume is not copied into"
assert_eq "$("$DOCKER" run --rm -v cu3:/data:nocopy "$LAYERED" ls /data)" "" "nocopy leaves it empty"
mkdir -p "$W/bind"
"$DOCKER" run --rm -v "$W/bind:/data" "$LAYERED" true
assert_eq "$(ls -A "$W/bind")" "" "a bind is never copied into"

log "cp sees volumes: running and stopped"
"$DOCKER" run -d --name v1 -v cu1:/data "$LAYERED" sleep 300 > /dev/null
"$DOCKER" cp v1:/data/keep.txt "$W/vol-running.txt"
assert_eq "$(cat "$W/vol-running.txt")" "kept" "cp from a volume of a running container"
"$DOCKER" create --name v2 -v cu2:/data "$LAYERED" true > /dev/null
"$DOCKER" cp v2:/data/mine "$W/vol-stopped.txt"
assert_eq "$(cat "$W/vol-stopped.txt")" "mine" "cp from a volume of a stopped container"

log "cp -a gives the files to the container's user; without it the tar's owners stay"
"$DOCKER" create --name u1 --user nobody "$IMG" true > /dev/null
"$DOCKER" cp -a "$W/in.txt" u1:/tmp/owned.txt
assert_contains "$("$BERTH" cp u1:/tmp/owned.txt - | tar -tvf - --numeric-owner)" "65534/65534" "cp -a: owned by nobody"
"$DOCKER" cp "$W/in.txt" u1:/tmp/kept.txt
assert_contains "$("$BERTH" cp u1:/tmp/kept.txt - | tar -tvf - --numeric-owner)" "$(id -u)/$(id -g)" "cp: the tar's owner"

"$DOCKER" rm -f run1 st1 d1 v1 v2 u1 > /dev/null
log "all archive checks passed"
