#!/usr/bin/env bash
# samdrift benchmarks: one command, on a fresh clone (after scripts/setup.sh, which it runs).
#
#   bash bench/run.sh [--quick] [--work DIR] [--no-setup] [--build DIR]
#                     [--parts csv,bigcsv,xml,glpi,estate,national,graph,planners,report,serve]
#                     [--stores SMALL.db,BIG.db] [--steps overlap,target,...] [--runs N]
#                     [--lock FILE] [--report-db DB]
#
# national: --stores reads two existing stores (29 and 290 orgs; opened read-only, never
# written) instead of generating and importing them; --steps limits the commands measured on
# them; `compare` and `plan` run --runs times (default 3) and are given with their spread
# against issue 23's goals; --lock runs every national command under `flock FILE` (a shared
# machine where two national runs must not overlap).
#
# Builds a Release tree in build/, generates its inputs with samdrift-gen under --work
# (default: $TMPDIR/samdrift-bench), runs every benchmark and prints a Markdown table: machine,
# command, figure, goal and verdict. --quick takes a few minutes (smaller national scale, smaller
# graph); the full run takes longer. Nothing here is part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

quick=0
setup=1
parts="csv,bigcsv,xml,glpi,estate,national,graph,planners,report,serve"
work="${TMPDIR:-/tmp}/samdrift-bench"
build=build
stores=""
steps="overlap,target,plan,halls,stats,net,risk,compare"
runs_national=3
lock=""
# --report-db: the report part also writes the report of this existing store (the national estate,
# 290 orgs x 15,000 assets; only read), under `flock DIR/run.lock` beside it.
report_db=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --no-setup) setup=0 ;;
    --work) work="$2"; shift ;;
    --parts) parts="$2"; shift ;;
    --build) build="$2"; shift ;;
    --stores) stores="$2"; shift ;;
    --steps) steps="$2"; shift ;;
    --runs) runs_national="$2"; shift ;;
    --lock) lock="$2"; shift ;;
    --report-db) report_db="$2"; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done

[ "$setup" = 1 ] && bash scripts/setup.sh
jobs=$(nproc)
# The same Release tree as the demo and the tests (build/), with the benchmark programs added.
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSAMDRIFT_BENCH=ON >/dev/null
cmake --build "$build" -j"$jobs" --target samdrift samdrift-gen graph_bench xml_walk \
  samdrift_hall_bench samdrift_net_bench samdrift_wave_bench estate_bench >/dev/null

build=$(cd "$build" && pwd)
S="$build/tools/samdrift"
G="$build/tools/samdrift-gen"
mkdir -p "$work"
work=$(cd "$work" && pwd)
log="$work/bench.log"
: >"$log"
rows=()

say() { echo "bench: $*" >&2; }
want() { [[ ",$parts," == *",$1,"* ]]; }

# measure NAME CMD...: runs CMD under /usr/bin/time; sets wall, cpu (user+sys) and mem_mb.
measure() {
  local name=$1
  shift
  local tf="$work/.time"
  echo "== $name: $*" >>"$log"
  # Under --lock (national runs) the lock is taken before the clock starts.
  if ! "${under_lock[@]}" /usr/bin/time -f '%e %U %S %M' -o "$tf" "$@" >>"$log" 2>&1; then
    echo "bench: '$name' failed: $*" >&2
    tail -20 "$log" >&2
    exit 1
  fi
  read -r wall user sys maxkb <"$tf"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  mem_mb=$(awk -v k="$maxkb" 'BEGIN { printf "%.0f", k / 1024 }')
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
row() { rows+=("| $1 | $2 | $3 | $4 | $5 |"); }
verdict() { awk -v v="$1" -v g="$2" -v dir="$3" 'BEGIN { ok = (dir == "le") ? (v <= g) : (v >= g); print ok ? "**met**" : "**not met**" }'; }
# grep without -q: it reads everything, so the writer never dies of SIGPIPE under pipefail.
under_lock=()
has_command() { "$S" --help 2>/dev/null | grep -E "^  $1( |$)" >/dev/null; }
has_format() { "$S" formats 2>/dev/null | grep -E "^$1( |$)" >/dev/null; }

cpu_model=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
ram_gb=$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)
load=$(cut -d' ' -f1-3 /proc/loadavg)
machine="$(nproc) cores, ${cpu_model:-unknown CPU}, ${ram_gb} GB RAM, load average at start ${load}"
say "machine: $machine"

