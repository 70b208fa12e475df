#!/usr/bin/env bash
# The report in a real browser (tests/browser/report.test.js): writes the demo report in sv and
# en with BUILD's samdrift, then loads both in Debian's chromium through puppeteer-core under
# node's test runner. Then `samdrift serve`'s pages (tests/browser/serve.test.js) over a copy of
# the demo store and of the samples' scenarios. Screenshots and PDFs go to
# BUILD/browser-artifacts/ (look at them).
#   bash scripts/browser_test.sh [BUILD]   (default build-asan; scripts/setup.sh installs
#   nodejs, npm, chromium and tests/browser/node_modules)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=$(cd "${1:-build-asan}" && pwd)
art="$build/browser-artifacts"
rm -rf "$art"
mkdir -p "$art"
S="$build/tools/samdrift"
"$S" demo --out "$art/demo" >"$art/demo.log" 2>&1 || { tail -30 "$art/demo.log" >&2; exit 1; }
"$S" --db "$art/demo/samdrift.db" report --lang en --scenario "$root/sample-inventories/scenario.yaml" \
  $(for a in s 1-teknik 1-tjanst 2; do echo --scenario "$root/sample-inventories/alternativ-$a.yaml"; done) --out "$art/report-en" >>"$art/demo.log" 2>&1 ||
  { tail -30 "$art/demo.log" >&2; exit 1; }
# The same store's report cut to 10 rows per table (report --max-rows; report_budget.test.js).
"$S" --db "$art/demo/samdrift.db" report --max-rows 10 --out "$art/report-cut" >>"$art/demo.log" 2>&1 ||
  { tail -30 "$art/demo.log" >&2; exit 1; }
[ -d tests/browser/node_modules/puppeteer-core ] ||
  (cd tests/browser && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund)
# serve changes its store and scenarios: a copy of each (costs.yaml named by its absolute path,
# so the scenarios folder lists scenarios only); `arbete` is the one the tests edit.
mkdir -p "$art/serve/scenarios"
cp "$art/demo/samdrift.db" "$art/serve/"
for f in sample-inventories/scenario.yaml sample-inventories/alternativ-*.yaml; do
  sed "s|^costs: costs.yaml|costs: $root/sample-inventories/costs.yaml|" "$f" >"$art/serve/scenarios/$(basename "$f")"
done
cp "$art/serve/scenarios/scenario.yaml" "$art/serve/scenarios/arbete.yaml"
cd tests/browser
SAMDRIFT_REPORT_SV="$art/demo/report/index.html" SAMDRIFT_REPORT_EN="$art/report-en/index.html" \
  SAMDRIFT_BROWSER_ARTIFACTS="$art" CHROMIUM="${CHROMIUM:-/usr/bin/chromium}" \
  node --test report.test.js
SAMDRIFT_REPORT_CUT="$art/report-cut/index.html" SAMDRIFT_BROWSER_ARTIFACTS="$art" \
  CHROMIUM="${CHROMIUM:-/usr/bin/chromium}" node --test report_budget.test.js
# One file after the other (each starts its own server over the same store and scenarios).
for t in serve.test.js serve_halls.test.js; do
  SAMDRIFT="$S" SAMDRIFT_SERVE_DB="$art/serve/samdrift.db" SAMDRIFT_SERVE_SCENARIOS="$art/serve/scenarios" \
    SAMDRIFT_BROWSER_ARTIFACTS="$art" CHROMIUM="${CHROMIUM:-/usr/bin/chromium}" \
    node --test "$t"
done
echo "browser artifacts: $art" >&2
