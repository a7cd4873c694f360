#!/usr/bin/env bash
# Renders the HTML report in headless Chromium and checks it: pages load without console
# errors, fetch nothing from the network, and the charts hold the marks of the sample corpus.
#
#   Tools/report/render-check.sh            # builds history, imports Tests/Corpus/wuchang-*.txt into a
#                                           # temporary store and writes `history report --out`
#   Tools/report/render-check.sh DIR        # a report already written, e.g. by `history report --out DIR`
#
# Screenshots go to $HISTORY_REPORT_PNG (default /tmp/history-report-png), never into git.
set -euo pipefail
cd "$(dirname "$0")/../.."

needed=()
for package in chromium fonts-noto-cjk; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || needed+=("$package")
done
if [ "${#needed[@]}" -gt 0 ]; then
    echo "Installing ${needed[*]} (apt-get)…" >&2
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${needed[@]}" >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
png=${HISTORY_REPORT_PNG:-/tmp/history-report-png}
mkdir -p "$png"

if [ $# -ge 1 ]; then
    report=$(cd "$1" && pwd)
else
    echo "Building history, importing the sample into a temporary store, writing its report…" >&2
    swift build --product history 2>&1 | grep -E "error|Build" | tail -3
    history="$(swift build --show-bin-path)/history"
    "$history" import --store "$work/store" Tests/Corpus/wuchang-*.txt >/dev/null
    report=$(dirname "$("$history" report --store "$work/store" --out "$work/report")")
fi

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect() {  # expect FILE NEEDLE WHAT
    grep -qF -- "$2" "$1" || fail "$3 (no $2)"
}

fc-match "Noto Sans CJK SC" | grep -qi "Noto Sans CJK" || fail "fontconfig does not find Noto Sans CJK SC"

# Chromium's own background requests (updates, accounts, time) go to these hosts; the page's
# would go anywhere else. The resolver rule makes every lookup fail, so nothing leaves the machine.
browser='^https?://([a-z0-9-]+\.)*(google\.com|googleapis\.com|gvt1\.com)/'
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-sync
       --disable-background-networking --disable-component-update --disable-default-apps
       --host-resolver-rules="MAP * ~NOTFOUND")

render() {  # render PAGE NAME HEIGHT → $work/NAME.dom, $png/NAME.png
    local page=$1 name=$2 height=$3
    chromium "${flags[@]}" --enable-logging=stderr --v=0 --log-net-log="$work/$name.netlog" \
        --dump-dom "file://$page" >"$work/$name.dom" 2>"$work/$name.log" || fail "$name: chromium exited with $?"
    if grep -E "CONSOLE|Uncaught|ERR_FILE_NOT_FOUND" "$work/$name.log" >"$work/$name.console"; then
        fail "$name: console errors:"; cat "$work/$name.console" >&2
    fi
    grep -o '"url":"[^"]*"' "$work/$name.netlog" | sed 's/^"url":"//; s/"$//' | grep -vE "$browser" \
        | grep -v '^file://' >"$work/$name.requests" && { fail "$name: fetched from the network:"; cat "$work/$name.requests" >&2; }
    [ -s "$work/$name.dom" ] || fail "$name: empty DOM"
    chromium "${flags[@]}" --screenshot="$png/$name.png" --window-size="1280,$height" "file://$page" >/dev/null 2>&1 \
        || fail "$name: screenshot failed"
    echo "rendered $name → $png/$name.png" >&2
}

