#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ctest installer_deb (label "installer"): the Debian package, end to end, on this machine.
#   1. build: a Release tree (preset "release": no sanitizers, no fault injection, unlike the
#      ci tree this test runs from) and the .deb from it with cpack;
#   2. check the package: Depends, contents (no test programs), no sanitizer in the binaries,
#      lintian (errors and warnings fail; the package's overrides say what is accepted and why),
#      desktop-file-validate and appstreamcli on the packaged files;
#   3. install it with apt-get, run both programs' --version from /usr/bin, then session.sh
#      on Xvfb inside a throw-away keyring: GUI with screenshot, keychain round trip GUI -> CLI;
#   4. purge it and check that no file it installed is left (user data lived in the keyring
#      session's scratch HOME, which is gone with it).
# TOKENDESK_CHROOT_TEST=1 repeats 3. in a fresh Debian 12 root made by mmdebstrap (needs the
# Debian mirror): the only place a missing Depends shows, since this machine has everything.
#
# Needs root (apt-get, dpkg); exits 77, which ctest reports as skipped, otherwise.
# TOKENDESK_BUILD_LOCK=FILE runs the build steps under `flock FILE` (a machine shared by builders).
# Usage: installtest.sh SOURCE_DIR SANDBOX_PROGRAM OUTPUT_DIR
set -euo pipefail

src=$1
sandbox=$2
out=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=$src/build/release
contact='packaging@tokendesk.invalid'

skip() {
    echo "installtest: SKIPPED: $*"
    exit 77
}
fail() {
    echo "installtest: FAIL: $*" >&2
    exit 1
}
started=$SECONDS
phase_start=$SECONDS
phase() {
    echo "installtest: [$((SECONDS - phase_start)) s] done"
    phase_start=$SECONDS
    echo "installtest: == $*"
}
locked() {
    if [[ -n "${TOKENDESK_BUILD_LOCK:-}" ]]; then
        flock "$TOKENDESK_BUILD_LOCK" "$@"
    else
        "$@"
    fi
}
apt_quiet() {
    DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=300 "$@"
}
installed_status() { dpkg-query -W -f='${db:Status-Status}' tokendesk 2>/dev/null || true; }

[[ $(id -u) -eq 0 ]] || skip "installing a package needs root; the README's test command runs as root (CI does)"
command -v apt-get >/dev/null || skip "not a Debian system (no apt-get)"
if [[ -n "$(installed_status)" && "$(installed_status)" != not-installed ]]; then
    maintainer=$(dpkg-query -W -f='${Maintainer}' tokendesk)
    [[ "$maintainer" == *"$contact"* ]] ||
        skip "a tokendesk package from elsewhere ($maintainer) is installed; this test would replace and remove it"
    echo "installtest: note: purging the tokendesk package an earlier, interrupted run left installed"
    apt_quiet remove --purge tokendesk >/dev/null
