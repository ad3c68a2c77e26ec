#!/usr/bin/env bash
# Installs clever-export like a tool: builds the release binary and puts, under PREFIX
# (default /usr/local):
#   bin/clever-export
#   share/man/man1/clever-export.1                      (generated from the command help)
#   share/bash-completion/completions/clever-export
#   share/zsh/site-functions/_clever-export
#   share/fish/vendor_completions.d/clever-export.fish
# Usage: scripts/install.sh [PREFIX]
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-/usr/local}
scripts/setup.sh
swift build -c release --product clever-export
binary=$(swift build -c release --show-bin-path)/clever-export

# The man page: swift-argument-parser's generate-manual plugin reads the command's own help.
manual=$(mktemp -d)
trap 'rm -rf "$manual"' EXIT
swift package --allow-writing-to-directory "$manual" generate-manual --output-directory "$manual" >/dev/null

install -d "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
  "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 0755 "$binary" "$prefix/bin/clever-export"
install -m 0644 "$manual/clever-export.1" "$prefix/share/man/man1/clever-export.1"
"$binary" --generate-completion-script bash >"$prefix/share/bash-completion/completions/clever-export"
"$binary" --generate-completion-script zsh >"$prefix/share/zsh/site-functions/_clever-export"
"$binary" --generate-completion-script fish >"$prefix/share/fish/vendor_completions.d/clever-export.fish"
echo "installed $("$prefix/bin/clever-export" --version) in $prefix"
