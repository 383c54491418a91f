#!/usr/bin/env bash
# Layers whose tar entries try to escape the layer directory ("../" paths, absolute
# paths, writing through a symlink that leads out, hardlinks to outside files) are
# refused: the pull fails naming the entry, nothing appears at the paths they aim at,
# outside files are untouched, and no part of the layer is left in the store.
# The evil layers aim at fixed paths under /tmp/berth-evil-*; only this test uses them.
source "$(dirname "$0")/lib.sh"

dotdot=/tmp/berth-evil-dotdot
abs=/tmp/berth-evil-abs
symlink_target=/tmp/berth-evil-symlink-target
hardlink_target=/tmp/berth-evil-hardlink-target
cleanup_targets() { rm -rf "$dotdot" "$abs" "$symlink_target" "$hardlink_target"; }
cleanup_targets
on_cleanup cleanup_targets
# Targets that exist, so an unpacker that followed them would succeed in writing.
mkdir -p "$symlink_target"
chmod 777 "$symlink_target"
echo original > "$hardlink_target"
passwd_links="$(stat -c %h /etc/passwd)"
passwd_sum="$(sha256_of /etc/passwd)"

berth_start

# check_refused IMAGE ENTRY: the pull fails and names ENTRY.
check_refused() {
  local image="$1" entry="$2" out err
  log "pull $image"
  out="$(api_pull "$REGISTRY/$image:latest")"
  err="$(stream_error "$out")"
  [ -n "$err" ] || fail "$image: the pull succeeded: $out"
  echo "error: $err"
  assert_contains "$err" "$entry" "$image: the error names the entry"
  assert_eq "$(api_status GET "/images/$REGISTRY/$image:latest/json")" 404 "$image: no image stored"
  local left
  left="$(find "$BERTH_ROOT" -name ok.txt -o -name pwned -o -name victim -o -name passwd -path '*/layers/*' 2>/dev/null)"
  assert_eq "$left" "" "$image: nothing of the layer is left in the store"
  [ ! -e "$dotdot" ] || fail "$image: $dotdot was created"
  [ ! -e "$abs" ] || fail "$image: $abs was created"
  assert_eq "$(ls -A "$symlink_target")" "" "$image: nothing written into $symlink_target"
  assert_eq "$(cat "$hardlink_target")" original "$image: $hardlink_target unchanged"
  assert_eq "$(stat -c %h "$hardlink_target")" 1 "$image: no hardlink to $hardlink_target"
  assert_eq "$(stat -c %h /etc/passwd)" "$passwd_links" "$image: no hardlink to /etc/passwd"
  assert_eq "$(sha256_of /etc/passwd)" "$passwd_sum" "$image: /etc/passwd unchanged"
  # Nothing escaped to just above the layers either.
  local stray
  stray="$(find "$BERTH_TEST_TMP" / -maxdepth 1 -name 'berth-evil*' 2>/dev/null)"
  assert_eq "$stray" "" "$image: nothing next to the root or at /"
}

check_refused evil-dotdot "berth-evil-dotdot"
check_refused evil-abs "berth-evil-abs"
check_refused evil-symlink "link/pwned"
check_refused evil-symlink-rel "link/pwned"
check_refused evil-hardlink "passwd"
check_refused evil-hardlink-write "victim"
check_refused evil-hardlink-rel "escape-link"

log "berthd is still healthy and pulls a good image"
pull_ok "$REGISTRY/busybox:latest"
assert_json "$(api GET /images/json)" 'length == 1' "only busybox is stored"

berth_stop
