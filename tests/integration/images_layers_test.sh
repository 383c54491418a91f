#!/usr/bin/env bash
# Layers on disk: shared between images ("Already exists", one directory per chain), OCI
# whiteouts turned into overlayfs whiteouts (0/0 char device, trusted.overlay.opaque=y),
# and an overlay mount of the layers shows the image's filesystem.
source "$(dirname "$0")/lib.sh"

command -v getfattr > /dev/null || fail "getfattr missing (package attr)"
berth_start

log "busybox, then layered: the busybox layer already exists"
pull_ok "$REGISTRY/busybox:latest"
assert_eq "$(layer_count)" 1 "one layer after busybox"
out="$(api_pull "$REGISTRY/layered:latest")"
[ -z "$(stream_error "$out")" ] || fail "pull layered: $(stream_error "$out")"
base="$(fixture busybox '.layers[0]')"; base="${base#sha256:}"; base="${base:0:12}"
assert_eq "$(jq -r --arg id "$base" 'select(.id == $id) | .status' <<< "$out" | sort -u)" "Already exists" "the shared layer is 'Already exists' and nothing else"
assert_eq "$(layer_count)" 3 "three layers after layered (one shared)"

log "zstd has the same diff_id as busybox: same chain, no new layer directory"
pull_ok "$REGISTRY/zstd:latest"
assert_eq "$(layer_count)" 3 "still three layers after zstd"

# Layer directories of an image, lowest first, from GraphDriver (docker's overlay2 shape:
# LowerDir lists the lower layers topmost first, UpperDir is the top layer).
layer_dirs() {
  local inspect lower
  inspect="$(api GET "/images/$1/json")"
  lower="$(jq -r '.GraphDriver.Data.LowerDir // ""' <<< "$inspect")"
  [ -z "$lower" ] || tr ':' '\n' <<< "$lower" | tac
  jq -r '.GraphDriver.Data.UpperDir' <<< "$inspect"
}
mapfile -t dirs < <(layer_dirs "$REGISTRY/layered:latest")
assert_eq "${#dirs[@]}" 3 "layered has three layer directories"
for d in "${dirs[@]}"; do
  [ -d "$d" ] || fail "layer directory $d does not exist"
  case "$d" in "$BERTH_ROOT"/*) ;; *) fail "layer directory $d is outside the root" ;; esac
done
mapfile -t bb_dirs < <(layer_dirs "$REGISTRY/busybox:latest")
assert_eq "${bb_dirs[*]}" "${dirs[0]}" "busybox's layer directory is layered's lowest"
mapfile -t z_dirs < <(layer_dirs "$REGISTRY/zstd:latest")
assert_eq "${z_dirs[*]}" "${dirs[0]}" "zstd's layer directory is the same"

log "the base layer as packed"
[ -x "${dirs[0]}/bin/busybox" ] || fail "bin/busybox missing in the base layer"
assert_eq "$(sha256_of "${dirs[0]}/bin/busybox")" "$(sha256_of /bin/busybox)" "bin/busybox is intact"
assert_eq "$(readlink "${dirs[0]}/bin/sh")" /bin/busybox "symlinks preserved"
assert_eq "$(stat -c %a "${dirs[0]}/tmp")" 1777 "/tmp mode 1777"
assert_eq "$(stat -c %a "${dirs[0]}/root")" 700 "/root mode 700"
assert_eq "$(stat -c %Y "${dirs[0]}/etc/passwd")" 1704067200 "mtimes preserved"
assert_eq "$(stat -c %u:%g "${dirs[0]}/etc/passwd")" 0:0 "owners preserved"

log "whiteout: .wh.vi became a 0/0 character device"
[ ! -e "${dirs[1]}/bin/.wh.vi" ] || fail ".wh.vi is still a file"
assert_eq "$(stat -c '%F %t:%T' "${dirs[1]}/bin/vi")" "character special file 0:0" "bin/vi is a 0/0 char device"
assert_eq "$(cat "${dirs[1]}/data/keep.txt")" kept "layer 2 content"

log "opaque dir: .wh..wh..opq became trusted.overlay.opaque=y"
[ ! -e "${dirs[2]}/opaque/.wh..wh..opq" ] || fail ".wh..wh..opq is still a file"
assert_eq "$(getfattr --only-values -n trusted.overlay.opaque "${dirs[2]}/opaque" 2>/dev/null)" y "opaque has trusted.overlay.opaque=y"
assert_eq "$(cat "${dirs[2]}/opaque/new.txt")" new "layer 3 content"

log "overlay of the three layers shows the image"
merged="$BERTH_TEST_TMP/merged"
mkdir -p "$merged"
mount -t overlay overlay -o "lowerdir=${dirs[2]}:${dirs[1]}:${dirs[0]}" "$merged"
on_cleanup "umount '$merged' 2>/dev/null"
[ -x "$merged/bin/busybox" ] || fail "merged: bin/busybox missing"
[ ! -e "$merged/bin/vi" ] && [ ! -L "$merged/bin/vi" ] || fail "merged: bin/vi should be deleted"
echo "ok: merged: bin/vi deleted"
[ -L "$merged/bin/ls" ] || fail "merged: bin/ls missing"
assert_eq "$(ls "$merged/opaque" | tr '\n' ' ')" "new.txt " "merged: opaque holds only new.txt"
assert_eq "$(cat "$merged/data/keep.txt")" kept "merged: data/keep.txt"
assert_eq "$("$merged/bin/busybox" cat "$merged/etc/passwd" | cut -d: -f1 | tr '\n' ' ')" "root nobody " "merged: etc/passwd"
umount "$merged"

log "multiarch: the amd64 marker layer"
pull_ok "$REGISTRY/multiarch:latest"
mapfile -t m_dirs < <(layer_dirs "$REGISTRY/multiarch:latest")
assert_eq "${#m_dirs[@]}" 2 "multiarch amd64 has two layers"
assert_eq "${m_dirs[0]}" "${dirs[0]}" "and shares busybox's layer"
assert_eq "$(cat "${m_dirs[1]}/arch")" amd64 "the marker says amd64"
assert_eq "$(layer_count)" 4 "four layers in all"

log "layers survive a restart"
berth_restart
mapfile -t again < <(layer_dirs "$REGISTRY/layered:latest")
assert_eq "${again[*]}" "${dirs[*]}" "same layer directories after restart"
assert_contains "$(api_pull "$REGISTRY/layered:latest")" "Image is up to date" "up to date after restart"

berth_stop
