#!/usr/bin/env bash
# Latency of the query commands as whole processes (hyperfine) and their peak RSS
# (/usr/bin/time -v), on a store filled by run.sh; prints one JSON line per command.
# usage: queries.sh HISTORY STORE CORPUS COUNT WORKDIR   (called by Tools/bench/run.sh)
set -euo pipefail
history=$1 store=$2 corpus=$3 count=$4 dir=$5

has_command() { "$history" --help | grep -qE "^  $1( |$)"; }

# The unit with the most 决算 years in the corpus, and its first two of them.
read -r unit first second < <(python3 - "$corpus/manifest.ndjson" <<'PY'
import collections, json, sys
years = collections.defaultdict(list)
for line in open(sys.argv[1], encoding="utf-8"):
    doc = json.loads(line)
    if doc["kind"] == "决算":
        years[doc["unit"]].append(doc["year"])
# Distinct years: a unit may file two documents for one year (diff needs two years).
unit, found = max(years.items(), key=lambda item: (len(set(item[1])), item[0]))
found = sorted(set(found))
print(unit, found[0], found[1])
PY
)

measure() {
    local name=$1; shift
    has_command "$name" || return 0
    hyperfine --warmup 2 --runs 10 --style none --export-json "$dir/hyperfine-$name.json" \
        "$(printf '%q ' "$@")" >&2 || return 0
    /usr/bin/time -v -o "$dir/time-$name.log" "$@" > /dev/null || true
    python3 - "$name" "$count" "$dir/hyperfine-$name.json" "$dir/time-$name.log" "$unit" <<'PY'
import json, re, sys
name, count, hyperfine, log, unit = sys.argv[1:]
result = json.load(open(hyperfine))["results"][0]
rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(log).read())
print(json.dumps({"measure": "query-" + name, "corpus": int(count), "unit": unit,
                  "mean_ms": result["mean"] * 1000, "stddev_ms": result["stddev"] * 1000,
                  "median_ms": result["median"] * 1000, "rss_kb": int(rss.group(1)) if rss else None}, ensure_ascii=False))
PY
}

measure diff "$history" diff --store "$store" --unit "$unit" "$first" "$second"
measure timeline "$history" timeline --store "$store" "$unit"
measure trend "$history" trend --store "$store" --unit "$unit" grand.total
