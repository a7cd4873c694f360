#!/usr/bin/env bash
# Checks that a change made for speed leaves the parser's output identical: dumps every
# document's ParsedDisclosure (facts, warnings, identity; history-bench dump) for the sample
# corpus and a generated one, and compares it with a baseline recorded before the change.
#
#   bash Tools/bench/compare-facts.sh record [CORPUS_DIR]   # before the change
#   bash Tools/bench/compare-facts.sh check  [CORPUS_DIR]   # after it: exit 1 on any difference
#
# CORPUS_DIR defaults to /tmp/history-bench/corpus-1000 (generated with seed 1 when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=${1:-}
corpus=${2:-/tmp/history-bench/corpus-1000}
baseline=${BASELINE:-/tmp/history-bench/facts-baseline.tsv}
case "$mode" in record|check) ;; *) sed -n 2,9p "$0"; exit 2 ;; esac

if [ ! -f "$corpus/corpus.json" ]; then
    python3 Tools/corpus/generate.py --seed 1 --count 1000 --out "$corpus" >&2
fi
source Tools/Benchmarks/requirements.sh
swift build --package-path Tools/Benchmarks -c release --product history-bench >&2
bench=$(swift build --package-path Tools/Benchmarks -c release --show-bin-path)/history-bench
mkdir -p "$(dirname "$baseline")"
current=$baseline.current
"$bench" dump Tests/Corpus "$corpus/docs" > "$current"
if [ "$mode" = record ]; then
    mv "$current" "$baseline"
    echo "recorded $(wc -l < "$baseline") documents in $baseline" >&2
    exit 0
fi
if cmp -s "$baseline" "$current"; then
    echo "identical: $(wc -l < "$current") documents, same facts, warnings and identities" >&2
    exit 0
fi
echo "DIFFERENT from $baseline:" >&2
diff <(cut -f1 "$baseline") <(cut -f1 "$current") >&2 || true
paste -d '\n' "$baseline" "$current" | awk 'NR % 2 == 1 { a = $0 } NR % 2 == 0 && a != $0 { split(a, x, "\t"); print "  " x[1]; n++ } END { print n " documents differ" }' >&2
exit 1