# --- 1. Generic CSV import against sqlite3's own .import of the same file -------------------------
if want csv; then
say "generic CSV: generating 300,000 rows"
rm -rf "$work/csv"
"$G" --orgs 1 --assets-per-org 300000 --seed 1 --out "$work/csv" >>"$log"
csv="$work/csv/org001/assets.csv"
csv_rows=$(($(wc -l <"$csv") - 1))
csv_mb=$(calc "%.0f" "$(stat -c %s "$csv") / 1048576")
runs=3
sd_wall=() sd_cpu=() sq_wall=() sq_cpu=()
for i in $(seq "$runs"); do
  rm -f "$work/csv.db" "$work/csv.db-wal" "$work/csv.db-shm"
  "$S" --db "$work/csv.db" init >>"$log"
  say "generic CSV: run $i/$runs"
  measure "samdrift import" "$S" --db "$work/csv.db" import --org org001 "$csv"
  sd_wall+=("$wall") sd_cpu+=("$cpu") sd_mem=$mem_mb
  measure "sqlite3 .import" sqlite3 :memory: ".import --csv $csv assets" "SELECT count(*) FROM assets"
  sq_wall+=("$wall") sq_cpu+=("$cpu")
done
# The floor of samdrift's own store: SQLite alone copying the same rows into samdrift's assets
# table (its 25 columns, the identity index the upsert needs, WAL), from a staging table that
# .import filled beforehand, in one INSERT ... SELECT. No parsing, no binding, no checks.
rm -f "$work/stage.db"
sqlite3 "$work/stage.db" ".import --csv $csv t" >>"$log"
floor_sql="ATTACH '$work/stage.db' AS s; BEGIN IMMEDIATE;
INSERT INTO assets(org, kind, key, category, name, role, vendor, product, version, serial, site,
  hall, rack, position, u_height, power_w, redundancy_group, criticality, eol, estimated,
  attributes, source_id, importer, line, implied)
SELECT 'org001', kind, name, 'datacenter', name, role, vendor, product, version, serial, site,
  hall, rack, position, u_height, power_w, redundancy_group, criticality, eol, 0, '', 1,
  'generic-csv', rowid, 0 FROM s.t WHERE true ON CONFLICT(org, key, kind) DO NOTHING; COMMIT;"
fl_wall=()
for i in $(seq "$runs"); do
  rm -f "$work/floor.db" "$work/floor.db-wal" "$work/floor.db-shm"
  "$S" --db "$work/floor.db" init >>"$log"
  measure "sqlite3 INSERT ... SELECT into samdrift's schema" sqlite3 "$work/floor.db" "$floor_sql"
  fl_wall+=("$wall")
done
flw=$(printf '%s\n' "${fl_wall[@]}" | median)
sdw=$(printf '%s\n' "${sd_wall[@]}" | median); sdc=$(printf '%s\n' "${sd_cpu[@]}" | median)
sqw=$(printf '%s\n' "${sq_wall[@]}" | median); sqc=$(printf '%s\n' "${sq_cpu[@]}" | median)
ratio_wall=$(calc "%.2f" "$sdw / $sqw")
ratio_cpu=$(calc "%.2f" "$sdc / $sqc")
row "Generic CSV import, ${csv_rows} rows (${csv_mb} MB), median of $runs, same run" \
  "\`samdrift import --org org001 assets.csv\` vs \`sqlite3 :memory: '.import --csv assets.csv assets'\`" \
  "samdrift ${sdw} s wall / ${sdc} s CPU (peak ${sd_mem} MB; runs ${sd_wall[*]} s); sqlite3 ${sqw} s / ${sqc} s (runs ${sq_wall[*]} s): **${ratio_wall}×** wall, ${ratio_cpu}× CPU" \
  "≤ 1.0× (issue 23; issue 2 accepted ≤ 2×)" \
  "≤ 2×: $(verdict "$ratio_wall" 2 le); ≤ 1×: $(verdict "$ratio_wall" 1 le)"
