#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The TOKENDESK_CHROOT_TEST=1 part of installer_deb: the package in a fresh Debian 12 root made by
# mmdebstrap (variant "apt": the Essential packages and apt, none of TokenDesk's dependencies),
# where a dependency missing from the .deb's Depends shows up as a failure:
#   A. apt-get install --no-install-recommends of the .deb alone (plus Xvfb and xdotool to look
#      at it): both --version; the GUI maps its window (xcb platform plugin); tokendesk-cli reads
#      the workspace the GUI created (SQLite driver plugin);
#   B. then gnome-keyring, D-Bus, ImageMagick, secret-tool and the libraries of the test-only
#      sandbox program come in, and session.sh runs as on the host: screenshot and keychain round
#      trip (libsecret, loaded at run time).
# Nothing is kept: mmdebstrap builds the root in a temporary folder and discards it (format null).
# Needs root and the Debian mirror; TOKENDESK_DEBIAN_MIRROR overrides http://deb.debian.org/debian.
# Usage: chroottest.sh DEB SANDBOX_PROGRAM OUTPUT_DIR RUN_WITH_KEYRING SESSION
set -euo pipefail

deb=$1
sandbox=$2
out=$3
keyring_launcher=$4
session=$5
mirror=${TOKENDESK_DEBIAN_MIRROR:-http://deb.debian.org/debian}

if ! command -v mmdebstrap >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends mmdebstrap
fi
mkdir -p "$out/chroot"

# The sandbox comes from the test build tree (Qt HttpServer, sanitizer run-times): the packages
# of the libraries it links, found through dpkg on this machine.
sandbox_packages=$(ldd "$sandbox" | awk '$3 ~ /^\// { print $3 }' | while read -r library; do
    dpkg-query -S "$library" 2>/dev/null || dpkg-query -S "$(realpath "$library")" 2>/dev/null || true
done | cut -d: -f1 | sort -u | paste -sd ' ')

stage=$(mktemp -d "${TMPDIR:-/tmp}/tokendesk-chroot.XXXXXX")
trap 'rm -rf "$stage"' EXIT
cp "$deb" "$stage/tokendesk.deb"
cp "$sandbox" "$stage/tokendesk-sandbox"
cp "$keyring_launcher" "$stage/run-with-keyring.sh"
cp "$session" "$stage/session.sh"
cat >"$stage/phase-a.sh" <<'EOF'
#!/bin/sh
# Phase A, inside the fresh root: the package and its Depends only.
set -eu
export HOME=/tmp/phase-a XDG_RUNTIME_DIR=/tmp/phase-a/run
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
test "$(tokendesk --version)" = "tokendesk $1"
test "$(tokendesk-cli --version 2>/dev/null)" = "tokendesk-cli $1"
echo "phase A: both programs report $1"
xvfb-run -n "$2" -s "-screen 0 1280x800x24" sh -c '
    tokendesk >/tmp/phase-a/gui.log 2>&1 &
    gui=$!
    if ! timeout 30 xdotool search --sync --onlyvisible --name TokenDesk >/dev/null; then
        cat /tmp/phase-a/gui.log; kill $gui; exit 1
    fi
    echo "phase A: the GUI shows its window"
    if ! tokendesk-cli list; then
        kill $gui; exit 1
    fi
    kill $gui
'
EOF
chmod +x "$stage"/*.sh "$stage/tokendesk-sandbox"
version=$(dpkg-deb -f "$deb" Version)
version=${version%-*}
display=$((100 + RANDOM % 800)) # xvfb-run in the root cannot see the host's X lock files
root=/opt/tokendesk-test

echo "chroottest: mmdebstrap bookworm from $mirror; sandbox needs: $sandbox_packages"
mmdebstrap --variant=apt --format=null --include=xvfb,xauth,xdotool \
    --customize-hook="mkdir -p \"\$1$root/out\"" \
    --customize-hook="copy-in $stage/tokendesk.deb $stage/tokendesk-sandbox $stage/run-with-keyring.sh $stage/session.sh $stage/phase-a.sh $root" \
    --customize-hook="chroot \"\$1\" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $root/tokendesk.deb" \
    --customize-hook="chroot \"\$1\" $root/phase-a.sh $version $display" \
    --customize-hook="chroot \"\$1\" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends gnome-keyring dbus imagemagick libsecret-tools mawk $sandbox_packages" \
    --customize-hook="chroot \"\$1\" xvfb-run -n $((display + 1)) -s '-screen 0 1600x1000x24' env TOKENDESK_KEYRING_KEEP_DISPLAY=1 $root/run-with-keyring.sh $root/session.sh $root/out $root/tokendesk-sandbox /usr/bin" \
    --customize-hook="copy-out $root/out/installed-gui.png $out/chroot" \
    bookworm /dev/null \
    "deb $mirror bookworm main" "deb $mirror bookworm-updates main" \
    "deb ${mirror%/debian}/debian-security bookworm-security main"
echo "chroottest: passed; screenshot in $out/chroot/installed-gui.png"
