#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one test binary against a real Secret Service: a private D-Bus session bus and an
# unlocked gnome-keyring-daemon whose keyrings live in a throw-away HOME, so tests never
# touch the user's own keyring. Usage: run-with-keyring.sh <test-binary> [args...]
#
# The test sees TOKENDESK_TEST_KEYRING_PASSWORD (the throw-away keyring's password), so a
# test that locks the collection can unlock it again without a GUI prompter.
#
# The run command uses the same session for the sandbox demo, with two settings:
#   TOKENDESK_KEYRING_KEEP_DISPLAY=1   keep DISPLAY/WAYLAND_DISPLAY (the program is a GUI)
#   TOKENDESK_KEYRING_CONFIG_HOME=DIR  keep settings (window layout) in DIR across runs
set -euo pipefail

readonly keyring_password='tokendesk-test'

if [[ -z "${TOKENDESK_IN_KEYRING_SESSION:-}" ]]; then
    # The scratch HOME is exported *before* the bus starts: dbus-daemon hands its own
    # environment to every service it activates, so even a gnome-keyring-daemon that the bus
    # starts on demand (org.freedesktop.secrets.service) keeps its keyrings in the scratch
    # folder instead of the real ~/.local/share/keyrings.
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/tokendesk-keyring.XXXXXX")
    # X clients find their cookie through HOME unless XAUTHORITY says otherwise.
    if [[ -n "${TOKENDESK_KEYRING_KEEP_DISPLAY:-}" && -z "${XAUTHORITY:-}" && -f "$HOME/.Xauthority" ]]; then
        export XAUTHORITY="$HOME/.Xauthority"
    fi
    trap 'rm -rf "$scratch"' EXIT
    export HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run"
    export XDG_CONFIG_HOME="${TOKENDESK_KEYRING_CONFIG_HOME:-$scratch/config}" XDG_CACHE_HOME="$scratch/cache"
    mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
    chmod 700 "$XDG_RUNTIME_DIR"
    # No display for anything the bus starts: gcr-prompter then cannot put an unlock dialog on
    # the developer's screen, and a test that locks the keyring gets a deterministic answer.
    if [[ -z "${TOKENDESK_KEYRING_KEEP_DISPLAY:-}" ]]; then
        unset DISPLAY WAYLAND_DISPLAY
    fi
    export TOKENDESK_IN_KEYRING_SESSION=1
    # Not exec: the trap above must still remove the scratch folder afterwards.
    status=0
    dbus-run-session -- "$0" "$@" || status=$?
    exit "$status"
fi

bus_call() {
    dbus-send --session --print-reply=literal --reply-timeout=2000 "$@" 2>/dev/null
}

# --unlock creates the "login" keyring with this password (or unlocks it) and makes it the
# default collection; it reads the password from standard input.
eval "$(printf '%s' "$keyring_password" | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL="${GNOME_KEYRING_CONTROL:-}"

# The daemon forks and may claim its bus name a moment later. Any call to the Secret Service
# before that (this script's own included) would make the bus activate a second daemon, so
# first wait for the name with NameHasOwner, which activates nothing, then for the default
# collection (bounded: 10 s).
keyring_pid=''
for _ in $(seq 100); do
    owned=$(bus_call --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner \
        string:org.freedesktop.secrets || true)
    if [[ "$owned" == *true* ]] && alias=$(bus_call --dest=org.freedesktop.secrets /org/freedesktop/secrets \
        org.freedesktop.Secret.Service.ReadAlias string:default) && [[ "$alias" == *collection/* ]]; then
        keyring_pid=$(bus_call --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets | awk '{print $NF}')
        break
    fi
    sleep 0.1
done
if [[ -z "$keyring_pid" ]]; then
    echo "run-with-keyring.sh: gnome-keyring-daemon did not provide a default collection within 10 s" >&2
    exit 1
fi
locked=$(bus_call --dest=org.freedesktop.secrets "${alias// /}" org.freedesktop.DBus.Properties.Get \
    string:org.freedesktop.Secret.Collection string:Locked)
if [[ "$locked" != *false* ]]; then
    echo "run-with-keyring.sh: the default collection ${alias// /} is locked" >&2
    exit 1
fi

# shellcheck disable=SC2317 # only reached through the trap below
cleanup() {
    # Only the daemon we started, by its id. Never `kill 0`: that signals the whole process
    # group, including this script and ctest's child, and turns every run into a failure.
    if [[ "$keyring_pid" =~ ^[0-9]+$ ]] && ((keyring_pid > 1)); then
        kill "$keyring_pid" 2>/dev/null || true
    fi
}
trap cleanup EXIT

export TOKENDESK_TEST_KEYRING_PASSWORD="$keyring_password"
status=0
"$@" || status=$?
exit "$status"
