#!/usr/bin/env bash
# Builds everything with the CI preset (warnings are errors) and runs every test plus the format check.
# Installs what it needs first (Debian 12 / Ubuntu 24.04), so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

jobs=$(nproc 2>/dev/null || echo 2)
cmake --preset ci
cmake --build --preset ci --parallel "$jobs"
bash scripts/format.sh --check
shellcheck scripts/*.sh packaging/*.sh packaging/linux/*.sh .ci/run tests/support/*.sh tests/support/testpolicy/*.sh tests/gui/*.sh resources/provision/*.sh \
    tests/testbed/*.sh tests/testbed/repo/*.sh tests/testbed/shims/*.sh tests/testbed/sandbox/hostnamectl \
    tests/testbed/shims/packages/*/{pre,post}* tests/testbed/shims/packages/*/config
ctest --preset ci --parallel "$jobs"
