#!/usr/bin/env bash
# Crash safety: kills `history import` with SIGKILL at random moments and checks the store after
# every kill. Usage: bash Tools/reliability/crash.sh [KILLS] [DOCS]   (defaults 100, 300)
#
# Documents come from Tools/corpus/generate.py (SEED, default 7). Each run imports every document
# in a random order with a random batch size (1, 4, 16 or 64 per commit) and is killed after a
# random delay between 0 and 1.2 times an uninterrupted import's duration, so kills land in
# start-up, store creation, parsing and commits alike. After each kill:
#   - Tools/reliability/check_store.py (python3-lmdb, not our code) finds every document wholly
#     imported (bytes, DocumentImported, then its parse event, projection record) or absent,
#     the checkpoints at the log's last sequence, every blob a corpus file;
#   - `history status` opens the store, and `history verify` passes when this build has it.
# The next run imports the rest; once a run completes, the store must hold every document
# exactly once, a further run must append nothing, and a fresh store starts the next cycle.
# Environment: HISTORY (the executable; default .build/debug/history, built when missing), SEED.
set -euo pipefail
cd "$(dirname "$0")/../.."
kills=${1:-100}
documents=${2:-300}
seed=${SEED:-7}
history=${HISTORY:-.build/debug/history}
python=/usr/bin/python3 # Debian's python3-lmdb
[ -x "$history" ] || swift build --product history >&2

work=$(mktemp -d "${TMPDIR:-/tmp}/history-crash.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 Tools/corpus/generate.py --seed "$seed" --count "$documents" --out "$work/corpus" >/dev/null
mapfile -t files < <(find "$work/corpus/docs" -type f | sort)

fail() { echo "crash.sh: $*" >&2; exit 1; }
has_verify=0
"$history" --help | grep -qE "^ +verify( |$)" && has_verify=1

check() { # check STORE [--complete] → sets $stored to the number of documents in the store
    local figures
    figures=$("$python" Tools/reliability/check_store.py "$1" --corpus "$work/corpus/docs" "${@:2}") || {
        cp -r "$1" "$work/failed" 2>/dev/null || true
        trap - EXIT
        fail "after kill $kill: the store is not whole (kept in $work/failed)"
    }
    "$history" status --store "$1" >/dev/null 2>"$work/status.err" || {
        # A store killed before its first commit is no store yet: status may say so, nothing else.
        grep -q "no store at" "$work/status.err" || fail "history status cannot open the store: $(cat "$work/status.err")"
    }
    if [ "$has_verify" = 1 ] && [ -e "$1/data.mdb" ] && ! grep -q "no store at" "$work/status.err"; then
        "$history" verify --store "$1" >"$work/verify.out" 2>&1 || fail "history verify fails after kill $kill: $(cat "$work/verify.out")"
        verified=$((verified + 1))
    fi
    stored=$("$python" -c 'import json,sys; print(json.loads(sys.argv[1])["documents"])' "$figures")
}

# How long an uninterrupted import takes, in milliseconds.
start=$(date +%s%N)
"$history" import --quiet --store "$work/timing" "${files[@]}" >/dev/null 2>&1 || true
full=$(( ($(date +%s%N) - start) / 1000000 ))
rm -rf "$work/timing"

store="$work/store"
survived=0 finished_first=0 checked=0 cycles=0 verified=0 stored=0
for ((kill = 1; kill <= kills; kill++)); do
    batches=(1 4 16 64)
    batch=${batches[RANDOM % 4]}
    delay=$(( RANDOM * 32768 + RANDOM ))
    delay=$(( delay % (full * 12 / 10 + 1) ))
    mapfile -t order < <(printf '%s\n' "${files[@]}" | shuf)
    "$history" import --quiet --batch-documents "$batch" --store "$store" "${order[@]}" >/dev/null 2>>"$work/import.err" &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
    kill -KILL "$pid" 2>/dev/null || true
    status=0
    { wait "$pid"; } 2>/dev/null || status=$?
    if [ "$status" -eq 137 ]; then survived=$((survived + 1)); else finished_first=$((finished_first + 1)); fi
    [ "$status" -eq 137 ] || [ "$status" -eq 0 ] || fail "import exited $status: $(tail -3 "$work/import.err")"
    check "$store"
    checked=$((checked + stored))
    (( kill % 10 )) || echo "… $kill kills, $survived survived, $checked documents checked" >&2
    if [ "$stored" -eq "${#files[@]}" ]; then
        # A cycle is complete: every document exactly once, and nothing more to append.
        check "$store" --complete
        again=$("$history" import --quiet --store "$store" "${files[@]}" 2>/dev/null)
        [[ "$again" == "0 imported, ${#files[@]} already imported, 0 failed"* ]] || fail "a complete store imported more: $again"
        cycles=$((cycles + 1))
        rm -rf "$store"
    fi
done

# Finish the last cycle: the rest imports, and every document is stored exactly once.
if [ -e "$store" ]; then
    "$history" import --quiet --store "$store" "${files[@]}" >/dev/null 2>>"$work/import.err" || fail "the final import failed: $(tail -3 "$work/import.err")"
    check "$store" --complete
    checked=$((checked + stored))
    cycles=$((cycles + 1))
fi
echo "kills survived: $survived of $kills (the import finished first $finished_first times); documents checked: $checked;" \
     "complete cycles: $cycles of ${#files[@]} documents each, every document stored exactly once; history verify runs: $verified;" \
     "uninterrupted import: ${full} ms"