row "Generic CSV import: the store's floor, same rows, median of $runs" \
  "\`sqlite3 store 'INSERT INTO assets SELECT … FROM staged rows'\` (samdrift's schema, no parsing)" \
  "${flw} s: samdrift is **$(calc "%.2f" "$sdw / $flw")×** SQLite's own copy into the same table" \
  "(what the 1.0× goal is up against)" "–"
fi

# --- 1b. A generic CSV over 1 GB: bounded memory -------------------------------------------------
if want bigcsv; then
copies=$([ "$quick" = 1 ] && echo 4 || echo 40)
src="$work/csv/org001/assets.csv"
if [ ! -f "$src" ]; then
  "$G" --orgs 1 --assets-per-org 300000 --seed 1 --out "$work/csv" >>"$log"
fi
say "big CSV: $copies copies of the generic CSV, names made unique"
big="$work/big.csv"
head -1 "$src" >"$big"
for i in $(seq "$copies"); do
  tail -n +2 "$src" | sed "s/^\([^,\"]*\),/\1-c$i,/" >>"$big"
done
big_rows=$(($(wc -l <"$big") - 1))
big_mb=$(calc "%.0f" "$(stat -c %s "$big") / 1048576")
rm -f "$work/big.db" "$work/big.db-wal" "$work/big.db-shm"
"$S" --db "$work/big.db" init >>"$log"
# The peak of the process's own memory (RssAnon) and of the file pages mapped into it (RssFile),
# sampled twice a second; /usr/bin/time's peak is their sum at the worst moment.
"$S" --db "$work/big.db" import --org org001 "$big" >>"$log" 2>&1 &
pid=$!
peak_anon=0 peak_file=0 start=$(date +%s.%N)
while kill -0 "$pid" 2>/dev/null; do
  read -r anon file < <(awk '/^RssAnon/ { a = $2 } /^RssFile/ { f = $2 } END { print a + 0, f + 0 }' \
    "/proc/$pid/status" 2>/dev/null || echo "0 0")
  [ "$anon" -gt "$peak_anon" ] && peak_anon=$anon
  [ "$file" -gt "$peak_file" ] && peak_file=$file
  sleep 0.5
done
wait "$pid" || { echo "bench: the big CSV import failed" >&2; tail -20 "$log" >&2; exit 1; }
big_wall=$(calc "%.1f" "$(date +%s.%N) - $start")
anon_mb=$(calc "%.0f" "$peak_anon / 1024")
file_mb=$(calc "%.0f" "$peak_file / 1024")
row "A ${big_mb} MB generic CSV (the CSV above $copies times, names made unique), ${big_rows} rows" \
  "\`samdrift import --org org001 big.csv\`, /proc/PID/status sampled" \
  "${big_wall} s; peak ${anon_mb} MB the process's own (RssAnon), ${file_mb} MB of mapped file (RssFile); $(calc "%.0f" "$peak_anon * 1024 / $big_rows") bytes of own memory per row" \
  "bounded memory: peak resident under the file's size" "$(verdict "$((anon_mb + file_mb))" "$big_mb" le)"
rm -f "$big" "$work/big.db" "$work/big.db-wal" "$work/big.db-shm"
fi

# --- 2. XML import against a pugixml parse-and-walk of the same files ----------------------------
if want xml; then
xml_bench() {  # FORMAT LABEL FOLDER
  local format=$1 label=$2 folder=$3
  local bytes
  bytes=$(du -sb "$folder" | cut -f1)
  measure "xml_walk $format" "$build/bench/xml_walk" "$folder"
  local ref_wall=$wall
  rm -f "$work/xml.db"*
  "$S" --db "$work/xml.db" init >>"$log"
  measure "samdrift import $format" "$S" --db "$work/xml.db" import --org org001 --format "$format" "$folder"
  local mbps ref_mbps share
  mbps=$(calc "%.1f" "$bytes / 1048576 / $wall")
  ref_mbps=$(calc "%.1f" "$bytes / 1048576 / $ref_wall")
  share=$(calc "%.2f" "$mbps / $ref_mbps")
  row "XML import: $label ($(calc "%.0f" "$bytes / 1048576") MB)" \
    "\`samdrift import --format $format\` vs \`bench/xml_walk\` (pugixml parse + walk)" \
    "${mbps} MB/s vs ${ref_mbps} MB/s: **${share}** of the reference" "≥ 0.33" "$(verdict "$share" 0.33 ge)"
}
if has_format glpi-xml && "$G" --help | grep glpi-xml >/dev/null; then
  say "XML: GLPI agent files"
  rm -rf "$work/xml"
  "$G" --orgs 1 --assets-per-org 20000 --seed 2 --formats glpi-xml --glpi-fraction 1 --out "$work/xml" >>"$log"
  xml_bench glpi-xml "GLPI agent XML" "$work/xml/org001/clients"
