#!/usr/bin/env bash
# Runs the export on the bundled demo district (fixtures/demo) and shows where the files are.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --product clever-export
.build/debug/clever-export run --config fixtures/demo/clever-export.toml "$@"
echo
echo "The Clever files are in fixtures/demo/out/; the staging database is fixtures/demo/staging.db"
echo "(try: sqlite3 fixtures/demo/staging.db 'select * from export_option')."
