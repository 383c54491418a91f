#!/usr/bin/env bash
# Runs integration tests inside a QEMU VM whose only cgroup hierarchy is cgroup v2 with
# every controller, so berthd's v2 code (limits, stats, update, freeze) runs for real on a
# host that is cgroup v1 hybrid. The VM boots the Debian kernel installed on the host,
# sees the host's root read-only over 9p (under a tmpfs overlay: the same binaries and
# scripts, nothing written back), has no network device (its own loopback only) and runs
# tests/vm/guest_main.sh as its init.
# Usage: run_in_vm.sh TEST_SCRIPT...   (paths; BERTH_BUILD_DIR, BERTH_SOURCE_DIR and
#        BERTH_FIXTURE_ENV as ctest sets them for the integration tests)
# Exit: the guest's status; 77 (skipped) when qemu or a usable kernel is missing.
# BERTH_VM_TIMEOUT (seconds, default 540) bounds the VM's run; BERTH_VM_SMP, BERTH_VM_MEM;
# BERTH_VM_ACCEL (default tcg,thread=multi; "kvm" where nested KVM works).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
: "${BERTH_SOURCE_DIR:=$(cd "$here/../.." && pwd)}"
: "${BERTH_BUILD_DIR:?BERTH_BUILD_DIR is not set (run the test through ctest)}"
: "${BERTH_FIXTURE_ENV:=$BERTH_BUILD_DIR/fixtures/env.sh}"
timeout_s="${BERTH_VM_TIMEOUT:-540}"
smp="${BERTH_VM_SMP:-2}"
mem="${BERTH_VM_MEM:-2048}"
accel="${BERTH_VM_ACCEL:-tcg,thread=multi}"
[ $# -gt 0 ] || { echo "usage: run_in_vm.sh TEST_SCRIPT..." >&2; exit 2; }
tests=()
for t in "$@"; do
  [ -f "$t" ] || { echo "run_in_vm: no test script $t" >&2; exit 2; }
  tests+=("$(realpath "$t")")
done

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }

qemu="$(command -v qemu-system-x86_64 || true)"
[ -n "$qemu" ] || skip "qemu-system-x86_64 is not installed (apt-get install qemu-system-x86)"
[ "$(uname -m)" = x86_64 ] || skip "the VM test runs on x86_64 only"

# The newest /boot/vmlinuz-* whose modules (with 9p) are installed.
kernel="" kver=""
for k in $(ls -v /boot/vmlinuz-* 2>/dev/null | tac); do
  v="${k#/boot/vmlinuz-}"
  if [ -r "$k" ] && [ -s "/lib/modules/$v/modules.dep" ] &&
     grep -q '/9p\.ko' "/lib/modules/$v/modules.dep"; then
    kernel="$k" kver="$v"
    break
  fi
done
[ -n "$kernel" ] || skip "no kernel in /boot with its modules (apt-get install linux-image-amd64)"
# The initramfs holds busybox alone: it must be the static one (ldd fails on it).
[ -x /bin/busybox ] && ! ldd /bin/busybox > /dev/null 2>&1 ||
  skip "no static /bin/busybox for the initramfs (apt-get install busybox-static)"
[ -r "$BERTH_FIXTURE_ENV" ] || fail "$BERTH_FIXTURE_ENV is missing: the fixture registries are not set up"
[ -x "$BERTH_BUILD_DIR/runtime/berthd" ] || fail "$BERTH_BUILD_DIR/runtime/berthd is not built"

