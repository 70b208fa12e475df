#!/usr/bin/env bash
# One command from a fresh Debian 12 machine: install, build, and run every test. The suite runs
# in the ASan + UBSan build (leak checking on, no recovery: any finding fails), then each fuzz
# target runs a fixed set of inputs. SAMDRIFT_RELEASE_TESTS=1 first runs the suite in the
# Release build as well (the build demo.sh and bench/run.sh use); SAMDRIFT_SKIP_FUZZ=1 skips
# the fuzz targets.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc)
if [ "${SAMDRIFT_RELEASE_TESTS:-0}" = "1" ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DSAMDRIFT_TESTS=ON >/dev/null
  cmake --build build -j"$jobs"
  ctest --test-dir build --output-on-failure -j"$jobs"
fi
# Every test under the sanitizers: the same programs, each problem they detect is a failure.
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSAMDRIFT_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"
# The demo report and samdrift serve's pages in Debian's chromium (puppeteer-core, node --test):
# sections, paging, filters, print layout, the pages' edits; screenshots in
# build-asan/browser-artifacts/.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 bash scripts/browser_test.sh build-asan
if [ "${SAMDRIFT_SKIP_FUZZ:-0}" != "1" ]; then
  # libFuzzer targets for every importer and the scenario parser under ASan + UBSan, two at a
  # time: 20,000 inputs each from a fixed seed, at most 60 s each (scripts/fuzz.sh). The inputs
  # are the same on every run, so this gate fails only on a bug the same command finds locally.
  SAMDRIFT_FUZZ_RUNS=${SAMDRIFT_FUZZ_RUNS:-20000} bash scripts/fuzz.sh "${SAMDRIFT_FUZZ_SECONDS:-60}"
fi
