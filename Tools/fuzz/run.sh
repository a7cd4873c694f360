#!/usr/bin/env bash
# Fuzzes DisclosureParser.parse with libFuzzer for a set time: bash Tools/fuzz/run.sh [SECONDS]
#
# Compiles Sources/Disclosure plus Tools/fuzz/main.swift straight with swiftc
# (-sanitize=fuzzer,address), leaving Package.swift alone, then runs from Tools/fuzz/seeds with
# Tools/fuzz/dict. New interesting inputs accumulate in .build/fuzz/corpus; a crash, a hang
# (-timeout) or a blow-up of memory lands in .build/fuzz/artifacts and stops the run with
# status ≠ 0. Keep such an input as Tests/Fixtures/fuzz/<what>.bin once the parser is fixed.
#
# One process, one thread (no -jobs: the machine is shared).
# Environment: FUZZ_TIMEOUT (seconds per input, default 5; a 64 KB input normally takes well under 0.1 s), FUZZ_MAX_LEN (bytes, default 65536),
# FUZZ_ARGS (extra libFuzzer flags, e.g. "-seed=1"), SWIFTC (default: swiftc on PATH).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
work=.build/fuzz
mkdir -p "$work/corpus" "$work/artifacts"
binary="$work/parser-fuzzer"

sources=$(find Sources/Disclosure -name '*.swift' | sort)
if [ ! -x "$binary" ] || [ -n "$(find Sources/Disclosure Tools/fuzz/main.swift -newer "$binary" | head -1)" ]; then
    # SwiftPM's embedInCode turns Resources/classification.tsv into this enum; do the same.
    resources="$work/PackageResources.swift"
    {
        echo "enum PackageResources {"
        printf "    static let classification_tsv: [UInt8] = ["
        od -An -v -tu1 Sources/Disclosure/Resources/classification.tsv | tr -s ' \n' ',' | sed 's/^,//; s/,$//'
        echo "]"
        echo "}"
    } > "$resources"
    echo "compiling $binary" >&2
    # shellcheck disable=SC2086
    "${SWIFTC:-swiftc}" -O -wmo -sanitize=fuzzer,address -parse-as-library -swift-version 6 \
        -module-name Disclosure -o "$binary" $sources "$resources" Tools/fuzz/main.swift
fi

log="$work/last-run.log"
# shellcheck disable=SC2086
set +e
"$binary" "$work/corpus" Tools/fuzz/seeds \
    -dict=Tools/fuzz/dict -only_ascii=0 \
    -max_len="${FUZZ_MAX_LEN:-65536}" -timeout="${FUZZ_TIMEOUT:-5}" -rss_limit_mb=2048 \
    -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" ${FUZZ_ARGS:-} 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
took=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1)
echo "fuzz: status $status, ${runs:-?} executions in ${seconds}s budget (${took:-stopped early}); artifacts in $work/artifacts"
exit "$status"
