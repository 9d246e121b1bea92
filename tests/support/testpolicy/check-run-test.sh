#!/usr/bin/env bash
# Proves what tests/support/run-test.sh tells ctest for each outcome of a QtTest program (skipprobe):
# pass -> 0; skip -> 77 ("Skipped"), or a failure under CI=true / DEPLOYER_FAIL_ON_SKIP=1; fail -> non-zero,
# never 77. Also that the test ran with a short XDG_RUNTIME_DIR of its own (a socket could be bound there),
# which is gone afterwards.
#
#   check-run-test.sh RUN_TEST_SH SKIPPROBE
set -uo pipefail
run_test=$1
probe=$2
failures=0
record=$(mktemp)
trap 'rm -f "$record"' EXIT

# expect NAME EXPECTED_STATUS [VAR=VALUE...]: EXPECTED_STATUS is a number or "nonzero-not-77".
expect() {
    local name=$1 expected=$2 status
    shift 2
    env -u CI -u DEPLOYER_FAIL_ON_SKIP "$@" SKIPPROBE_RECORD="$record" bash "$run_test" "$probe" >/dev/null 2>&1
    status=$?
    if [[ $expected == nonzero-not-77 ]]; then
        [[ $status -ne 0 && $status -ne 77 ]] && return
    elif [[ $status -eq $expected ]]; then
        return
    fi
    echo "FAIL: $name: exit $status, expected $expected"
    failures=$((failures + 1))
}

expect "pass" 0 SKIPPROBE_MODE=pass
expect "skip outside CI" 77 SKIPPROBE_MODE=skip
expect "skip with CI=false" 77 SKIPPROBE_MODE=skip CI=false
expect "skip under CI=true" nonzero-not-77 SKIPPROBE_MODE=skip CI=true
expect "skip with DEPLOYER_FAIL_ON_SKIP=1" nonzero-not-77 SKIPPROBE_MODE=skip DEPLOYER_FAIL_ON_SKIP=1
expect "pass under CI=true" 0 SKIPPROBE_MODE=pass CI=true
expect "fail" nonzero-not-77 SKIPPROBE_MODE=fail
expect "fail under CI=true" nonzero-not-77 SKIPPROBE_MODE=fail CI=true

# The runtime directory the probe used: short, private to the run, removed afterwards.
expect "pass (runtime directory)" 0 SKIPPROBE_MODE=pass
runtime=$(cat "$record")
if [[ $runtime != /tmp/jd-* || ${#runtime} -gt 40 ]]; then
    echo "FAIL: runtime directory '$runtime' is not a short one under /tmp"
    failures=$((failures + 1))
fi
if [[ -e $runtime ]]; then
    echo "FAIL: runtime directory '$runtime' is left behind"
    failures=$((failures + 1))
fi

echo "check-run-test: $failures failure(s)"
[[ $failures -eq 0 ]]
