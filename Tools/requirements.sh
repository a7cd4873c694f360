#!/usr/bin/env bash
# Installs the Debian packages `history` needs, only when one is missing (zsh, fish, man-db: the
# shell-init and install tests start each shell and read the man page).
# Sourced by Tools/demo.sh and Tools/test.sh so both README commands work on a fresh machine.
set -euo pipefail
needed=()
for package in liblmdb-dev lmdb-utils python3-lmdb poppler-utils jq libsqlite3-dev zsh fish man-db; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || needed+=("$package")
done
if [ "${#needed[@]}" -gt 0 ]; then
    echo "Installing ${needed[*]} (apt-get)…" >&2
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${needed[@]}" >/dev/null
fi

# Tests/HistoryCLITests/InstallTests runs Tools/install.sh --from .build/debug, which writes the
# man page with swift-argument-parser's generate-manual: built here, before the tests, because
# `swift test` holds the build folder while they run.
if [ -f Package.swift ] && [ ! -x .build/debug/generate-manual ]; then
    log=$(swift build --product generate-manual 2>&1) || { echo "$log" | tail -20 >&2; exit 1; }
fi

# Tests/HistoryCLITests/AnalystEngineTests load `history facts` into DuckDB (and check the JSON
# outputs against docs/schemas with jsonschema): installed with pip for the python3 on PATH when
# missing. Without network the tests that need them are skipped and say why.
python_modules=()
for module in duckdb jsonschema; do
    python3 -c "import $module" 2>/dev/null || python_modules+=("$module")
done
if [ "${#python_modules[@]}" -gt 0 ]; then
    echo "Installing ${python_modules[*]} (pip)…" >&2
    python3 -m pip install -q --disable-pip-version-check "${python_modules[@]}" >/dev/null 2>&1 \
        || python3 -m pip install -q --disable-pip-version-check --break-system-packages "${python_modules[@]}" >/dev/null 2>&1 \
        || echo "Could not install ${python_modules[*]} with pip; the tests that need them will be skipped." >&2
fi
