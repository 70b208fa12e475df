#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang under ASan + UBSan in build-fuzz/, seeds each
# from the test fixtures, the sample inventories and ../shared/real-inventories (read in place,
# never copied into the repository), and runs each for a bounded time, one after the other.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 20 s, every target)
# With SAMDRIFT_FUZZ_RUNS=N each target instead runs N inputs from a fixed seed
# (SAMDRIFT_FUZZ_SEED, default 1), capped at SECONDS_PER_TARGET: the same inputs on every
# machine, so a gate such as CI fails only on a bug the same command shows here. Open-ended
# exploration is the time-bounded form, run by hand: scripts/fuzz.sh 300.
# Exits non-zero when any target finds a crash, a hang, an OOM or UB; the reproducer is in
# build-fuzz/findings/TARGET/. Replay one: build-fuzz/fuzz/TARGET build-fuzz/findings/TARGET/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
shift || true
root=$(pwd)
shared=${SAMDRIFT_SHARED_DIR:-$root/../shared}
real=$shared/real-inventories
jobs=${SAMDRIFT_FUZZ_JOBS:-$(nproc)}
runs=${SAMDRIFT_FUZZ_RUNS:-}
bounds=(-max_total_time="$seconds")
corpora=build-fuzz/corpus
if [ -n "$runs" ]; then
  bounds+=(-runs="$runs" -seed="${SAMDRIFT_FUZZ_SEED:-1}")
  corpora=build-fuzz/corpus-gate  # starts from the seeds alone each time, as in a clean clone
  rm -rf "$corpora"
fi

if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz.sh: clang++ not found; run scripts/setup.sh (it installs clang)" >&2
  exit 2
fi

CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DSAMDRIFT_FUZZ=ON -DSAMDRIFT_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j"$jobs" --target fuzz_all

# Seeds per target: globs relative to the repository ("@" stands for the real inventories).
declare -A seeds=(
  [fuzz_generic_csv]="tests/data/generic-csv/* tests/data/bad-input/*
    sample-inventories/*/assets.csv sample-inventories/*/relations.csv
    sample-inventories/*/halls.csv sample-inventories/*/networks.csv
    sample-inventories/gnosjo/*.csv"
  [fuzz_glpi_xml]="tests/data/glpi/*.xml @/glpi/*.xml sample-inventories/*/clients/*.xml"
  [fuzz_glpi_json]="tests/data/glpi/*.json @/glpi/*.json sample-inventories/*/clients/*.json"
  [fuzz_archimate]="tests/data/archimate/* @/archimate/* sample-inventories/hylte/*.xml"
  [fuzz_netbox_csv]="tests/data/netbox/*.csv @/netbox/*.csv
    sample-inventories/gislaved/*.csv sample-inventories/varnamo/*.csv"
  [fuzz_netbox_records]="tests/data/netbox/*.json tests/data/netbox/*.yaml
    fuzz/seeds/netbox-records/*"
  [fuzz_netbox_device_type]="tests/data/netbox/device-type-*.yaml @/netbox/*.yaml
    sample-inventories/device-types/*/*.yaml"
  [fuzz_netbox_ipam]="tests/data/netbox-ipam/* sample-inventories/*/prefixes.csv
    sample-inventories/*/vlans.csv sample-inventories/*/ip-addresses.csv"
  [fuzz_nmap]="tests/data/nmap-xml/* @/nmap/* sample-inventories/*/nmap/*"
  [fuzz_lshw]="tests/data/lshw-xml/* @/lshw/collins__lshw* @/lshw/collins__missing*
    sample-inventories/*/lshw/*"
  [fuzz_lldpctl]="tests/data/lldpctl-xml/* @/lshw/collins__lldpctl* sample-inventories/*/lldp/*"
  [fuzz_rvtools]="tests/data/rvtools/*.csv sample-inventories/*/RVTools_*.csv"
  [fuzz_detect]="tests/data/*/* @/*/* sample-inventories/*/*.* sample-inventories/*/*/*.*"
  [fuzz_scenario]="sample-inventories/scenario.yaml fuzz/seeds/scenario/*"
)
order=(fuzz_generic_csv fuzz_glpi_xml fuzz_glpi_json fuzz_archimate fuzz_netbox_csv
  fuzz_netbox_records fuzz_netbox_device_type fuzz_netbox_ipam fuzz_nmap fuzz_lshw fuzz_lldpctl
  fuzz_rvtools fuzz_detect fuzz_scenario)
[ $# -gt 0 ] && order=("$@")

shopt -s nullglob
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# One target per core at a time: each run is one process, so two cores fuzz two targets.
run_target() {  # TARGET: fuzz it; prints one summary line; exit status 1 on a finding
  local target=$1 corpus=$corpora/$1 findings=build-fuzz/findings/$1
  local log=$findings/fuzz.log
  # Inputs are cut to 64 KiB (what detection reads): bigger seeds slow every mutation down.
  if build-fuzz/fuzz/$target "$corpus" -artifact_prefix="$findings/" \
      "${bounds[@]}" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
      -print_final_stats=1 >"$log" 2>&1; then
    echo "== $target: ${runs:+$runs runs, }${seconds}s at most, $(ls "$corpus" | wc -l) corpus files;" \
      $(grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$log" | tr '\n' ' ')
  else
    echo "!! $target FAILED; log: $log"
    grep -E "ERROR: |runtime error|SUMMARY|Test unit written" "$log" | head -8 || true
    return 1
  fi
}

for target in "${order[@]}"; do
  [ -n "${seeds[$target]+x}" ] || { echo "fuzz.sh: unknown target $target" >&2; exit 2; }
  corpus=$corpora/$target
  findings=build-fuzz/findings/$target
  mkdir -p "$corpus" "$findings"
  rm -f "$findings/failed"
  # The corpus persists between runs (what the fuzzer learnt); seeds are refreshed each time.
  set -f  # split the pattern list without globbing it here
  patterns=(${seeds[$target]})
  set +f
  for pattern in "${patterns[@]}"; do
    pattern=${pattern/#@/$real}
    for f in $pattern; do
      [ -f "$f" ] || continue
      case "$f" in *.md | *.py | *.txt) continue ;; esac
      cp -f "$f" "$corpus/seed-$(printf '%s' "$f" | md5sum | cut -c1-16)"
    done
  done
done

running=0
for target in "${order[@]}"; do
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true
    running=$((running - 1))
  fi
  (run_target "$target" || touch "build-fuzz/findings/$target/failed") &
  running=$((running + 1))
done
wait
failed=()
for target in "${order[@]}"; do
  [ -f "build-fuzz/findings/$target/failed" ] && failed+=("$target")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: findings in: ${failed[*]} (reproducers under build-fuzz/findings/)" >&2
  exit 1
fi
echo "fuzz.sh: ${#order[@]} target(s), ${runs:+$runs runs and }${seconds}s at most each, no findings"
