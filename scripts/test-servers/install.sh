#!/usr/bin/env bash
# Installs what the delivery tests start on 127.0.0.1 (sshd, an aiosmtpd SMTP server) and the
# tools they use (ssh-keygen, ssh-keyscan, openssl), when missing. Debian 12; runs as root or via sudo.
set -euo pipefail
sudo_cmd=(); [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
missing=()
for package in openssh-server openssh-client openssl python3 python3-aiosmtpd passwd; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "Installing ${missing[*]} ..."
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null ||
    { echo "apt-get failed; trying aiosmtpd from PyPI" >&2; python3 -m pip install --quiet aiosmtpd; }
fi
# sshd refuses to start without its privilege-separation folder.
"${sudo_cmd[@]}" mkdir -p /run/sshd