else
  row "XML import (GLPI, nmap)" "–" "not measured: no XML importer on main yet" "≥ 0.33 of pugixml's MB/s" "–"
fi

if has_format nmap-xml; then
  say "XML: nmap scan"
  rm -rf "$work/nmap"
  mkdir -p "$work/nmap"
  python3 bench/make_nmap_scan.py "$work/nmap/scan.xml" --mb "$([ "$quick" = 1 ] && echo 20 || echo 100)"
  xml_bench nmap-xml "nmap -oX scan" "$work/nmap"
fi
fi

# --- 3. A folder of GLPI agent files as agents write them (issue 23) -----------------------------
# A real Windows agent file (35 KB, $SAMDRIFT_SHARED_DIR/real-inventories/glpi/invfmt__tests_data_2.xml)
# copied thousands of times with the machine's name and serial changed, imported as one folder,
# against bench/xml_walk (a bare pugixml parse and walk) of the same folder in the same run.
if want glpi; then
shared=${SAMDRIFT_SHARED_DIR:-/work/shared}
agent="$shared/real-inventories/glpi/invfmt__tests_data_2.xml"
if has_format glpi-xml && [ -f "$agent" ]; then
  g_copies=$([ "$quick" = 1 ] && echo 500 || echo 3000)
  say "GLPI: $g_copies copies of a real Windows agent file"
  rm -rf "$work/glpi"
  mkdir -p "$work/glpi"
  python3 - "$agent" "$work/glpi" "$g_copies" <<'PY'
import sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(src, encoding="utf-8").read()
for i in range(n):
    t = text.replace("<NAME>pc-arg-23</NAME>", "<NAME>pc-%05d</NAME>" % i)
    t = t.replace("CZC0479792", "CZC%07d" % i)
    open("%s/pc-%05d.xml" % (out, i), "w", encoding="utf-8").write(t)
PY
  g_bytes=$(du -sb "$work/glpi" | cut -f1)
  g_runs=3
  g_sd=() g_ref=()
  for i in $(seq "$g_runs"); do
    measure "xml_walk glpi agents" "$build/bench/xml_walk" "$work/glpi"
    g_ref+=("$wall")
    rm -f "$work/glpi.db"*
    "$S" --db "$work/glpi.db" init >>"$log"
    measure "samdrift import glpi agents" "$S" --db "$work/glpi.db" import --org org001 "$work/glpi"
    g_sd+=("$wall") g_mem=$mem_mb
  done
  g_sdw=$(printf '%s\n' "${g_sd[@]}" | median)
  g_refw=$(printf '%s\n' "${g_ref[@]}" | median)
  g_share=$(calc "%.2f" "$g_refw / $g_sdw")
  row "GLPI agent files: $g_copies copies of a real 35 KB Windows agent file ($(calc "%.0f" "$g_bytes / 1048576") MB), median of $g_runs, same run" \
    "\`samdrift import --org org001 glpi/\` vs \`bench/xml_walk glpi/\` (pugixml parse + walk)" \
    "samdrift $(calc "%.0f" "$g_copies / $g_sdw") files/s (${g_sdw} s; runs ${g_sd[*]}; peak ${g_mem} MB); xml_walk $(calc "%.0f" "$g_copies / $g_refw") files/s (${g_refw} s): **${g_share}** of the reference" \
    "≥ 0.33 (issue 23)" "$(verdict "$g_share" 0.33 ge)"
  rm -rf "$work/glpi" "$work/glpi.db"*
else
  row "GLPI agent files" "–" "not measured: no GLPI importer or no $agent" "≥ 0.33 of a pugixml parse" "–"
