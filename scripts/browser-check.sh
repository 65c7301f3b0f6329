#!/usr/bin/env bash
# Opens every kind of report.html in headless Chromium, as a person would, and checks it.
#
#   scripts/browser-check.sh              # run by `make test`; SMSIM=path overrides the binary
#
# Reports come from the shipped scenarios, shortened so a debug build makes them in seconds:
# a 3-hour day (the failures of dr-initial-server-lost happen at 2 h) with 80 consoles,
# 2 replications, and the validation suite in each report at 2 % of its run length.
# For each report (run, a failover run, check, compare, sweep, size, a run of a workload
# scenario with a storage station, sensitivity) it
#   - loads the page with every host name unresolvable, console logging and the network log
#     on: any console message or any URL the page asks for (other than itself) fails it;
#   - dumps the DOM after load and checks (scripts/report-dom-check.py): the verdict text is
#     there, every figure is an SVG with drawn paths, every table has header cells, nothing
#     refers to http(s), scripts, stylesheets, fonts or images outside the file;
#   - for a run's, a check's and a comparison's report, checks the bottleneck section names a
#     station and (test-2) a remedy;
#   - saves a screenshot under results/browser/<kind>.png for a person to look at;
#   - prints to PDF and checks the page count (pdfinfo) is within the expected range and
#     that no figure is split across two pages (its caption and its note on one page).
set -euo pipefail
cd "$(dirname "$0")/.."
smsim=${SMSIM:-.build/debug/smsim}
[ -x "$smsim" ] || swift build --product smsim >/dev/null
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "browser-check: chromium not installed (make deps installs it)" >&2; exit 1; }
command -v pdfinfo >/dev/null || { echo "browser-check: pdfinfo not installed (poppler-utils)" >&2; exit 1; }
out=results/browser
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
started=$SECONDS

# Short versions of shipped scenarios, same file names (reports read the scenario back).
mkdir -p "$work/Scenarios"
for s in weekday-40 weekday-50 dr-initial-server-lost; do
  sed -e 's/^duration: .*/duration: 3h/' -e 's/^  peak: [0-9]*/  peak: 80/' "Scenarios/$s.yaml" > "$work/Scenarios/$s.yaml"
done
# A workload scenario (SQL memory, so a storage station and the time breakdown), 1 hour.
sed -e 's/^duration: .*/duration: 1h/' -e 's/^warmup: .*/warmup: 10m/' Scenarios/published/test-2-sql-8gb.yaml > "$work/Scenarios/test-2-sql-8gb.yaml"
common=(--replications 2 --seed 1 --quiet)
r=(--report --report-validation-scale 0.02)
"$smsim" run "$work/Scenarios/weekday-40.yaml" "${common[@]}" --out "$work/run" "${r[@]}" >/dev/null
"$smsim" run "$work/Scenarios/dr-initial-server-lost.yaml" "${common[@]}" --out "$work/failover" "${r[@]}" >/dev/null
# check and compare name the bottleneck as run does; their remedy runs are run's (tested by
# the workload report below), so they are skipped here to keep a debug build quick.
"$smsim" check "$work/Scenarios/weekday-40.yaml" "${common[@]}" --no-remedies --out "$work/check" "${r[@]}" >/dev/null 2>&1 || [ $? -eq 1 ]
"$smsim" compare "$work/Scenarios/weekday-40.yaml" --ratios 20,40 "${common[@]}" --no-remedies --out "$work/compare" "${r[@]}" >/dev/null
"$smsim" sweep "$work/Scenarios/weekday-50.yaml" --servers 2,3 --ratios 30,40 "${common[@]}" --out "$work/sweep" "${r[@]}" >/dev/null
"$smsim" size "$work/Scenarios/weekday-50.yaml" --consoles 80 --down 1 --replications 2 --seed 1 --json --out "$work/size" "${r[@]}" >/dev/null 2>&1 || [ $? -eq 1 ]
"$smsim" run "$work/Scenarios/test-2-sql-8gb.yaml" "${common[@]}" --out "$work/workload" "${r[@]}" >/dev/null
# Sensitivity: two factors (five configurations) of a 1-hour weekday-40, to stay quick in debug.
mkdir -p "$work/hour"
sed -e 's/^duration: .*/duration: 1h/' -e 's/^warmup: .*/warmup: 10m/' "$work/Scenarios/weekday-40.yaml" > "$work/hour/weekday-40.yaml"
"$smsim" sensitivity "$work/hour/weekday-40.yaml" --vary 'consoles.thinkTime.mean=±20%' --vary consoles.peak=60..100 \
  "${common[@]}" --out "$work/sensitivity" "${r[@]}" >/dev/null