work="$(mktemp -d /tmp/berth-vm.XXXXXX)"
qemu_pid=""
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$qemu_pid" ] && kill -0 "$qemu_pid" 2>/dev/null; then
    kill -KILL "$qemu_pid" 2>/dev/null
    wait "$qemu_pid" 2>/dev/null
  fi
  if [ -n "${BERTH_KEEP_TMP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- initramfs: busybox, the 9p/virtio/overlay modules in load order, our /init ---
initrd_dir="$work/initramfs"
mkdir -p "$initrd_dir/bin" "$initrd_dir/modules"
cp /bin/busybox "$initrd_dir/bin/busybox"
cp "$here/initramfs_init.sh" "$initrd_dir/init"
chmod 755 "$initrd_dir/init"
moddir="/lib/modules/$kver"
# modules.dep: "path: dep1 dep2 ..." with each module's dependencies, nearest first; so
# loading the list in reverse, then the module, satisfies every dependency.
resolve_modules() {
  local name line deps d
  for name in "$@"; do
    line="$(grep -E "(^|/)$name\.ko(\.[a-z]+)?:" "$moddir/modules.dep" | head -n1)" ||
      fail "module $name is not in $moddir/modules.dep"
    deps="${line#*:}"
    for d in $(echo $deps | tr ' ' '\n' | tac) "${line%%:*}"; do echo "$d"; done
  done | awk '!seen[$0]++'
}
for ko in $(resolve_modules virtio_pci 9pnet_virtio 9p overlay); do
  base="$(basename "$ko")"
  case "$base" in
    *.ko) cp "$moddir/$ko" "$initrd_dir/modules/$base" ;;
    *.ko.xz) xz -dc "$moddir/$ko" > "$initrd_dir/modules/${base%.xz}"; base="${base%.xz}" ;;
    *.ko.zst) zstd -qdc "$moddir/$ko" > "$initrd_dir/modules/${base%.zst}"; base="${base%.zst}" ;;
    *) fail "unknown module format $ko" ;;
  esac
  echo "$base" >> "$initrd_dir/modules/order"
done
(cd "$initrd_dir" && find . | /bin/busybox cpio -o -H newc 2>/dev/null | gzip -1) > "$work/initrd.gz"

# --- the share the guest writes its output and status to; what it should run ---
share="$work/share"
mkdir -p "$share"
{
  printf 'export BERTH_BUILD_DIR=%q\n' "$BERTH_BUILD_DIR"
  printf 'export BERTH_SOURCE_DIR=%q\n' "$BERTH_SOURCE_DIR"
  printf 'export BERTH_FIXTURE_ENV=%q\n' "$BERTH_FIXTURE_ENV"
  printf 'export PATH=%q\n' "$PATH"
  printf 'export HOME=/root\n'
  printf 'BERTH_VM_TESTS=(%s)\n' "$(printf '%q ' "${tests[@]}")"
} > "$share/config.sh"

# --- boot ---
# TCG: nested KVM does not work on the CI machines; mitigations=off halves the cost of
# a fork+exec under TCG (no page-table isolation to emulate). No NIC: the guest has only its own
# loopback, so nothing it runs can send traffic off the machine.
echo "vm: kernel $kernel, $smp vCPUs ($accel), ${mem} MiB, timeout ${timeout_s} s"
start="$(date +%s)"
"$qemu" -nodefaults -no-user-config -machine pc -accel "$accel" -cpu max \
  -smp "$smp" -m "$mem" -display none -monitor none -nic none -no-reboot \
  -serial "file:$work/console.log" \
  -kernel "$kernel" -initrd "$work/initrd.gz" \
  -append "console=ttyS0 panic=-1 quiet loglevel=4 mitigations=off berth_guest=$here/guest_main.sh" \
  -fsdev "local,id=hostroot,path=/,security_model=none,readonly=on,multidevs=remap" \
  -device "virtio-9p-pci,fsdev=hostroot,mount_tag=hostroot" \
  -fsdev "local,id=share,path=$share,security_model=none" \
  -device "virtio-9p-pci,fsdev=share,mount_tag=berthvm" \
  < /dev/null > "$work/qemu.log" 2>&1 &
qemu_pid=$!

timed_out=0
while kill -0 "$qemu_pid" 2>/dev/null; do
  if [ $(($(date +%s) - start)) -ge "$timeout_s" ]; then
    timed_out=1
    kill -KILL "$qemu_pid" 2>/dev/null
    break
  fi
  sleep 1
done
qemu_rc=0
{ wait "$qemu_pid"; } 2>/dev/null || qemu_rc=$?  # (no "Killed" job notice in the log)
qemu_pid=""
echo "vm: ran $(($(date +%s) - start)) s (qemu exit $qemu_rc)"

echo "===== guest console ====="
cat "$work/console.log" 2>/dev/null || true
echo "===== end of guest console ====="
if [ -s "$work/qemu.log" ]; then
  echo "qemu said:"
  cat "$work/qemu.log"
fi
[ "$timed_out" = 0 ] || fail "the VM did not finish within ${timeout_s} s"
[ -s "$share/status" ] || fail "the guest wrote no status (kernel panic or early failure; see the console above)"
status="$(cat "$share/status")"
case "$status" in
  0) echo "vm: guest tests passed" ;;
  77) skip "every guest test skipped" ;;
  *) fail "guest tests failed (status $status)" ;;
esac
