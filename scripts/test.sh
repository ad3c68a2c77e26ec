#!/usr/bin/env bash
# Runs the whole test suite: unit, golden-file, end-to-end and delivery tests (the latter start
# sshd and an SMTP server on 127.0.0.1 themselves).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
if [[ -x scripts/test-servers/install.sh ]]; then scripts/test-servers/install.sh; fi
swift build --build-tests
swift test --skip-build "$@"
# The installed tool (only for a full run, not a filtered one): every file in place, the man page
# readable, the version naming its libraries.
if (($# == 0)); then
  prefix=$(mktemp -d)
  trap 'rm -rf "$prefix"' EXIT
  scripts/install.sh "$prefix" >/dev/null
  for file in bin/clever-export share/man/man1/clever-export.1 share/bash-completion/completions/clever-export \
    share/zsh/site-functions/_clever-export share/fish/vendor_completions.d/clever-export.fish; do
    [[ -s $prefix/$file ]] || { echo "install: $file is missing" >&2; exit 1; }
  done
  grep -q '^\.Nm clever-export' "$prefix/share/man/man1/clever-export.1" || { echo "install: the man page names no command" >&2; exit 1; }
  "$prefix/bin/clever-export" --version | grep -Eq '^clever-export [0-9.]+ \(SQLite [0-9.]+, libssh2 [0-9.]+, libcurl [0-9.]+\)$' \
    || { echo "install: --version says $("$prefix/bin/clever-export" --version)" >&2; exit 1; }
  echo "install: scripts/install.sh put every file in place"
fi
