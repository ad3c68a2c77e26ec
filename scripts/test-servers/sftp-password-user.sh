#!/usr/bin/env bash
# Creates (or updates) the local account the SFTP password-login test logs in as, with the
# password read from $SFTP_TEST_PASSWORD, so it never appears on a command line.
# Usage (as root): SFTP_TEST_PASSWORD=... scripts/test-servers/sftp-password-user.sh [NAME]
set -euo pipefail
user="${1:-cleverexport-sftp}"
if [[ $(id -u) -ne 0 ]]; then echo "must run as root (useradd, chpasswd)" >&2; exit 1; fi
if [[ -z "${SFTP_TEST_PASSWORD:-}" ]]; then echo "set SFTP_TEST_PASSWORD" >&2; exit 1; fi
if ! id "$user" >/dev/null 2>&1; then
  useradd --create-home --shell /bin/sh "$user"
fi
printf '%s:%s\n' "$user" "$SFTP_TEST_PASSWORD" | chpasswd
