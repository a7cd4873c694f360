#!/usr/bin/env bash
# The whole test suite: installs what it needs, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Tools/requirements.sh
swift build --build-tests
swift test --skip-build
