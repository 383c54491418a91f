#!/bin/busybox sh
# /init of the test VM's initramfs (busybox only): loads the virtio and 9p modules,
# mounts the host's root (read-only 9p) under a tmpfs overlay so every path is writable
# inside the VM and nothing reaches the host, and switch_roots into it to run the guest
# script the host named on the kernel command line (berth_guest=, passed to us as an
# environment variable).
# switch_root, not pivot_root: the initramfs is the rootfs mount, which pivot_root
# refuses; containers pivot_root later and need a real mount as the root.
/bin/busybox mkdir -p /bin /proc /dev /lower /rw /newroot
/bin/busybox --install -s /bin
export PATH=/bin

die() {
  echo "initramfs: $*"
  echo o > /proc/sysrq-trigger  # powers off; the host sees no result file: a failure
  sleep 60
}

mount -t proc proc /proc
mount -t devtmpfs dev /dev
echo 1 > /proc/sys/kernel/sysrq

# Module order was resolved on the host from modules.dep (dependencies first).
while read -r ko; do
  insmod "/modules/$ko" || die "insmod $ko failed"
done < /modules/order

mount -t 9p -o trans=virtio,version=9p2000.L,ro,cache=loose,msize=512000 hostroot /lower ||
  die "mount of the host root over 9p failed"
mount -t tmpfs -o mode=0755 rootrw /rw || die "tmpfs for the overlay failed"
mkdir -p /rw/upper /rw/work
mount -t overlay -o lowerdir=/lower,upperdir=/rw/upper,workdir=/rw/work root /newroot ||
  die "overlay root failed"
[ -n "${berth_guest:-}" ] && [ -f "/newroot$berth_guest" ] || die "no guest script '${berth_guest:-}'"

umount /proc
umount /dev
exec switch_root /newroot /bin/bash "$berth_guest"
