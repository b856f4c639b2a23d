#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The installed programs at work, run by installtest.sh inside run-with-keyring.sh (private
# D-Bus session, unlocked throw-away gnome-keyring, scratch HOME) on an X server (xvfb-run):
#   1. the GUI starts on the provider sandbox and fills the demo workspace, which writes each
#      demo account's credential to the keychain;
#   2. a screenshot of the whole screen shows its window with the demo tokens;
#   3. the GUI quits through its Quit shortcut;
#   4. tokendesk-cli rotates a token against a fresh sandbox: it reads the account's credential
#      from the keychain (written by the GUI), stores the new secret there and verifies it with
#      the provider; the keychain then holds one more TokenDesk item;
#   5. the audit log of all that verifies.
# Usage: session.sh OUTPUT_DIR SANDBOX_PROGRAM [BIN_DIR]   (BIN_DIR defaults to /usr/bin)
set -euo pipefail

out=$1
sandbox=$2
bindir=${3:-/usr/bin}
gui_program=$bindir/tokendesk
cli_program=$bindir/tokendesk-cli

work=$(mktemp -d "${TMPDIR:-/tmp}/tokendesk-session.XXXXXX")
gui_pid=''
kill_sandbox() {
    local pid
    pid=$(cat "$work/sandbox.pid" 2>/dev/null || true)
    if [[ "$pid" =~ ^[0-9]+$ ]] && ((pid > 1)); then
        kill "$pid" 2>/dev/null || true
    fi
    rm -f "$work/sandbox.pid"
}
cleanup() {
    if [[ -n "$gui_pid" ]]; then
        kill "$gui_pid" 2>/dev/null || true
    fi
    kill_sandbox
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "session: FAIL: $*" >&2
    for log in "$work"/*.log; do
        [[ -f "$log" ]] && { echo "--- ${log##*/}" >&2; tail -n 40 "$log" >&2; }
    done
    exit 1
}
step() { echo "session: $*"; }

# The GUI starts the sandbox through this wrapper. Fixed ports (the sandbox picks random ones
# otherwise) keep the demo accounts' base URLs valid for the second sandbox of step 4, which has
# the same demo data: its seeds are fixed.
port=$((20000 + RANDOM % 30000))
cat >"$work/sandbox" <<EOF
#!/bin/sh
echo \$\$ >"$work/sandbox.pid"
ASAN_OPTIONS=detect_leaks=0 exec "$sandbox" --base-port $port
EOF
chmod +x "$work/sandbox"

demo_workspace=$XDG_DATA_HOME/TokenDesk/TokenDesk/sandbox/workspace.tokendesk
count_rows() { "$cli_program" --workspace "$demo_workspace" "$1" 2>/dev/null | grep -c $'\t' || true; }

step "1. starting $gui_program on the sandbox (ports $port-$((port + 4)))"
"$gui_program" --sandbox "$work/sandbox" >"$work/gui.log" 2>&1 &
gui_pid=$!
window=$(timeout 30 xdotool search --sync --onlyvisible --name 'TokenDesk' | head -n 1) ||
    fail "no TokenDesk window appeared within 30 s"
[[ -n "$window" ]] || fail "no TokenDesk window found"
# Demo population is asynchronous: wait until every provider's account is stored and the
# token count has stopped growing for 1.5 s (read-only CLI commands work while the GUI holds
# the workspace).
accounts=0
tokens=0
steady=0
for _ in $(seq 120); do
    accounts=$(count_rows accounts)
    previous=$tokens
    tokens=$(count_rows list)
    if ((accounts >= 5 && tokens >= 4 && tokens == previous)); then
        steady=$((steady + 1))
        ((steady >= 3)) && break
    else
        steady=0
    fi
    sleep 0.5
done
((accounts >= 5 && tokens >= 4)) || fail "demo workspace incomplete: $accounts accounts, $tokens tokens"
step "   demo workspace ready: $accounts accounts, $tokens tokens"
keychain_items_before=$(secret-tool search --all server TokenDesk 2>/dev/null | grep -c '^\[' || true)
((keychain_items_before >= 4)) || fail "the GUI stored only $keychain_items_before credentials in the keychain"
step "   the GUI stored $keychain_items_before items in the keychain"

step "2. screenshot"
sleep 2 # let the table paint its rows
import -window root "$out/installed-gui.png"
read -r width height colours < <(identify -format '%w %h %k\n' "$out/installed-gui.png")
step "   $out/installed-gui.png: ${width}x$height, $colours colours"
((colours >= 64)) || fail "the screenshot has only $colours colours: no window content?"

step "3. quitting the GUI (Ctrl+Q)"
xdotool windowfocus --sync "$window" key --clearmodifiers ctrl+q
for _ in $(seq 100); do
    kill -0 "$gui_pid" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$gui_pid" 2>/dev/null; then
    fail "the GUI did not quit within 10 s of Ctrl+Q"
fi
gui_status=0
wait "$gui_pid" || gui_status=$?
gui_pid=''
((gui_status == 0)) || fail "the GUI exited with status $gui_status"
kill_sandbox # the GUI ends its sandbox itself; this only covers a failure to

step "4. tokendesk-cli rotation against a fresh sandbox"
"$work/sandbox" >"$work/sandbox.log" 2>&1 &
for _ in $(seq 100); do
    grep -q '"ready":true' "$work/sandbox.log" 2>/dev/null && break
    sleep 0.1
done
grep -q '"ready":true' "$work/sandbox.log" || fail "the sandbox did not start"
# A Dynatrace token: its rotation creates a replacement token, stores its secret in the keychain
# and verifies it, all with the account credential the GUI stored.
read -r token version < <("$cli_program" --workspace "$demo_workspace" list |
    awk -F'\t' '$2 == "dynatrace" && $4 == "active" { print $1, $5; exit }')
[[ -n "${token:-}" ]] || fail "no active Dynatrace token in the demo workspace"
status=0
"$cli_program" --workspace "$demo_workspace" rotate "$token" >"$work/rotate.log" 2>&1 || status=$?
((status == 0)) || fail "tokendesk-cli rotate $token exited with $status"
new_version=$("$cli_program" --workspace "$demo_workspace" list |
    awk -F'\t' -v name="$token" '$1 == name { print $5; exit }')
step "   rotated $token: $version -> $new_version"
[[ "$new_version" != "$version" ]] || fail "$token is still at $version after the rotation"
keychain_items_after=$(secret-tool search --all server TokenDesk 2>/dev/null | grep -c '^\[' || true)
step "   keychain items: $keychain_items_before -> $keychain_items_after"
((keychain_items_after > keychain_items_before)) || fail "the new secret is not in the keychain"

step "5. audit log"
"$cli_program" --workspace "$demo_workspace" audit verify || fail "the audit log does not verify"
step "done"
