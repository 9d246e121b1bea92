#!/usr/bin/env bash
# Runs one QtTest program the way deployer_add_test registers it with ctest:
#
#   tests/support/run-test.sh TEST [ARGS...]      (TEST may itself be a wrapper, e.g. with-keyring.sh test)
#
# 1. A short runtime directory of its own. Sockets (D-Bus, gnome-keyring's control socket, agents) live in
#    $XDG_RUNTIME_DIR, and a Unix socket path is limited to about 107 bytes: under the build tree, a checkout
#    at a long path would break them. So the test gets /tmp/jd-XXXXXX (mode 0700), removed afterwards; the
#    rest of its home stays under the build tree.
# 2. Skips count as skips, never as passes. QtTest exits 0 when a test skipped; this script reads the
#    totals and then exits 77, which ctest (SKIP_RETURN_CODE) shows as "Skipped". Under CI=true, or with
#    DEPLOYER_FAIL_ON_SKIP=1, a skip fails instead: CI runs as root with every tool installed, so a skip
#    there means a broken set-up, not a missing privilege.
set -uo pipefail

if [[ $# -eq 0 ]]; then
    echo "usage: $0 TEST [ARGS...]" >&2
    exit 2
fi

readonly skip_code=77

runtime=$(mktemp -d "/tmp/jd-XXXXXX") || {
    echo "run-test: cannot create a runtime directory under /tmp" >&2
    exit 1
}
log="$runtime/output.txt"
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() { rm -rf "$runtime"; }
trap cleanup EXIT
chmod 0700 "$runtime"
export XDG_RUNTIME_DIR="$runtime/runtime"
mkdir -m 0700 "$XDG_RUNTIME_DIR"

# 3. DEPLOYER_MACHINE_LOCK: a file lock held for the whole test, so that tests sharing a machine-wide resource (the
#    testbed) wait for each other also when they belong to different ctest runs (two build trees). Only where the
#    lock's directory is writable: without root the testbed tests skip anyway.
machine_lock=${DEPLOYER_MACHINE_LOCK:-}
if [[ -n $machine_lock && -w $(dirname "$machine_lock") ]]; then
    exec 8>>"$machine_lock"
    if ! flock -n 8; then
        echo "run-test: waiting for $machine_lock (another test run uses the testbed)" >&2
        flock 8
    fi
fi

# Two QtTest loggers: the usual text on stdout for ctest, and a copy to read the totals from.
# 8>&-: the test and whatever it starts (testbed hosts' daemons) do not inherit the machine lock, so a host left
# behind by a crashed test cannot keep it held against the teardown that removes that host.
"$@" -o -,txt -o "$log,txt" 8>&-
status=$?

# CI=true (GitHub, GitLab and most others set it) or an explicit DEPLOYER_FAIL_ON_SKIP=1.
fail_on_skip=
ci=${CI:-}
if [[ (-n $ci && ${ci,,} != false && $ci != 0) || ${DEPLOYER_FAIL_ON_SKIP:-} == 1 ]]; then
    fail_on_skip=1
fi

if [[ $status -ne 0 ]]; then
    # A failure must never look like a skip to ctest.
    [[ $status -eq $skip_code ]] && status=1
    exit "$status"
fi

skipped=0
if [[ -f $log ]]; then
    totals=$(grep -E '^Totals: ' "$log" | tail -n 1)
    [[ $totals =~ ([0-9]+)\ skipped ]] && skipped=${BASH_REMATCH[1]}
else
    echo "run-test: the test wrote no QtTest log (was it started with QtTest's -o option?)" >&2
    exit 1
fi

if [[ $skipped -gt 0 ]]; then
    grep -E '^SKIP   :' "$log" | sed 's/^/run-test: skipped: /' >&2
    if [[ -n $fail_on_skip ]]; then
        echo "run-test: $skipped test function(s) skipped; under CI=true (or DEPLOYER_FAIL_ON_SKIP=1) a skip is a failure:" \
            "install what the message above names, or run as root" >&2
        exit 1
    fi
    exit "$skip_code"
fi
exit 0