fi
mkdir -p "$out"
work=$(mktemp -d "${TMPDIR:-/tmp}/tokendesk-installtest.XXXXXX")
cleanup() {
    local status=$?
    if [[ "$(installed_status)" == installed ]]; then
        echo "installtest: purging the package after a failure"
        apt_quiet remove --purge tokendesk >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT

echo "installtest: == 1. Release build and cpack -G DEB ($build)"
cd "$src"
if ! locked cmake --preset release >"$out/release-configure.log" 2>&1; then
    tail -n 40 "$out/release-configure.log"
    fail "configuring the release preset failed"
fi
if ! locked cmake --build --preset release -j "$(nproc)" >"$out/release-build.log" 2>&1; then
    tail -n 60 "$out/release-build.log"
    fail "the release build failed"
fi
rm -f "$build"/tokendesk_*.deb
if ! (cd "$build" && locked cpack -G DEB) >"$out/cpack.log" 2>&1; then
    cat "$out/cpack.log"
    fail "cpack -G DEB failed"
fi
debs=("$build"/tokendesk_*.deb)
[[ ${#debs[@]} -eq 1 && -f "${debs[0]}" ]] || fail "expected one tokendesk_*.deb in $build"
deb=${debs[0]}
package_version=$(dpkg-deb -f "$deb" Version)
version=${package_version%-*}
echo "installtest: $deb ($(du -h "$deb" | cut -f1))"

phase "2. package checks"
depends=$(dpkg-deb -f "$deb" Depends)
echo "installtest: Depends: $depends"
for needed in libsecret-1-0 libqt6sql6-sqlite libqt6svg6 libqt6keychain1 libqt6widgets6 libqt6network6; do
    grep -qE "(^|, )$needed( |,|$)" <<<"$depends" || fail "Depends lacks $needed"
done
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' >"$work/contents"
for path in /usr/bin/tokendesk /usr/bin/tokendesk-cli \
    /usr/share/applications/io.tokendesk.TokenDesk.desktop \
    /usr/share/metainfo/io.tokendesk.TokenDesk.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/io.tokendesk.TokenDesk.svg \
    /usr/share/icons/hicolor/16x16/apps/io.tokendesk.TokenDesk.png \
    /usr/share/icons/hicolor/512x512/apps/io.tokendesk.TokenDesk.png \
    /usr/share/man/man1/tokendesk.1.gz /usr/share/man/man1/tokendesk-cli.1.gz \
    /usr/share/doc/tokendesk/copyright /usr/share/doc/tokendesk/changelog.Debian.gz; do
    grep -qxF "$path" "$work/contents" || fail "the package lacks $path"
done
if grep -E 'sandbox|iconrender|bench|/test' "$work/contents"; then
    fail "test or build programs in the package (above)"
fi
dpkg-deb -x "$deb" "$work/root"
for binary in "$work"/root/usr/bin/*; do
    if readelf -d "$binary" | grep -qE 'libasan|libubsan'; then
        fail "${binary##*/} is a sanitizer build"
    fi
done
desktop-file-validate "$work"/root/usr/share/applications/*.desktop
appstreamcli validate --no-net "$work"/root/usr/share/metainfo/*.metainfo.xml
# Errors and warnings fail; installer/linux/lintian-overrides lists what is accepted, and why.
lintian_status=0
lintian --fail-on error,warning --info "$deb" >"$out/lintian.log" 2>&1 || lintian_status=$?
grep -v 'running with root privileges' "$out/lintian.log" || true
((lintian_status == 0)) || fail "lintian reported errors or warnings (above)"
echo "installtest: lintian: no errors, no warnings"

phase "3. apt-get install and run the installed programs"
apt_quiet install "$deb" >"$out/apt-install.log" 2>&1 || {
    cat "$out/apt-install.log"
    fail "apt-get install $deb failed"
}
[[ "$(installed_status)" == installed ]] || fail "tokendesk is not installed after apt-get install"
dpkg -L tokendesk >"$work/files"
home_before=$(ls -d "$HOME/.local/share/TokenDesk" "$HOME/.config/TokenDesk" 2>/dev/null || true)
[[ "$(/usr/bin/tokendesk --version)" == "tokendesk $version" ]] || fail "/usr/bin/tokendesk --version"
[[ "$(/usr/bin/tokendesk-cli --version 2>/dev/null)" == "tokendesk-cli $version" ]] || fail "/usr/bin/tokendesk-cli --version"
echo "installtest: /usr/bin/tokendesk and /usr/bin/tokendesk-cli report $version"
# A private X server, D-Bus session and keyring; the scratch HOME is removed afterwards.
session_status=0
xvfb-run -a -s "-screen 0 1600x1000x24" env TOKENDESK_KEYRING_KEEP_DISPLAY=1 \
    "$src/tests/support/run-with-keyring.sh" "$here/session.sh" "$out" "$sandbox" /usr/bin \
    >"$out/session.log" 2>&1 || session_status=$?
grep -v 'Failed to set fd limit' "$out/session.log" || true
((session_status == 0)) || fail "the installed programs failed (session above)"
home_after=$(ls -d "$HOME/.local/share/TokenDesk" "$HOME/.config/TokenDesk" 2>/dev/null || true)
[[ "$home_before" == "$home_after" ]] || fail "the test wrote TokenDesk data into the real HOME ($HOME)"

phase "4. apt-get remove --purge, then look for leftovers"
apt_quiet remove --purge tokendesk >"$out/apt-remove.log" 2>&1 || {
    cat "$out/apt-remove.log"
    fail "apt-get remove --purge tokendesk failed"
}
[[ "$(installed_status)" == not-installed || -z "$(installed_status)" ]] ||
    fail "tokendesk is still known to dpkg as $(installed_status)"
leftovers=0
while read -r path; do
    [[ "$path" == "/." ]] && continue
    if [[ -L "$path" || (-e "$path" && ! -d "$path") ]]; then
        echo "installtest: left behind: $path"
        leftovers=$((leftovers + 1))
    elif [[ -d "$path" ]] && ! dpkg-query -S "$path" >/dev/null 2>&1 && [[ -z "$(ls -A "$path")" ]]; then
        echo "installtest: left behind (empty folder of no other package): $path"
        leftovers=$((leftovers + 1))
    fi
done <"$work/files"
((leftovers == 0)) || fail "$leftovers paths of the package are left after the purge"
echo "installtest: all $(wc -l <"$work/files") paths of the package are gone or belong to other packages"

if [[ "${TOKENDESK_CHROOT_TEST:-}" == 1 ]]; then
    phase "5. the same in a fresh Debian 12 root (TOKENDESK_CHROOT_TEST=1)"
    "$here/chroottest.sh" "$deb" "$sandbox" "$out" "$src/tests/support/run-with-keyring.sh" "$here/session.sh"
fi
phase "finished in $((SECONDS - started)) s"
