#!/usr/bin/env bash
# Concurrency: two `history import` processes on overlapping sets of documents at once, with
# readers looping over the store throughout. Usage: bash Tools/reliability/concurrent.sh [DOCS] [ROUNDS]
# (defaults 500 documents per importer, 1 round).
#
# Each round generates DOCS * 3/2 documents (Tools/corpus/generate.py, SEED default 11); importer A
# takes the first DOCS, importer B the last DOCS (in reverse order, so they meet in the middle),
# sharing DOCS/2. Both start on a store that does not exist yet. Until both end, readers run
# `history status` and `history log` (and `history facts`/`diff` when this build has them) in a
# loop; every reader must succeed and see only whole imports: the log's events come in pairs
# (DocumentImported, then its parse event) and status counts two events per document with the
# projection up to date. Afterwards every document is stored exactly once
# (Tools/reliability/check_store.py --complete), and the importers' counts add up.
# Environment: HISTORY (the executable; default .build/debug/history, built when missing), SEED.
set -euo pipefail
cd "$(dirname "$0")/../.."
per_importer=${1:-500}
rounds=${2:-1}
seed=${SEED:-11}
history=${HISTORY:-.build/debug/history}
python=/usr/bin/python3
[ -x "$history" ] || swift build --product history >&2

work=$(mktemp -d "${TMPDIR:-/tmp}/history-concurrent.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "concurrent.sh: $*" >&2; exit 1; }

extra=()
for command in facts diff; do "$history" --help | grep -qE "^ +$command( |$)" && extra+=("$command"); done

reader() { # reader STORE ID: loops until $work/done exists; writes its counts to $work/reader.ID
    local store=$1 id=$2 runs=0 out
    until [ -e "$work/done" ]; do
        if out=$("$history" status --store "$store" 2>&1); then
            local events documents
            events=$(sed -n 's/^Events *\([0-9]*\) .*/\1/p' <<<"$out")
            documents=$(sed -n 's/^Documents *\([0-9]*\) .*/\1/p' <<<"$out")
            [ "$events" -eq $((2 * documents)) ] || { echo "status saw $events events for $documents documents" >"$work/reader.$id.error"; return; }
            grep -q "documents .*(up to date)" <<<"$out" || { echo "status saw a projection behind: $out" >"$work/reader.$id.error"; return; }
        elif ! grep -q "no store at" <<<"$out"; then
            echo "status failed: $out" >"$work/reader.$id.error"; return
        fi
        if [ -e "$store/data.mdb" ] && out=$("$history" log --store "$store" 2>&1); then
            # Events pair up: an odd sequence imports a document, the next one parses it.
            [ -z "$out" ] || awk 'NR % 2 == 1 { if ($3 != "DocumentImported") bad = 1; hash = $4 }
                 NR % 2 == 0 { if ($3 !~ /^DocumentParse/ || $4 != hash) bad = 1 }
                 END { exit (bad || NR % 2) }' <<<"$out" \
                || { echo "log saw half an import ($(wc -l <<<"$out") lines): $(head -c 400 <<<"$out")" >"$work/reader.$id.error"; return; }
        fi
        for command in "${extra[@]}"; do
            [ -e "$store/data.mdb" ] || break
            case $command in
                facts) "$history" facts --store "$store" --format ndjson >/dev/null 2>"$work/reader.$id.stderr" ;;
                diff) "$history" diff 2020 2021 --store "$store" >/dev/null 2>"$work/reader.$id.stderr" ;;
            esac || { echo "$command failed: $(cat "$work/reader.$id.stderr")" >"$work/reader.$id.error"; return; }
        done
        runs=$((runs + 1))
    done
    echo "$runs" >"$work/reader.$id"
}

imports=0 reads=0 waits=0 stored_total=0
for ((round = 1; round <= rounds; round++)); do
    total=$((per_importer * 3 / 2))
    corpus="$work/corpus.$round"
    python3 Tools/corpus/generate.py --seed $((seed + round)) --count "$total" --out "$corpus" >/dev/null
    mapfile -t files < <(find "$corpus/docs" -type f | sort)
    total=${#files[@]}
    set_a=("${files[@]:0:per_importer}")
    mapfile -t set_b < <(printf '%s\n' "${files[@]:total-per_importer}" | tac)
    store="$work/store.$round"
    rm -f "$work/done" "$work"/reader.*

    for id in 1 2; do reader "$store" "$id" & done
    "$history" import --store "$store" "${set_a[@]}" >"$work/a.out" 2>"$work/a.err" & a=$!
    "$history" import --store "$store" "${set_b[@]}" >"$work/b.out" 2>"$work/b.err" & b=$!
    status_a=0 status_b=0
    wait "$a" || status_a=$?
    wait "$b" || status_b=$?
    touch "$work/done"
    wait
    [ "$status_a" -eq 0 ] && [ "$status_b" -eq 0 ] || fail "an import failed: A $status_a: $(tail -2 "$work/a.err"); B $status_b: $(tail -2 "$work/b.err")"
    for id in 1 2; do
        [ ! -e "$work/reader.$id.error" ] || fail "reader $id: $(cat "$work/reader.$id.error")"
        reads=$((reads + $(cat "$work/reader.$id")))
    done

    "$python" Tools/reliability/check_store.py "$store" --corpus "$corpus/docs" --complete >/dev/null \
        || fail "round $round: the store does not hold every document exactly once"
    # Every document imported by exactly one of the two, the shared ones skipped by the other.
    counts=$(cat "$work/a.out" "$work/b.out" | sed -n 's/^\([0-9]*\) imported, \([0-9]*\) already imported.*/\1 \2/p')
    read -r imported skipped < <(awk '{ i += $1; s += $2 } END { print i, s }' <<<"$counts")
    [ "$imported" -eq "$total" ] && [ "$skipped" -eq $((2 * per_importer - total)) ] \
        || fail "round $round: imported $imported and skipped $skipped of $total documents ($((2 * per_importer - total)) shared)"
    imports=$((imports + 2))
    stored_total=$((stored_total + total))
    waits=$((waits + $(cat "$work/a.err" "$work/b.err" | grep -c "waiting for another import to finish" || true)))
done
echo "concurrent imports: $imports in $rounds rounds of 2 × $per_importer documents; documents stored exactly once: $stored_total;" \
     "reader passes: $reads (status, log$( (( ${#extra[@]} )) && printf ', %s' "${extra[@]}")), none failed or saw half an import; waiting notices: $waits"