# A plan: the Small deployment (a few consoles: quick in debug), 4 plausible worlds.
"$smsim" plan examples/plan/small.yaml --replications 2 --seed 1 --points 4 --quiet --out "$work/plan" "${r[@]}" >/dev/null
echo "browser-check: reports built in $((SECONDS - started)) s"

# kind  expected verdict text (a regular expression)   page range
checks=(
  "run|PASS|FAIL|UNSURE|2|40"
  "failover|PASS|FAIL|UNSURE|2|40"
  "check|PASS|FAIL|UNSURE|2|40"
  "compare|consoles per server needs|2|40"
  "sweep|fewest in the sweep|no server count in the sweep|2|30"
  "size|additional management servers for|No number of management servers|2|40"
  "workload|PASS|FAIL|UNSURE|2|40"
  "sensitivity|moves .* most|beyond the noise|2|20"
  "plan|additional management server|2|40"
)
flags=(--headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions
       --disable-background-networking --disable-component-update --disable-sync --no-default-browser-check
       --host-resolver-rules="MAP * ~NOTFOUND")
failures=0
for entry in "${checks[@]}"; do
  IFS='|' read -r -a f <<< "$entry"
  kind=${f[0]}; n=${#f[@]}; low=${f[n-2]}; high=${f[n-1]}
  pattern=$(IFS='|'; echo "${f[*]:1:n-3}")
  page="$work/$kind/report.html"
  url="file://$(realpath "$page")"
  log="$work/$kind.log"
  if ! timeout 60 "$browser" "${flags[@]}" --enable-logging=stderr --v=0 --log-net-log="$work/$kind.netlog" --virtual-time-budget=2000 --dump-dom "$url" \
       > "$work/$kind.dom" 2> "$log"; then
    echo "FAIL $kind: chromium could not load the page"; failures=$((failures + 1)); continue
  fi
  # Console messages and failed loads; dbus/GPU chatter of a headless machine is not the page's.
  if grep -E 'CONSOLE|Failed to load resource|net::ERR_|Refused to' "$log" > "$work/$kind.errors"; then
    echo "FAIL $kind: console errors or network requests:"; sed 's/^/    /' "$work/$kind.errors"; failures=$((failures + 1))
  fi
  timeout 60 "$browser" "${flags[@]}" --window-size=1200,1600 --screenshot="$out/$kind.png" "$url" >/dev/null 2>&1
  timeout 60 "$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/$kind.pdf" "$url" >/dev/null 2>&1
  pages=$(pdfinfo "$out/$kind.pdf" | awk '/^Pages:/ {print $2}')
  pdftotext -layout "$out/$kind.pdf" "$work/$kind.txt"
  cp "$page" "$out/$kind.html"
  if python3 scripts/report-dom-check.py --dom "$work/$kind.dom" --html "$page" --verdict "$pattern" \
       --pdf-text "$work/$kind.txt" --netlog "$work/$kind.netlog" --pages "$pages" --min-pages "$low" --max-pages "$high" --kind "$kind"; then
    :
  else
    failures=$((failures + 1))
  fi
  # A run's, a check's and a comparison's report name the bottleneck (each configuration's).
  case $kind in run|failover|workload|check|compare)
    if ! grep -q 'id="bottleneck"' "$work/$kind.dom" || ! grep -q 'is closest to its limit' "$work/$kind.dom"; then
      echo "FAIL $kind: no bottleneck section naming the station closest to its limit"; failures=$((failures + 1))
    fi;;
  esac
  case $kind in workload)
    grep -q 'GB SQL memory' "$work/$kind.dom" || { echo "FAIL $kind: no tested storage remedy"; failures=$((failures + 1)); };;
  esac
  [ -s "$out/$kind.png" ] || { echo "FAIL $kind: no screenshot"; failures=$((failures + 1)); }
done
echo "browser-check: $((${#checks[@]} - failures)) of ${#checks[@]} reports pass in $((SECONDS - started)) s; screenshots and PDFs in $out/"
[ "$failures" -eq 0 ]
