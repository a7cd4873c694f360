#!/usr/bin/env bash
# Append throughput of the event log for seed-sized documents (the 2024 sample, 36 KB):
# one commit per document versus batched commits, each followed by `mdb_stat -e` of the store.
# usage: bash Tools/bench-append.sh [DOCUMENTS]   (default 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
bash Tools/requirements.sh
documents="${1:-2000}"
swift build --package-path Tools/Benchmarks -c release --product bench-append 2>&1 | grep -E "error|Compiling|Build" | tail -3
bench="$(swift build --package-path Tools/Benchmarks -c release --show-bin-path)/bench-append"
seed=Tests/Corpus/wuchang-medical-security-committee-office-2024-final-account.txt
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for batch in 1 16 64 256; do
    "$bench" "$work/batch-$batch" "$documents" "$batch" "$seed" 20000
    mdb_stat -e "$work/batch-$batch" | sed -n '2,8p' | sed 's/^/    /'
    for db in events blobs; do
        mdb_stat -s "$db" "$work/batch-$batch" | grep -E "Entries|Overflow pages|Leaf pages" | tr -s ' ' | paste -sd ' ' | sed "s/^/    $db:/"
    done
    du -sh "$work/batch-$batch/data.mdb" | sed 's/^/    data.mdb on disk: /'
done
