#!/usr/bin/env bash
# Installs every Debian package Berth needs to build, run and test. Idempotent: apt-get
# skips what is already there, so both README commands call it first.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  # berthd and the CLI
  libboost-dev libcurl4-openssl-dev libssl-dev libarchive-dev libzstd-dev zlib1g-dev
  nlohmann-json3-dev libyaml-cpp-dev libmnl-dev libseccomp-dev libcap-dev libnftables-dev
  libldns-dev
  # the desktop app
  qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-qpa-plugins qml6-module-qtquick qml6-module-qtquick-controls
  qml6-module-qtquick-layouts qml6-module-qtquick-window qml6-module-qtquick-templates
  qml6-module-qtquick-dialogs qml6-module-qtqml-workerscript qml6-module-qttest
  qml6-module-qt-labs-platform qml6-module-qt-labs-settings qml6-module-qtqml-models
  qml6-module-qt-labs-folderlistmodel
  qt6-translations-l10n
  libgl1-mesa-dri fonts-noto-cjk xdg-utils
  # tests: real registry, image tooling, GUI under Xvfb
  libgtest-dev docker-registry skopeo busybox-static apache2-utils openssl curl jq zstd attr
  xvfb xdotool x11-apps python3 util-linux iproute2 nftables procps psmisc
  qemu-system-x86 linux-image-amd64
)

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: run as root (apt-get needs it)" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# The tests drive berthd with the real docker client; Debian's docker.io provides one
# where the machine has none (its daemon is never started by Berth's tests).
command -v docker >/dev/null 2>&1 || missing+=(docker.io)

if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