# overflow PAGE NAME WIDTH: the page in a WIDTH-px frame must not scroll sideways, and no element
# may reach past the frame's right edge except inside a box that scrolls itself (a wide table).
# The frame's page is measured by a script in the wrapper page: the report's pages run none.
overflow() {
    local page=$1 name=$2 width=$3 url
    url=$(python3 -c 'import sys, urllib.parse; print("file://" + urllib.parse.quote(sys.argv[1]))' "$page")
    cat >"$work/measure-$name.html" <<MEASURE
<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0"><iframe id="f" src="$url" style="width:${width}px;height:900px;border:0"></iframe>
<script>
document.getElementById("f").addEventListener("load", () => {
  const doc = document.getElementById("f").contentDocument, view = doc.documentElement.clientWidth, out = [];
  const scrolls = (el) => { for (let e = el.parentElement; e && e !== doc.body; e = e.parentElement) {
    const o = getComputedStyle(e).overflowX; if (o === "auto" || o === "scroll") return true; } return false; };
  for (const el of doc.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > view + 0.5 && !scrolls(el)) out.push(el.tagName.toLowerCase() + "." + el.getAttribute("class") + " right " + Math.round(r.right));
  }
  const p = document.createElement("pre"); p.id = "overflow";
  p.dataset.scrollWidth = doc.documentElement.scrollWidth; p.dataset.width = view; p.textContent = out.slice(0, 8).join("; ");
  document.body.appendChild(p);
});
</script></body></html>
MEASURE
    chromium "${flags[@]}" --allow-file-access-from-files --virtual-time-budget=3000 --dump-dom "file://$work/measure-$name.html" \
        >"$work/measure-$name.dom" 2>/dev/null || fail "$name at $width px: chromium exited with $?"
    local line scroll view
    line=$(grep -o '<pre id="overflow"[^>]*>' "$work/measure-$name.dom" || true)
    [ -n "$line" ] || { fail "$name at $width px: the page could not be measured"; return; }
    scroll=$(sed 's/.*data-scroll-width="\([0-9]*\)".*/\1/' <<<"$line")
    view=$(sed 's/.*data-width="\([0-9]*\)".*/\1/' <<<"$line")
    if [ "$scroll" -gt "$view" ] || grep -q '<pre id="overflow"[^>]*>[^<]' "$work/measure-$name.dom"; then
        fail "$name at $width px: wider than the screen (scrollWidth $scroll > $view):"
        sed -n 's/.*<pre id="overflow"[^>]*>\([^<]*\)<.*/\1/p' "$work/measure-$name.dom" >&2
    fi
    chromium "${flags[@]}" --screenshot="$png/$name-$width.png" --window-size="$width,2400" "file://$page" >/dev/null 2>&1 \
        || fail "$name at $width px: screenshot failed"
    echo "measured $name at $width px: no horizontal overflow → $png/$name-$width.png" >&2
}

office_key="武昌区医疗保障管理委员会办公室"
bureau_key="武昌区医疗保障局"
office=$(grep -lF "data-unit-page=\"$office_key\"" "$report"/units/*.html | head -1 || true)
bureau=$(grep -lF "data-unit-page=\"$bureau_key\"" "$report"/units/*.html | head -1 || true)
[ -n "$office" ] || fail "no page for $office_key"
[ -n "$bureau" ] || fail "no page for $bureau_key"

render "$report/index.html" index 2000
expect "$work/index.dom" "lang=\"zh-CN\"" "index: language declared"
expect "$work/index.dom" "data-unit=\"$office_key\" data-from=\"2023\" data-to=\"2024\"" "index: the committee office's 2023→2024 change is ranked"
grep -F "data-unit=\"$office_key\" data-from=\"2023\" data-to=\"2024\"" "$work/index.dom" | grep -q 'class="bar decline' \
    || fail "index: the committee office's 2023→2024 bar is not a decline"
expect "$work/index.dom" 'data-delta="-537.11"' "index: decline of 537.11"
expect "$work/index.dom" '<circle class="point implied" data-year="2023"' "index: sparkline marks 2023 implied"

if [ -n "$office" ]; then
    render "$office" office 2600
    expect "$work/office.dom" '<rect class="bar total implied" data-year="2023"' "office: 2023 bar implied"
    expect "$work/office.dom" '<rect class="bar total documented" data-year="2024"' "office: 2024 bar documented"
    expect "$work/office.dom" '<g class="change decline" data-from="2023" data-to="2024" data-delta="-537.11">' "office: 2023→2024 decline"
    expect "$work/office.dom" '<rect class="bar decline" data-code="2101199"' "office: 2101199 decline bar"
    expect "$work/office.dom" 'data-delta="-614.94"' "office: 2101199 under budget by 614.94"
    expect "$work/office.dom" 'data-explains="year-over-year"' "office: year-over-year reason"
    expect "$work/office.dom" 'data-explains="budget-variance"' "office: budget-variance reason"
    expect "$work/office.dom" '离休人员去世' "office: the unit's reason in Chinese"
    expect "$work/office.dom" 'id="src-' "office: source snippets"
fi
if [ -n "$bureau" ]; then
    render "$bureau" bureau 2600
    expect "$work/bureau.dom" '<rect class="bar total implied" data-year="2022"' "bureau: 2022 bar implied"
    expect "$work/bureau.dom" '<g class="transfer" data-year="2023"' "bureau: transfer arrow"
    expect "$work/bureau.dom" '289.00 万元' "bureau: transfer amount"
fi

# Every page (the units' pages and their findings pages) at a desktop's and a phone's width
# (390 px, an iPhone's): no horizontal overflow.
for page in "$report"/index.html "$report"/units/*.html "$report"/findings/*.html; do
    [ -e "$page" ] || continue
    name=$(basename "$page" .html)
    case "$page" in */findings/*) name="findings-$name" ;; esac
    for width in 1280 390; do overflow "$page" "page-$name" "$width"; done
done

if [ "$failures" -gt 0 ]; then
    echo "render check: $failures failure(s)" >&2
    exit 1
fi
echo "render check: ok (pages load without console errors or network requests; marks present; no page overflows at 1280 or 390 px). PNGs in $png"
