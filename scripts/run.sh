#!/usr/bin/env bash
# Builds the program (release, no tests) and runs it. Without arguments the wizard opens; any arguments are
# passed on, e.g. `scripts/run.sh hcloud locations`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh --build-only >&2
cmake --preset release >&2
cmake --build --preset release --parallel "$(nproc 2>/dev/null || echo 2)" >&2
exec build/release/app/jitsi-deployer "$@"
