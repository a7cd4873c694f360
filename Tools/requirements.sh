#!/usr/bin/env bash
# Installs the Debian packages `history` needs, only when one is missing (zsh and fish: the
# shell-init tests start each shell).
# Sourced by Tools/demo.sh and Tools/test.sh so both README commands work on a fresh machine.
set -euo pipefail
needed=()
for package in liblmdb-dev lmdb-utils python3-lmdb poppler-utils jq libsqlite3-dev zsh fish; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || needed+=("$package")
done
if [ "${#needed[@]}" -gt 0 ]; then
    echo "Installing ${needed[*]} (apt-get)…" >&2
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${needed[@]}" >/dev/null
fi
