#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with its own, freshly unlocked gnome-keyring, so that
# QtKeychain talks to a real Secret Service and never falls back to storing secrets in a plain file.
#
#   tests/support/with-keyring.sh CMD [ARGS...]
#
# The keyring lives under $XDG_DATA_HOME/keyrings and the daemon's sockets under $XDG_RUNTIME_DIR, which
# deployer_add_test(KEYCHAIN) points into the test's own home. Run by hand without them (or with the
# usual per-user ones) a temporary home is used and removed afterwards, so the user's own keyring is
# never opened. Exits with CMD's status, or 70 when no keyring could be started.
set -euo pipefail

fail() {
    echo "with-keyring: $*" >&2
    exit 70
}

if [[ $# -eq 0 ]]; then
    echo "usage: $0 CMD [ARGS...]" >&2
    exit 2
fi

for tool in dbus-run-session gnome-keyring-daemon secret-tool dbus-send; do
    command -v "$tool" >/dev/null || fail "'$tool' is missing; install the test dependencies with scripts/install-deps.sh"
done

if [[ ${1:-} != --inside-session ]]; then
    scratch=
    # Only a directory set up for tests is used as it is; a shell's own settings (or none) would point
    # at the user's real keyring, so then everything goes to a throw-away directory instead.
    if [[ -z ${XDG_DATA_HOME:-} || -z ${XDG_RUNTIME_DIR:-} || -z ${HOME:-} ||
        $XDG_DATA_HOME == "$HOME/.local/share" || $XDG_RUNTIME_DIR == "/run/user/$(id -u)" ]]; then
        scratch=$(mktemp -d "${TMPDIR:-/tmp}/with-keyring.XXXXXX")
        export HOME=$scratch XDG_DATA_HOME=$scratch/data XDG_RUNTIME_DIR=$scratch/runtime
        export XDG_CONFIG_HOME=$scratch/config XDG_CACHE_HOME=$scratch/cache
    fi
    mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
    # gnome-keyring and D-Bus refuse a runtime directory that others can read.
    chmod 0700 "$XDG_RUNTIME_DIR"
    # Never reach the developer's own session bus or keyring.
    unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
    status=0
    dbus-run-session -- bash "$0" --inside-session "$@" || status=$?
    if [[ -n $scratch ]]; then rm -rf "$scratch"; fi
    exit "$status"
fi
shift # --inside-session

[[ -n ${DBUS_SESSION_BUS_ADDRESS:-} ]] || fail "dbus-run-session did not provide a session bus"

# --unlock reads the password from stdin and creates the "login" keyring with it when there is none,
# which also makes it the default collection; --start then brings up the secrets component on the bus.
# The password is fixed (test keyrings hold only test data) so a keyring left by an earlier run in the
# same test home unlocks again; ctest's setup_test_homes fixture starts every run with an empty home.
password="with-keyring-test"
# Their chatter on stderr is only interesting when they fail.
if ! log=$(printf '%s' "$password" | gnome-keyring-daemon --unlock --components=secrets 2>&1 >/dev/null); then
    fail "gnome-keyring-daemon --unlock failed: $log"
fi
if ! log=$(gnome-keyring-daemon --start --components=secrets 2>&1 >/dev/null); then
    fail "gnome-keyring-daemon --start failed: $log"
fi

daemon_pid=$(dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus / \
    org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null |
    awk '{ print $2 }') || true
[[ -n $daemon_pid ]] || fail "no Secret Service (org.freedesktop.secrets) appeared on the private session bus"

# shellcheck disable=SC2317 # called by the EXIT trap
stop_daemon() {
    kill "$daemon_pid" 2>/dev/null || true
}
trap stop_daemon EXIT

# Prove a store/lookup round trip works before handing over; the probe item is removed again so the
# command starts with an empty keyring.
probe_value="probe-$RANDOM$RANDOM"
printf '%s' "$probe_value" | secret-tool store --label="with-keyring probe" with-keyring probe ||
    fail "secret-tool store failed: the keyring is not usable"
[[ $(secret-tool lookup with-keyring probe) == "$probe_value" ]] ||
    fail "secret-tool lookup did not return the stored probe value"
secret-tool clear with-keyring probe || fail "secret-tool clear failed"

status=0
"$@" || status=$?
exit "$status"
