#!/usr/bin/env bash
# The main job on the bundled sample: installs what it needs, builds `history`, imports the
# two sample disclosures (Tests/Corpus/*.txt) into a fresh store, and shows what it holds.
# The store is left in .build/demo-store for you to explore (history --store .build/demo-store …).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Tools/requirements.sh
swift build --product history
history="$(swift build --show-bin-path)/history"
export HISTORY_STORE="$PWD/.build/demo-store"
rm -rf "$HISTORY_STORE"
set -x
"$history" import Tests/Corpus/*.txt
"$history" status
"$history" log
