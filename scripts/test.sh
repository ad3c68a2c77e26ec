#!/usr/bin/env bash
# Runs the whole test suite: unit, golden-file, end-to-end and delivery tests (the latter start
# sshd and an SMTP server on 127.0.0.1 themselves).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
if [[ -x scripts/test-servers/install.sh ]]; then scripts/test-servers/install.sh; fi
swift build --build-tests
swift test --skip-build "$@"
