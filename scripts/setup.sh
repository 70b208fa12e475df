#!/usr/bin/env bash
# Installs what samdrift needs on Debian 12 (as root, or through sudo). Safe to run again.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config git
  libboost-graph-dev libsqlitecpp-dev libsqlite3-dev sqlite3 libpugixml-dev catch2 libcli11-dev
  nlohmann-json3-dev libyaml-cpp-dev libxlsxwriter-dev libfmt-dev libcsv-dev zlib1g-dev libjemalloc-dev
  libcpp-httplib-dev
  clang clang-format libclang-rt-14-dev
  graphviz time
  chromium
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node and npm by command, not by package: a machine with NodeSource's nodejs has npm inside it,
# and Debian's npm package conflicts with that nodejs.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# The browser test's puppeteer-core (tests/browser, scripts/browser_test.sh) drives Debian's
# chromium: no browser download.
if [ ! -d tests/browser/node_modules/puppeteer-core ] ||
   [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
  (cd tests/browser && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
# The browser libraries samdrift serve embeds at build time (tools/serve/web-lib: chart.js); the
# build works without them and the pages fall back to tables.
if [ ! -d tools/serve/web-lib/node_modules/chart.js ] ||
   [ tools/serve/web-lib/package-lock.json -nt tools/serve/web-lib/node_modules/.package-lock.json ]; then
  (cd tools/serve/web-lib && npm ci --no-audit --no-fund --loglevel=error)
fi
