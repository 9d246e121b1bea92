#!/usr/bin/env bash
# Proves that the tests do not depend on the length of the checkout's path (Unix socket paths are limited
# to about 107 bytes). A test's home (HOME, XDG_*) sits under the build tree; here it is put under a path of
# 150+ characters, as a checkout at such a path gives it, and two tests that need sockets run through
# run-test.sh exactly as ctest runs them: the wizard's token page on a real gnome-keyring (with-keyring.sh:
# D-Bus and the keyring's control socket) and the SSH harness's ssh-agent. A control run shows the path is
# long enough to matter: the keyring harness with its runtime directory inside that home fails.
#
#   long-path-check.sh RUN_TEST_SH WITH_KEYRING_SH TOKENSTEP_TEST SSHHARNESS_TEST
set -uo pipefail
run_test=$1
with_keyring=$2
tokenstep=$3
sshharness=$4

base=$(mktemp -d /tmp/jd-longpath-XXXXXX)
trap 'rm -rf "$base"' EXIT
long=$base/a-checkout-folder-named-as-long-as-people-like-to-name-them/src/github.com/an-organisation-with-a-long-name/jitsi-deployer/build/ci
home=$long/test-home/long-path-check
echo "build tree: $long (${#long} characters)"
[[ ${#long} -ge 150 ]] || {
    echo "FAIL: the build tree path is only ${#long} characters long"
    exit 1
}

use_home() {
    export HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data XDG_CACHE_HOME=$home/cache
    mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
    unset DBUS_SESSION_BUS_ADDRESS SSH_AUTH_SOCK XDG_RUNTIME_DIR HCLOUD_TOKEN HCLOUD_ENDPOINT
    export QT_QPA_PLATFORM=offscreen
}

failures=0
use_home
if ! bash "$run_test" bash "$with_keyring" "$tokenstep"; then
    echo "FAIL: tst_tokenstep on a real keyring with the test home at ${#home} characters"
    failures=$((failures + 1))
fi
if ! bash "$run_test" "$sshharness" agentServesKeys; then
    echo "FAIL: the ssh-agent test with the test home at ${#home} characters"
    failures=$((failures + 1))
fi

# Control: the layout that failed (runtime directory under the build tree). gnome-keyring's control socket,
# <runtime>/keyring/control, then had a path of 114 bytes, and the keyring never appeared on the bus (measured:
# it fails at 114, 122 and 130 bytes, starts at some other lengths over the limit). Reproduce exactly that
# length, so this check shows it can fail.
rm -rf "$home" && use_home
control_runtime=$base/runtime-
suffix=/keyring/control
while [[ $((${#control_runtime} + ${#suffix})) -lt 114 ]]; do control_runtime+=x; done
export XDG_RUNTIME_DIR=$control_runtime
mkdir -p "$XDG_RUNTIME_DIR"
if bash "$with_keyring" true >/dev/null 2>&1; then
    echo "FAIL: control: the keyring harness started with its control socket at a 114-byte path;" \
        "this check no longer shows the failure it guards against"
    failures=$((failures + 1))
fi

echo "long-path-check: $failures failure(s)"
[[ $failures -eq 0 ]]
