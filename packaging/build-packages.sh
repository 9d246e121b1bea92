#!/bin/bash
# Builds the installable packages for this system in one command (docs/install.md):
#
#   packaging/build-packages.sh [OUTDIR]       default OUTDIR: build/packages
#
# Linux: the release preset, then CPack's DEB and TGZ (and RPM where rpmbuild exists). Windows and macOS use
# their own presets (CMakePresets.json: windows-msvc, macos) and `cpack` there; see docs/install.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-build/packages}")

bash scripts/install-deps.sh --build-only
cmake --preset release
cmake --build --preset release --parallel "$(nproc 2>/dev/null || echo 2)"
mkdir -p "$out"
(cd build/release && cpack -B "$out")
find "$out" -maxdepth 1 -type f \( -name '*.deb' -o -name '*.rpm' -o -name '*.tar.gz' \) -printf '%p\n'
