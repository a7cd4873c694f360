#!/usr/bin/env bash
# The main job on the bundled sample: installs what it needs, builds `history`, imports the
# two sample disclosures (Tests/Corpus/wuchang-*.txt) into a fresh store, and explains what
# changed between the years: units, a timeline, the two diffs, and the HTML report in ./out/report.
# The store is left in .build/demo-store for you to explore (history --store .build/demo-store …).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Tools/requirements.sh
swift build --product history
history="$(swift build --show-bin-path)/history"
export HISTORY_STORE="$PWD/.build/demo-store"
rm -rf "$HISTORY_STORE"
set -x
"$history" import Tests/Corpus/wuchang-*.txt
"$history" status
"$history" units
"$history" timeline 武汉市武昌区医疗保障管理委员会办公室
"$history" diff 2022 2023
"$history" diff 2023 2024
"$history" report --out out/report
set +x
echo
echo "The report is in out/report (git-ignored). Open it in a browser:"
echo "  xdg-open out/report/index.html      # or: open out/report/index.html on macOS"
echo "  file://$PWD/out/report/index.html"
