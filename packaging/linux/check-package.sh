#!/bin/bash
# ctest packaging_install (label packaging): builds the DEB from a build tree with CPack, checks it with
# lintian, then installs it into a fresh Debian 12 system and takes it out again (install-test.sh).
#
#   check-package.sh BUILD_DIR HCLOUD_SIM
#
# Needs root (install-test.sh mounts and chroots); without root it reports a skip (exit 77), which fails
# the run under CI=true (tests/support/run-test.sh's rule, applied here too).
set -euo pipefail

[[ $# -eq 2 ]] || {
    echo "usage: check-package.sh BUILD_DIR HCLOUD_SIM" >&2
    exit 2
}
build=$(realpath "$1")
sim=$2
here=$(cd "$(dirname "$0")" && pwd)

if [[ $(id -u) -ne 0 ]]; then
    ci=${CI:-}
    if [[ (-n $ci && ${ci,,} != false && $ci != 0) || ${DEPLOYER_FAIL_ON_SKIP:-} == 1 ]]; then
        echo "check-package: needs root, and under CI a skip is a failure" >&2
        exit 1
    fi
    echo "check-package: skipped (needs root)"
    exit 77
fi

out=$(mktemp -d /tmp/jd-package-XXXXXX)
trap 'rm -rf "$out"' EXIT

echo "== cpack (DEB) from $build"
(cd "$build" && cpack -G DEB -B "$out") >"$out/cpack.log" 2>&1 || {
    cat "$out/cpack.log" >&2
    exit 1
}
deb=$(find "$out" -maxdepth 1 -name 'jitsi-deployer_*.deb' | head -n1)
[[ -n $deb ]] || {
    echo "check-package: cpack made no .deb" >&2
    exit 1
}
echo "   $(basename "$deb")"

echo "== lintian"
# Errors and warnings fail the test; overrides, if ever needed, go into the package with a reason.
lintian --fail-on error,warning "$deb"

echo "== install test"
bash "$here/install-test.sh" "$deb" "$sim"
