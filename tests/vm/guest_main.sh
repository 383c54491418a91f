#!/bin/bash
# PID 1 of the test VM (after the initramfs switch_roots into the host's root under a
# tmpfs overlay): mounts what a booted system has, with cgroup v2 as the ONLY cgroup
# hierarchy, runs guest_run_tests.sh, writes its status to the host's share and powers
# the VM off. As PID 1, bash also reaps the orphans (detached container monitors).
set -u
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
here="$(dirname "$0")"
share=/berth-vm
status=1

finish() {
  if mountpoint -q "$share"; then
    echo "$status" > "$share/status.tmp" && mv "$share/status.tmp" "$share/status"
    sync
    umount "$share"
  fi
  # With qemu's -no-reboot, a reboot ends qemu at once.
  echo b > /proc/sysrq-trigger
  sleep 60
}

step() {  # step WHAT CMD...: runs CMD; on failure reports WHAT and stops the VM
  local what="$1"; shift
  "$@" || { echo "guest: $what failed: $*"; finish; }
}

step "mount /proc" mount -t proc proc /proc
echo 1 > /proc/sys/kernel/sysrq
step "mount /sys" mount -t sysfs sysfs /sys
step "mount /dev" mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /dev/shm
step "mount /dev/pts" mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts /dev/pts
ln -sf pts/ptmx /dev/ptmx 2>/dev/null || true
step "mount /dev/shm" mount -t tmpfs -o mode=1777 shm /dev/shm
mkdir -p "$share"
step "mount the share" mount -t 9p -o trans=virtio,version=9p2000.L,cache=none,msize=512000 berthvm "$share"
# shellcheck source=/dev/null
source "$share/config.sh"

# The checkout and the build may live under a directory the tmpfs mounts below hide (a
# clean clone in /tmp, as CI makes): set them aside with bind mounts and put them back.
hidden=(/tmp /var/tmp /run /var/lib)
kept=()
for dir in "$BERTH_SOURCE_DIR" "$BERTH_BUILD_DIR"; do
  for h in "${hidden[@]}"; do
    case "$dir/" in "$h"/*)
      mkdir -p "/.berth-kept/${#kept[@]}"
      step "set $dir aside" mount --bind "$dir" "/.berth-kept/${#kept[@]}"
      kept+=("$dir")
    esac
  done
done
# berthd's roots, sockets and container layers: real tmpfs, since overlayfs cannot use
# the overlay root as its upper layer.
for d in /tmp /var/tmp; do step "mount $d" mount -t tmpfs -o mode=1777 tmpfs "$d"; done
for d in /run /var/lib; do step "mount $d" mount -t tmpfs -o mode=0755 tmpfs "$d"; done
for i in "${!kept[@]}"; do
  mkdir -p "${kept[$i]}"
  step "put ${kept[$i]} back" mount --bind "/.berth-kept/$i" "${kept[$i]}"
done
# The point of the VM: cgroup v2 alone, every controller available at the root.
step "mount cgroup2" mount -t cgroup2 -o nsdelegate cgroup2 /sys/fs/cgroup
step "loopback up" ip link set lo up
hostname berth-vm

bash "$here/guest_run_tests.sh" "${BERTH_VM_TESTS[@]}" 2>&1 | tee "$share/output.log"
status=${PIPESTATUS[0]}
finish
