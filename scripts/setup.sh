#!/usr/bin/env bash
# Installs the Debian packages clever-export builds against, when they are missing.
# Usage: scripts/setup.sh [--test]   (--test: also the servers the delivery tests start)
set -euo pipefail
packages=(libsqlite3-dev libssh2-1-dev libcurl4-openssl-dev zlib1g-dev sqlite3 pkg-config)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(openssh-server openssh-client python3-aiosmtpd openssl)
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "Installing ${missing[*]} ..."
  sudo_cmd=(); [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
