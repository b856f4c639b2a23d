#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Takes the README's screenshots from real windows on a virtual X server:
#   bash tests/screenshots/take-screenshots.sh [BUILD_DIR] [OUT_DIR]
# BUILD_DIR defaults to build/dev (build the tokendesk-screenshots target first), OUT_DIR to
# resources/screenshots. The fakes run on loopback and the keyring is a throw-away one.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$root/build/dev}
out=${2:-$root/resources/screenshots}
mkdir -p "$out"
program="$build/tests/screenshots/tokendesk-screenshots"
[[ -x "$program" ]] || { echo "build the tokendesk-screenshots target first: $program" >&2; exit 2; }
export QT_QPA_PLATFORM=xcb LANG=C.UTF-8 LANGUAGE=en
xvfb-run --auto-servernum --server-args="-screen 0 1600x1000x24 -dpi 96" \
    env TOKENDESK_KEYRING_KEEP_DISPLAY=1 "$root/tests/support/run-with-keyring.sh" "$program" "$out"
