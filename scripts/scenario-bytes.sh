#!/usr/bin/env bash
# Runs every shipped scenario and the planning commands at a fixed seed and compares the
# bytes of every CSV, JSON and XML they write with the fingerprints recorded in
# scripts/scenario-bytes.sha256. A refactoring must leave them all unchanged.
#
#   scripts/scenario-bytes.sh            check (exit 1 and a list of differing files)
#   scripts/scenario-bytes.sh --record   rewrite the fingerprints (after an intended change)
#
# Run time and throughput (wallSeconds, eventsPerSecond) are the only fields removed before
# hashing: they are measurements of the machine, not results.
set -euo pipefail
cd "$(dirname "$0")/.."
record=false
[ "${1:-}" = --record ] && record=true
smsim=${SMSIM:-.build/release/smsim}
[ -x "$smsim" ] || make --no-print-directory release >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
common=(--seed 1 --replications 2 --threads 2 --quiet)

for s in Scenarios/*.yaml Scenarios/*/*.yaml; do
  [ -f "$s" ] || continue
  name=$(basename "$s" .yaml)
  "$smsim" run "$s" "${common[@]}" --out "$out/run/$name" || [ $? -eq 1 ]
done
"$smsim" compare Scenarios/weekday-40.yaml --ratios 40,50 "${common[@]}" --out "$out/compare" >/dev/null
"$smsim" sweep Scenarios/weekday-50.yaml --servers 2,3 --ratios 40,50 "${common[@]}" --out "$out/sweep" >/dev/null
"$smsim" size Scenarios/weekday-50.yaml --consoles 120 --down 1 --seed 1 --replications 2 --threads 2 --json --out "$out/size" > "$out/size-stdout.json"
"$smsim" check Scenarios/weekday-40.yaml --seed 1 --replications 2 --threads 2 --junit "$out/check/junit.xml" --out "$out/check" > "$out/check-stdout.txt" 2>/dev/null || [ $? -eq 1 ]

fingerprints=$(mktemp)
(cd "$out" && find . -type f \( -name '*.csv' -o -name '*.json' -o -name '*.xml' -o -name '*.txt' \) | LC_ALL=C sort | while read -r f; do
  sum=$(grep -Ev '"(wallSeconds|eventsPerSecond|wall_seconds)"|time="[0-9.]+"' "$f" | sha256sum | cut -c1-16)
  echo "$sum  ${f#./}"
done) > "$fingerprints"

if $record; then
  cp "$fingerprints" scripts/scenario-bytes.sha256
  echo "recorded $(wc -l < "$fingerprints") fingerprints in scripts/scenario-bytes.sha256"
else
  if diff -u scripts/scenario-bytes.sha256 "$fingerprints"; then
    echo "scenario bytes: all $(wc -l < "$fingerprints") files identical"
  else
    echo "scenario bytes: differences above (- recorded, + now)" >&2
    rm -f "$fingerprints"; exit 1
  fi
fi
rm -f "$fingerprints"
