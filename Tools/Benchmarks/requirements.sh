#!/usr/bin/env bash
# What the benchmark package needs beyond the product's Tools/requirements.sh: SQLite's headers
# (history-bench compares LMDB appends with SQLite's). Sourced by Tools/bench/run.sh and
# Tools/bench/compare-facts.sh; installs only what is missing.
set -euo pipefail
if ! dpkg-query -W -f='${Status}' libsqlite3-dev 2>/dev/null | grep -q "install ok installed"; then
    echo "Installing libsqlite3-dev (apt-get) for the benchmarks…" >&2
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq libsqlite3-dev >/dev/null
fi
