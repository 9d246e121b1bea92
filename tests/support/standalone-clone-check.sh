#!/usr/bin/env bash
# Proves the repository stands alone: the tree is copied (what git tracks or would track, with any uncommitted
# changes) into an empty folder at a long path with nothing beside it, configured there with the CI preset, and
#   1. the generated build system names no file outside the copy (no shared folder beside it, nothing of the original tree);
#   2. the tests that need the OpenAPI description and the test-runner policy are built and pass there, with CI=true.
#
#   standalone-clone-check.sh SOURCE_DIR
set -uo pipefail
src=$(cd "$1" && pwd)

command -v git >/dev/null || {
    echo "FAIL: git is needed (scripts/install-deps.sh installs it)"
    exit 1
}
git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1 || {
    echo "FAIL: $src is not a git checkout; this check copies what git tracks"
    exit 1
}

base=$(mktemp -d /tmp/jd-standalone-XXXXXX)
trap 'rm -rf "$base"' EXIT
dest=$base/an-empty-folder-with-nothing-beside-it/jitsi-deployer
mkdir -p "$dest"
# Tracked and untracked-but-not-ignored files that exist (a file deleted in the work tree is left out).
git -C "$src" ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' file; do [[ -e $src/$file ]] && printf '%s\0' "$file"; done |
    tar -C "$src" --null -T - -cf - | tar -C "$dest" -xf -
echo "copy of $src at $dest"

failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

cd "$dest" || exit 1
# Configured outside CI mode: the copy is not a git checkout, so its own standalone_clone test cannot exist.
if ! env -u CI cmake --preset ci >"$base/configure.log" 2>&1; then
    cat "$base/configure.log"
    echo "FAIL: configuring the copy failed"
    exit 1
fi

# 1. Every path the build system holds is inside the copy (or a system path): nothing from $base outside $dest,
#    nothing of the original tree, no reference folder.
outside=$(find build/ci \( -name build.ninja -o -name CTestTestfile.cmake -o -name CMakeCache.txt \) \
    -exec grep -ho -E "($base|$src)[^\" ;:)]*" {} + | grep -v "^$dest" | sort -u | head -n 20)
[[ -z $outside ]] || fail "the build system of the copy names files outside it:"$'\n'"$outside"
if grep -rq -E '\.\./shared|shared/reference' build/ci/build.ninja build/ci/CMakeCache.txt; then
    fail "the build system of the copy refers to a shared/ folder beside the repository"
fi

# 2. The tests that read the OpenAPI description, and the runner's skip policy, built and run in the copy.
jobs=$(nproc 2>/dev/null || echo 2)
if ! cmake --build --preset ci --parallel "$jobs" --target tst_hcloudsim_validator skipprobe >"$base/build.log" 2>&1; then
    tail -n 40 "$base/build.log"
    fail "building the OpenAPI validator test in the copy failed"
elif ! CI=true ctest --preset ci -R '^(tst_hcloudsim_validator|run_test_policy)$' --output-on-failure; then
    fail "the OpenAPI validator test or the runner policy failed in the copy"
fi

echo "standalone-clone-check: $failures failure(s)"
[[ $failures -eq 0 ]]
