#!/usr/bin/env bash
# The benchmark of issues 6 and 18, from one command: generates corpora (Tools/corpus/generate.py),
# builds release, measures parse, import, the raw LMDB and SQLite limits, replay, rebuild, verify,
# check and queries, each as a process of its own under /usr/bin/time -v, and the real PDFs side
# by side with pdftotext and pdfplumber (Tools/pdf/side-by-side.py); prints the table, then every
# figure of issue 18 with its target beside it and whether it is met.
#
#   bash Tools/bench/run.sh [--docs 1000,10000] [--dir /tmp/history-bench] [--runs 3] [--skip-build]
#                           [--measures parse,import,append,replay,rebuild,verify,check,facts,queries,pdf]
#                           [--keep-results]
#
# Corpora are kept in DIR and reused when their count and seed match; stores are rebuilt by
# `import` (without it in --measures, the store DIR/store-N from an earlier run is measured).
# Figures are medians of --runs runs (one run at 100,000 documents and more, to keep it short).
# --keep-results adds to DIR/results.ndjson instead of starting it again (one table for runs
# made at different times, e.g. --docs 100000 after --docs 1000,10000).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

docs=1000,10000
dir=/tmp/history-bench
runs=3
build=1
measures=parse,import,append,replay,rebuild,verify,check,facts,queries,pdf
keep=0
while [ $# -gt 0 ]; do
    case "$1" in
        --docs) docs=$2; shift 2 ;;
        --dir) dir=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --skip-build) build=0; shift ;;
        --measures) measures=$2; shift 2 ;;
        --keep-results) keep=1; shift ;;
        -h|--help) sed -n 2,16p "$0"; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

source Tools/requirements.sh
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing ${missing[*]} (apt-get)…" >&2
    sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ "$build" = 1 ]; then
    swift build -c release --product history >&2
    swift build -c release --product history-bench >&2
fi
bin=${BIN:-$(swift build -c release --show-bin-path)} # BIN: run binaries built elsewhere (with --skip-build)
history=$bin/history
bench=$bin/history-bench
mkdir -p "$dir"
results=$dir/results.ndjson
[ "$keep" = 1 ] || : > "$results"
wants() { [[ ",$measures," == *",$1,"* ]]; }
echo "{\"measure\": \"load\", \"when\": \"start\", \"uptime\": \"$(uptime)\"}" >> "$results"

# Appends {"measure":…, …, "rss_kb": peak} for one command run under /usr/bin/time -v.
# usage: measured NAME N JSON-FIELDS -- command…   (the command's own JSON line, if any, is merged)
measured() {
    local name=$1 count=$2 extra=$3; shift 4
    local log=$dir/time.log out=$dir/out.json start end
    start=$(date +%s.%N)
    /usr/bin/time -v -o "$log" "$@" > "$out"
    end=$(date +%s.%N)
    python3 - "$name" "$count" "$extra" "$start" "$end" "$log" "$out" >> "$results" <<'PY'
import json, re, sys
name, count, extra, start, end, log, out = sys.argv[1:]
record = {}
for line in open(out, encoding="utf-8"):
    line = line.strip()
    if line.startswith("{"):
        try: record.update(json.loads(line))
        except ValueError: pass
record.update(json.loads(extra or "{}"))
record["measure"] = name
record["corpus"] = int(count)
record["wall_seconds"] = float(end) - float(start)
text = open(log).read()
rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
record["rss_kb"] = int(rss.group(1)) if rss else None
user = re.search(r"User time \(seconds\): ([\d.]+)", text)
system = re.search(r"System time \(seconds\): ([\d.]+)", text)
if user and system and "cpu_seconds" not in record:
    record["cpu_seconds"] = float(user.group(1)) + float(system.group(1))
print(json.dumps(record, sort_keys=True))
PY
}

has_command() { "$history" --help | grep -qE "^  $1( |$)"; }

