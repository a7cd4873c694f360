#!/usr/bin/env bash
# How the reader does on a folder of real disclosures: per file the identity it found, the facts
# read from tables and from the narrative, and the parser's warnings by rule (unmapped-cell is a
# table cell that became no fact). A quick look for people changing the reader, not a test.
#
#   bash Tools/corpus/real-summary.sh [DIR] [HISTORY_BINARY]
#
# DIR defaults to Tests/Corpus/real; the binary to .build/debug/history.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${1:-Tests/Corpus/real}
bin=${2:-.build/debug/history}
store=$(mktemp -d)
trap 'rm -rf "$store"' EXIT
shopt -s nullglob
files=("$dir"/*.pdf "$dir"/*.txt)
"$bin" import --store "$store/s" "${files[@]}" >/dev/null 2>&1 || true
"$bin" log --store "$store/s" --format ndjson | python3 Tools/corpus/real_summary.py
