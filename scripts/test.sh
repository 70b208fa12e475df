#!/usr/bin/env bash
# One command from a fresh Debian 12 machine: install, build, and run every test — the normal
# build, then the ASan + UBSan build of the same suite, then a short run of each fuzz target.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DSAMDRIFT_TESTS=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"
if [ "${SAMDRIFT_SKIP_SANITIZE:-0}" != "1" ]; then
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSAMDRIFT_SANITIZE=ON >/dev/null
  cmake --build build-asan -j"$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs"
fi
if [ "${SAMDRIFT_SKIP_FUZZ:-0}" != "1" ]; then
  # libFuzzer targets for every importer and the scenario parser under ASan + UBSan, two at a
  # time: 20,000 inputs each from a fixed seed, at most 60 s each (scripts/fuzz.sh). The inputs
  # are the same on every run, so this gate fails only on a bug the same command finds locally.
  SAMDRIFT_FUZZ_RUNS=${SAMDRIFT_FUZZ_RUNS:-20000} bash scripts/fuzz.sh "${SAMDRIFT_FUZZ_SECONDS:-60}"
fi