IFS=, read -ra counts <<< "$docs"
for count in "${counts[@]}"; do
    corpus=$dir/corpus-$count
    if ! python3 -c "import json,sys; c=json.load(open('$corpus/corpus.json')); sys.exit(0 if c['count']==$count and c['seed']==1 else 1)" 2>/dev/null; then
        echo "== generating $count documents into $corpus" >&2
        rm -rf "$corpus"
        python3 Tools/corpus/generate.py --seed 1 --count "$count" --out "$corpus" >&2
    fi
    (cd "$corpus" && find docs -name '*.txt' | sort) > "$dir/files-$count.txt"
    corpus_bytes=$(python3 -c "import json; print(json.load(open('$corpus/corpus.json'))['bytes'])")
    n_runs=$runs; [ "$count" -ge 100000 ] && n_runs=1

    if wants parse; then
        echo "== $count documents: parse" >&2
        measured parse "$count" '{}' -- "$bench" parse --runs "$n_runs" "$corpus/docs"
    fi

    store=$dir/store-$count
    if wants import; then
        echo "== $count documents: import ($n_runs runs)" >&2
        for run in $(seq "$n_runs"); do
            rm -rf "$store"
            (cd "$corpus" && measured import "$count" "{\"run\": $run}" -- \
                xargs -a "$dir/files-$count.txt" -n 20000 "$history" import --store "$store" --quiet)
        done
        store_bytes=$(du -sb --apparent-size "$store/data.mdb" | cut -f1)
        echo "{\"measure\": \"size\", \"corpus\": $count, \"corpus_bytes\": $corpus_bytes, \"store_bytes\": $store_bytes}" >> "$results"
    fi
    [ -f "$store/data.mdb" ] || { echo "run.sh: no store $store to measure; add import to --measures" >&2; exit 2; }

    if wants append; then
        echo "== $count documents: raw LMDB and SQLite appends of the same sizes" >&2
        measured append-lmdb "$count" '{}' -- "$bench" append-lmdb --from "$store" --out "$dir/raw-lmdb" --runs "$n_runs"
        measured append-sqlite "$count" '{}' -- "$bench" append-sqlite --from "$store" --out "$dir/raw.sqlite" --runs "$n_runs"
        measured append-sqlite-normal "$count" '{}' -- "$bench" append-sqlite --from "$store" --out "$dir/raw.sqlite" --runs "$n_runs" --synchronous NORMAL
        rm -rf "$dir/raw-lmdb" "$dir"/raw.sqlite*
    fi

    if wants replay && has_command replay; then
        echo "== $count documents: replay" >&2
        measured replay "$count" '{}' -- "$history" replay --store "$store"
        measured replay-force "$count" '{}' -- "$history" replay --store "$store" --force
    fi
    if wants rebuild && has_command rebuild; then
        echo "== $count documents: rebuild" >&2
        measured rebuild "$count" '{}' -- "$history" rebuild --store "$store"
    fi
    # Whole-store commands, for their peak memory (issue 18: flat, under 500 MB at 100,000).
    if wants verify && has_command verify; then
        echo "== $count documents: verify" >&2
        measured verify "$count" '{}' -- "$history" verify --store "$store"
    fi
    if wants check && has_command check; then
        echo "== $count documents: check" >&2
        measured check "$count" '{}' -- sh -c "'$history' check --store '$store' > /dev/null || true"   # findings are not a failure here
    fi
    if wants facts && has_command facts; then
        # Above 10,000 documents the dump (≈600 bytes a fact) is only timed, not kept.
        dump=$dir/facts-$count.ndjson; [ "$count" -le 10000 ] || dump=/dev/null
        measured facts "$count" '{}' -- sh -c "'$history' facts --store '$store' --format ndjson > '$dump'"
        if [ "$count" -le 10000 ]; then
            every=1; [ "$count" -gt 1000 ] && every=10
            python3 Tools/corpus/recall.py --corpus "$corpus" --facts "$dir/facts-$count.ndjson" --every "$every" \
                > "$dir/recall-$count.txt" 2>&1 || true
        fi
    fi
    if wants queries; then
        bash Tools/bench/queries.sh "$history" "$store" "$corpus" "$count" "$dir" >> "$results"
    fi
done

if wants pdf; then
    echo "== real PDFs: pdftotext, history import, pdfplumber (Tools/pdf/side-by-side.py)" >&2
    python3 Tools/pdf/side-by-side.py --history "$history" --repeat "$runs" > "$dir/pdf.txt"
    tail -n 1 "$dir/pdf.txt" >> "$results"
fi

echo "{\"measure\": \"load\", \"when\": \"end\", \"uptime\": \"$(uptime)\"}" >> "$results"
python3 Tools/bench/table.py "$results" "$dir"