fi
fi

# --- 3b. The estate in memory: bytes per loaded asset (issue 23) ------------------------------------
if want estate; then
e_orgs=$([ "$quick" = 1 ] && echo 10 || echo 29)
e_dir="$work/estate-$e_orgs"
rm -rf "$e_dir" "$e_dir.db" "$e_dir.db-wal" "$e_dir.db-shm"
say "estate: generating and importing $e_orgs orgs x 15000 assets"
"$G" --orgs "$e_orgs" --assets-per-org 15000 --seed 11 --out "$e_dir" >>"$log"
"$S" --db "$e_dir.db" init >>"$log"
for org_dir in "$e_dir"/org*; do
  "$S" --db "$e_dir.db" import --new-org --org "$(basename "$org_dir")" "$org_dir" >>"$log" 2>&1
done
measure "estate_bench" "$build/bench/estate_bench" --db "$e_dir.db"
eval "$(tail -1 "$log" | tr ' ' '\n' | grep = | sed 's/^/e_/')"
row "The estate in memory: ${e_assets} assets of $e_orgs orgs (\`Store::LoadEstate\`, heap per asset)" \
  "\`bench/estate_bench --db STORE\`" \
  "**${e_asset_bytes} bytes per asset** (sizeof(Asset) ${e_sizeof_asset}; load ${e_load_s} s); ${e_relation_bytes} bytes per relation (${e_relations} relations)" \
  "≤ 200 bytes per asset" "$(verdict "$e_asset_bytes" 200 le)"
rm -rf "$e_dir" "$e_dir.db" "$e_dir.db-wal" "$e_dir.db-shm"
fi

# --- 4. National scale ----------------------------------------------------------------------------
if want national; then
if [ "$quick" = 1 ]; then small=10 big=29; else small=29 big=290; fi
per_org=15000
[ -n "$lock" ] && under_lock=(flock "$lock" nice)
want_step() { [[ ",$steps," == *",$1,"* ]]; }
alternatives=()
for f in alternativ-s alternativ-1-teknik alternativ-1-tjanst alternativ-2; do
  alternatives+=(--scenario "$root/bench/compare/$f.yaml")
