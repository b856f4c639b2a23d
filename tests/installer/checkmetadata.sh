#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ctest installer_metadata (label "installer"): the packaging files that need neither root nor a
# package, checked in seconds:
#   - the desktop entry (desktop-file-validate) and the AppStream metainfo (appstreamcli);
#   - both man pages: no groff/man warnings and a whatis line (what lintian checks too);
#   - the icons rendered at build time: every hicolor PNG has its folder's size, the .ico holds
#     ten sizes, the .icns is one;
#   - the CI workflow against GitHub's workflow schema (@action-validator/cli, installed into
#     .tools/node by `bash .ci/dev test`).
# Usage: checkmetadata.sh SOURCE_DIR ICON_DIR
set -euo pipefail

src=$1
icons=$2
linux=$src/resources/linux
failures=0
fail() {
    echo "checkmetadata: FAIL: $*" >&2
    failures=$((failures + 1))
}

for desktop in "$linux"/*.desktop; do
    desktop-file-validate "$desktop" || fail "desktop-file-validate ${desktop##*/}"
done
for metainfo in "$linux"/*.metainfo.xml; do
    appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate ${metainfo##*/}"
done

if command -v man >/dev/null && command -v lexgrog >/dev/null; then
    for page in "$linux"/*.1; do
        warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null)
        [[ -z "$warnings" ]] || fail "${page##*/}: $warnings"
        lexgrog "$page" >/dev/null || fail "${page##*/} has no whatis line (NAME section)"
    done
    echo "checkmetadata: man pages format without warnings"
else
    echo "checkmetadata: note: man-db is not installed, man pages not checked"
fi

for png in "$icons"/hicolor/*/apps/*.png; do
    folder=${png%/apps/*}
    folder=${folder##*/}
    size=$(identify -format '%wx%h' "$png")
    [[ "$size" == "$folder" ]] || fail "${png#"$icons"/} is $size"
done
count=$(find "$icons"/hicolor -name '*.png' | wc -l)
((count >= 9)) || fail "only $count hicolor PNGs in $icons"
[[ "$(file -b "$icons/tokendesk.ico")" == "MS Windows icon resource - 10 icons"* ]] || fail "tokendesk.ico"
[[ "$(file -b "$icons/tokendesk.icns")" == "Mac OS X icon"* ]] || fail "tokendesk.icns"
echo "checkmetadata: $count hicolor PNGs, tokendesk.ico and tokendesk.icns"

validator=$src/.tools/node/node_modules/.bin/action-validator
if [[ -x "$validator" ]]; then
    for workflow in "$src"/.github/workflows/*.yml; do
        if "$validator" "$workflow"; then
            echo "checkmetadata: ${workflow#"$src"/} matches GitHub's workflow schema"
        else
            fail "${workflow#"$src"/} does not match GitHub's workflow schema"
        fi
    done
else
    echo "checkmetadata: note: $validator missing (bash .ci/dev test installs it); workflows not checked"
fi

((failures == 0)) || exit 1
echo "checkmetadata: all checks passed"