done
# national ORGS [STORE] -> sets step_wall[step], step_mem[step], total_wall, peak_mem and, for
# compare and plan, runs_wall/runs_cpu/runs_mem[step] (the runs' figures, space-separated).
national() {
  local orgs=$1 store=${2:-}
  local dir="$work/national-$orgs"
  unset step_wall step_mem runs_wall runs_cpu runs_mem
  declare -gA step_wall step_mem runs_wall runs_cpu runs_mem
  gen_wall=""
  if [ -z "$store" ]; then
    rm -rf "$dir" "$dir.db" "$dir.db-wal" "$dir.db-shm"
    say "national: generating $orgs orgs x $per_org assets"
    measure "samdrift-gen $orgs" "$G" --orgs "$orgs" --assets-per-org "$per_org" --seed 11 --out "$dir"
    gen_wall=$wall
    "$S" --db "$dir.db" init >>"$log"
    local sum=0 peak=0
    say "national: importing $orgs orgs"
    for org_dir in "$dir"/org*; do
      measure "import $(basename "$org_dir")" "$S" --db "$dir.db" import --new-org --org "$(basename "$org_dir")" "$org_dir"
      sum=$(calc "%.2f" "$sum + $wall")
      [ "$mem_mb" -gt "$peak" ] && peak=$mem_mb
    done
    step_wall[import]=$sum step_mem[import]=$peak
    store="$dir.db"
  fi
  # The pipeline of issue 10 (import, overlap, target, plan, halls), then stats, net and risk
  # (every service's availability, single points and exposure, issue 19), which are measured
  # but not part of its total. Each step is one command, as a user runs it, its
  # text output written to a file (net's pairwise VLAN clashes grow with orgs squared: see
  # bench/RESULTS.md). plan runs --runs times (issue 23: under 20 s), as does compare.
  for step in overlap target plan halls stats net risk; do
    want_step "$step" && has_command "$step" || continue
    local n=1
    [ "$step" = plan ] && n=$runs_national
    for i in $(seq "$n"); do
      say "national: $step ($orgs orgs, run $i/$n)"
      measure "$step" sh -c '"$1" --db "$2" "$3" >"$4"' - "$S" "$store" "$step" "$work/national.out"
      step_wall[$step]=$wall step_mem[$step]=$mem_mb
      runs_wall[$step]+="$wall " runs_cpu[$step]+="$cpu " runs_mem[$step]+="$mem_mb "
    done
    rm -f "$work/national.out"
  done
  # compare (issue 18): the study's four alternatives (bench/compare/, every org) over one
  # estate load and one graph, each planned, priced and scored; outside the pipeline's total.
  if want_step compare && has_command compare; then
    for i in $(seq "$runs_national"); do
      say "national: compare ($orgs orgs, run $i/$runs_national)"
      measure compare sh -c '"$@" >"$0"' "$work/national.out" "$S" --db "$store" compare "${alternatives[@]}"
      step_wall[compare]=$wall step_mem[compare]=$mem_mb
      runs_wall[compare]+="$wall " runs_cpu[compare]+="$cpu " runs_mem[compare]+="$mem_mb "
    done
    rm -f "$work/national.out"
  fi
  for step in plan compare; do  # the median run stands for the step
    [ -n "${runs_wall[$step]:-}" ] || continue
    step_wall[$step]=$(echo "${runs_wall[$step]}" | tr ' ' '\n' | grep . | median)
  done
  total_wall=0 peak_mem=0
  for step in import overlap target plan halls; do
    [ -n "${step_wall[$step]:-}" ] || continue
    total_wall=$(calc "%.2f" "$total_wall + ${step_wall[$step]}")
    [ "${step_mem[$step]}" -gt "$peak_mem" ] && peak_mem=${step_mem[$step]}
  done
  db_mb=$(calc "%.0f" "$(stat -c %s "$store") / 1048576")
}
# spread "1 2 3": "median M (min A – max B)"
spread() {
  echo "$1" | tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "median %s (%s – %s)", m, v[1], v[NR] }'
}
# met_runs "walls" "mems" WALL_GOAL MEM_GOAL: "k of n runs"
met_runs() {
  paste <(echo "$1" | tr ' ' '\n' | grep .) <(echo "$2" | tr ' ' '\n' | grep .) |
    awk -v w="$3" -v m="$4" '{ n++; if ($1 < w && $2 < m) k++ } END { printf "%d of %d runs", k, n }'
}
small_store=${stores%%,*} big_store=""
[ -n "$stores" ] && big_store=${stores##*,}
national "$small" "$small_store"
declare -A small_wall
for k in "${!step_wall[@]}"; do small_wall[$k]=${step_wall[$k]}; done
national "$big" "$big_store"
assets_total=$((big * per_org))
[ -n "$gen_wall" ] && row "samdrift-gen ${big} orgs × ${per_org} assets" "\`samdrift-gen --orgs $big --assets-per-org $per_org --seed 11 --out DIR\`" \
  "${gen_wall} s" "well under 60 s" "$(verdict "$gen_wall" 60 le)"
for step in import overlap target plan halls stats net risk compare; do
  [ -n "${step_wall[$step]:-}" ] || continue
  growth=$(awk -v a="${small_wall[$step]:-0}" -v b="${step_wall[$step]}" -v n1="$small" -v n2="$big" \
    'BEGIN { if (a <= 0.05) print "–"; else printf "%.2f", log(b / a) / log(n2 / n1) }')
  cmd="\`samdrift $step\`"
  [ "$step" = import ] && cmd="\`samdrift import --org orgNNN DIR/orgNNN\` × $big"
  [ "$step" = compare ] && cmd="\`samdrift compare --scenario bench/compare/alternativ-*.yaml\` (4 scenarios)"
  figure="${step_wall[$step]} s, peak ${step_mem[$step]} MB"
  goal="$(case $step in stats | net | risk) echo "(outside the pipeline)" ;; import) echo "< 40 s (issue 23)" ;; *) echo "(part of the pipeline)" ;; esac)"
  verdict_text="$([ "$step" = import ] && verdict "${step_wall[$step]}" 40 le || echo "–")"
  if [ -n "${runs_wall[$step]:-}" ]; then
    figure="wall $(spread "${runs_wall[$step]}") s, CPU $(spread "${runs_cpu[$step]}") s, peak $(spread "${runs_mem[$step]}") MB"
    if [ "$step" = compare ]; then
      goal="< 60 s and < 2048 MB (issue 23)"
      verdict_text="$(met_runs "${runs_wall[$step]}" "${runs_mem[$step]}" 60 2048) met"
    else
      goal="< 20 s (issue 23)"
      verdict_text="$(met_runs "${runs_wall[$step]}" "${runs_mem[$step]}" 20 1000000000) met"
    fi
  fi
  row "National scale: $step ($big orgs, $assets_total assets)" "$cmd" \
    "$figure (growth exponent ${growth} from $small to $big orgs, ≤ 1.1)" "$goal" "$verdict_text"
done
[ -z "$big_store" ] && row "National scale: whole pipeline ($big orgs × $per_org assets, store ${db_mb} MB)" \
  "import, overlap, target, plan, halls" "${total_wall} s, peak ${peak_mem} MB" "< 300 s, < 8192 MB" \
  "time $(verdict "$total_wall" 300 le), memory $(verdict "$peak_mem" 8192 le)"
fi

# --- 5. Graph view at 5 million assets and 10 million relations ----------------------------------
if want graph; then
if [ "$quick" = 1 ]; then g_assets=500000 g_rel=1000000; else g_assets=5000000 g_rel=10000000; fi
say "graph view: $g_assets assets, $g_rel relations"
measure "graph_bench" "$build/bench/graph_bench" --assets "$g_assets" --relations "$g_rel"
eval "$(tail -1 "$log" | tr ' ' '\n' | grep = | sed 's/^/g_/')"
row "Graph view: ${g_assets} assets, ${g_rel} relations" "\`bench/graph_bench --assets $g_assets --relations $g_rel\`" \
  "build ${g_build_s} s, view ${g_graph_mb} MB (the estate it indexes: ${g_estate_mb} MB), process peak ${g_peak_mb} MB" \
  "view within a few GB (≤ 4096 MB)" "$(verdict "$g_graph_mb" 4096 le)"
fi

# --- 6. Planners alone at national scale (generated problems, no store) ---------------------------
if want planners; then
T="$build/tools"
if [ "$quick" = 1 ]; then w_items=100000 w_orgs=29; else w_items=1000000 w_orgs=290; fi
say "waves: $w_items items"
measure "wave_bench" "$T/samdrift_wave_bench" --items "$w_items" --orgs "$w_orgs"
eval "$(tail -1 "$log" | tr ' ' '\n' | grep = | sed 's/^/w_/')"
row "Migration waves: ${w_items} items, ${w_orgs} orgs (cycles, redundancy pairs, limits, hall capacity)" \
  "\`samdrift_wave_bench --items $w_items --orgs $w_orgs\`" \
  "plan ${w_plan_s} s, peak ${w_peak_mb} MB; **${w_waves} waves vs lower bound ${w_bound}**" \
  "(figure; waves close to the bound)" "–"
say "halls: $w_orgs orgs"
measure "hall_bench" "$T/samdrift_hall_bench" --orgs "$w_orgs"
h_line=$(grep -E '^orgs=' "$log" | tail -1)
eval "$(echo "$h_line" | tr ' ' '\n' | grep -E '^[a-z_]+=[0-9.]+$' | sed 's/^/h_/')"
row "Hall plan: ${h_devices} devices of ${w_orgs} orgs into 8 target halls" \
  "\`samdrift_hall_bench --orgs $w_orgs\`" \
  "plan ${h_plan_s} s, peak ${mem_mb} MB; **${h_racks_used} racks vs lower bound ${h_lower_bound}**, ${h_unplaced} unplaced" \
  "(figure; racks close to the bound)" "–"
say "net: 1,000,000 prefixes"
measure "net_bench" "$T/samdrift_net_bench"
n_s=$(grep -E '^plan \(conflicts' "$log" | tail -1 | sed -E 's/.*: ([0-9.]+) s;.*/\1/')
row "Address plans: 1,000,000 prefixes in 290 orgs" "\`samdrift_net_bench\`" \
  "plan ${n_s} s, peak ${mem_mb} MB" "(figure)" "–"
fi

# --- 7. The report of a generated 29-org estate (issue 21) ---------------------------------------
# What a reader gets: index.html's size, its load time in Chromium and its printed pages
# (tests/browser/measure.js; needs tests/browser/node_modules, which scripts/setup.sh installs).
if want report; then
r_orgs=29 r_per_org=2000
r_dir="$work/report-$r_orgs"
rm -rf "$r_dir" "$r_dir.db" "$r_dir.db-wal" "$r_dir.db-shm"
say "report: generating and importing $r_orgs orgs x $r_per_org assets"
"$G" --orgs "$r_orgs" --assets-per-org "$r_per_org" --seed 11 --out "$r_dir" >>"$log" 2>&1
"$S" --db "$r_dir.db" init >>"$log"
for org_dir in "$r_dir"/org*; do
  "$S" --db "$r_dir.db" import --new-org --org "$(basename "$org_dir")" "$org_dir" >>"$log" 2>&1
done
say "report: writing the report"
measure "report $r_orgs" "$S" --db "$r_dir.db" report --out "$r_dir/report"
r_wall=$wall r_mem=$mem_mb
if [ -d tests/browser/node_modules/puppeteer-core ]; then
  say "report: loading and printing it in chromium"
  r_fig=$(node tests/browser/measure.js "$r_dir/report/index.html" 2>>"$log" | sed 's/^[^:]*: //')
else
  r_fig="size $(calc "%.1f" "$(stat -c %s "$r_dir/report/index.html") / 1048576") MB; load time and pages not measured (no tests/browser/node_modules)"
fi
row "Report of $r_orgs orgs × $r_per_org assets" \
  "\`samdrift report\`, then \`node tests/browser/measure.js index.html\`" \
  "written in ${r_wall} s, peak ${r_mem} MB; index.html: ${r_fig}" "opens in Chromium in seconds" "–"

# The national report: an existing store (--report-db), read only, its page cut to report's
# default row budget (--max-rows 100000 per table; the CSV files and the workbook hold every row).
if [ -n "$report_db" ]; then
  n_dir="$work/report-national"
  rm -rf "$n_dir"
  say "report: the report of $report_db (waits for $(dirname "$report_db")/run.lock)"
  measure "report national" flock "$(dirname "$report_db")/run.lock" nice "$S" --db "$report_db" \
    report --out "$n_dir"
  n_wall=$wall n_mem=$mem_mb
  n_assets=$(($(wc -l <"$n_dir/csv/assets.csv") - 1))
  if [ -d tests/browser/node_modules/puppeteer-core ]; then
    say "report: loading and printing the national report in chromium"
    n_fig=$(node tests/browser/measure.js "$n_dir/index.html" 2>>"$log" | sed 's/^[^:]*: //')
  else
    n_fig="size $(calc "%.1f" "$(stat -c %s "$n_dir/index.html") / 1048576") MB; load time and pages not measured (no tests/browser/node_modules)"
  fi
  row "Report of $(basename "$report_db") (${n_assets} assets)" \
    "\`samdrift report\` (page: 100,000 rows per table at most), then \`node tests/browser/measure.js index.html\`" \
    "written in ${n_wall} s, peak ${n_mem} MB; index.html: ${n_fig}; workbook $(calc "%.0f" "$(stat -c %s "$n_dir/samdrift.xlsx") / 1048576") MB, CSV files $(du -sm "$n_dir/csv" | cut -f1) MB" \
    "opens in Chromium in seconds" "–"
fi
fi

# --- 8. samdrift serve on the samples (issue 22): each page's API calls and a re-plan --------------
# (bench/serve_bench.sh: the server on a free port, the routes timed with curl).
if want serve; then
  say "serve: the pages' API calls and a re-plan on the samples"
  while IFS= read -r line; do rows+=("$line"); done < <(bash bench/serve_bench.sh "$S" "$work/serve")
fi

# --- The table ------------------------------------------------------------------------------------
{
  echo "Machine: $machine. Mode: $([ "$quick" = 1 ] && echo quick || echo full). $(date -u +%Y-%m-%d)."
  echo
  echo "| benchmark | command | figure | goal | verdict |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} | tee "$work/results.md"
say "table saved to $work/results.md; log in $log"
