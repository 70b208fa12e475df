#!/usr/bin/env bash
# `samdrift serve` on the samples: every page's API calls timed (the first answer, computed, and
# the second, cached) and a re-plan after a scenario change (PUT the scenario, then the views the
# page asks again). Prints Markdown table rows (benchmark | command | figure | goal | verdict), as
# bench/run.sh --parts serve collects them; use a Release build.
#   bash bench/serve_bench.sh [SAMDRIFT] [WORK]
#       (defaults: build/tools/samdrift, $TMPDIR/samdrift-serve-bench)
#   SERVE_BENCH_DB=/path/est.db SERVE_BENCH_SCENARIO=FILE: time the asset pages (and, with the
#       scenario, the views) over another store instead, served --read-only; nothing is written.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
S=$(realpath "${1:-build/tools/samdrift}")
work="${2:-${TMPDIR:-/tmp}/samdrift-serve-bench}"
rm -rf "$work"
mkdir -p "$work/scenarios"
say() { echo "serve-bench: $*" >&2; }

read_only=()
if [ -n "${SERVE_BENCH_DB:-}" ]; then
  db=$SERVE_BENCH_DB
  read_only=(--read-only)
  [ -n "${SERVE_BENCH_SCENARIO:-}" ] && cp "$SERVE_BENCH_SCENARIO" "$work/scenarios/arbete.yaml"
else
  say "making the demo store"
  "$S" demo --out "$work/demo" >"$work/demo.log" 2>&1
  db="$work/demo/samdrift.db"
  for f in sample-inventories/scenario.yaml sample-inventories/alternativ-*.yaml; do
    sed "s|^costs: costs.yaml|costs: $root/sample-inventories/costs.yaml|" "$f" >"$work/scenarios/$(basename "$f")"
  done
  cp "$work/scenarios/scenario.yaml" "$work/scenarios/arbete.yaml"
fi

"$S" --db "$db" serve --port 0 --scenarios "$work/scenarios" "${read_only[@]}" >"$work/serve.out" 2>"$work/serve.err" &
pid=$!
trap 'kill -INT $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
started=$(date +%s.%N)
until grep -q 'http://' "$work/serve.out" 2>/dev/null; do
  kill -0 $pid 2>/dev/null || { cat "$work/serve.err" >&2; exit 1; }
  sleep 0.05
done
start_s=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
url=$(grep -o 'http://[^ ]*/' "$work/serve.out" | head -1)
token=$(curl -sf "${url}api/session" | jq -r .token)

# ms METHOD PATH [BODY-FILE]: one request's time in ms. The server's own account (its
# Server-Timing header: base loaded, steps planned, JSON written) and an HTTP status other than
# success are left in $work/timing.
ms() {
  local args=(-s -o /dev/null -D "$work/headers" -w '%{time_total} %{http_code}' -X "$1" -H "X-Samdrift-Token: $token")
  [ -n "${3:-}" ] && args+=(--data-binary "@$3" -H 'Content-Type: text/yaml')
  curl "${args[@]}" "$url${2#/}" >"$work/answer"
  awk '{ printf "%.0f", $1 * 1000 }' "$work/answer"
  { grep -i '^server-timing:' "$work/headers" || true; } | sed 's/^[^:]*: //; s/;dur=/ /g; s/\r//' >"$work/timing"
  awk '$2 >= 300 { printf "HTTP %s", $2 }' "$work/answer" >>"$work/timing"
}
worst=0
row() { echo "| $1 | $2 | $3 | $4 | $5 |"; }
verdict() { awk -v v="$1" -v g="$2" 'BEGIN { print (v <= g) ? "**met**" : "**not met**" }'; }

# The page's calls (what its render() asks; the scenario page validates the text it loaded).
sc=arbete
# The asset list's text index is read at the start, beside the planning base: wait for it (a
# search in an org no asset has answers at once either way) and say when it was ready.
# (A binary without the index answers no Server-Timing here: not waited for.)
index_s="(no index)"
for _ in $(seq 1200); do
  searched=$(curl -s -D - -o /dev/null "${url}api/assets?limit=0&org=-&q=zz" |
    sed -n 's/^[Ss]erver-[Tt]iming: *\([a-z-]*\).*/\1/p')
  [ -z "$searched" ] && break
  if [ "$searched" = search-index ]; then
    index_s=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f s", b - a }')
    break
  fi
  sleep 0.5
done
# The first org's first asset by name (its page is timed); the org list's first call is timed
# here, the page's is then the kept list.
orgs_ms=$(ms GET /api/orgs)
org1=$(curl -sf "${url}api/orgs" | jq -r '.orgs[0].id')
first=$(curl -sf "${url}api/assets?limit=1&sort=name&org=$org1" | jq -r '.rows[0] | "\(.org)/\(.kind)/\(.key|@uri)"')
declare -A pages=(
  [assets]="GET /api/orgs;GET /api/scenarios;GET /api/assets?limit=50&sort=name;GET /api/assets?limit=50&org=${first%%/*};GET /api/assets?limit=50&category=network&sort=-vendor;GET /api/assets?limit=50&q=web"
  [asset]="GET /api/assets/$first;GET /api/assets/$first?concerns=kept&scenario=$sc"
  [overlap]="GET /api/overlap?scenario=$sc;GET /api/target?scenario=$sc"
  [halls]="GET /api/halls?scenario=$sc;GET /api/halls/elevations?scenario=$sc&hall=DC1;GET /api/halls/elevations?scenario=$sc&hall=DC2"
  [plan]="GET /api/plan?scenario=$sc"
  [risk]="GET /api/risk?scenario=$sc"
  [compare]="GET /api/compare?scenario=alternativ-1-teknik&scenario=alternativ-2"
  [scenario]="GET /api/target?scenario=$sc;GET /api/overlap?scenario=$sc;GET /api/scenarios/$sc;GET /api/scenarios/$sc/history;POST /api/scenarios/validate?name=$sc.yaml"
)
order=(assets overlap halls plan risk compare scenario asset)
[ -n "${SERVE_BENCH_DB:-}" ] && order=(assets asset)
# Without a scenario the asset page's concerns are asked as the page asks them (concerns=kept:
# answered at once, nothing planned, when no plan is kept).
[ -n "${SERVE_BENCH_DB:-}" ] && [ -z "${SERVE_BENCH_SCENARIO:-}" ] && pages[asset]="GET /api/assets/$first;GET /api/assets/$first?concerns=kept"
cp "$work/scenarios/$sc.yaml" "$work/body.yaml" 2>/dev/null || echo "name: x" >"$work/body.yaml"
for page in "${order[@]}"; do
  IFS=';' read -ra calls <<<"${pages[$page]}"
  cold=() warm=()
  for call in "${calls[@]}"; do
    method=${call%% *} path=${call#* }
    body=$([ "$method" = POST ] && echo "$work/body.yaml" || true)
    c=$(ms "$method" "$path" "$body")
    t=$(tr "\n" " " <"$work/timing" | sed "s/ *$//")
    w=$(ms "$method" "$path" "$body")
    cold+=("${path%%\?*}${t:+ [server: $t]} ${c}") warm+=("$w")
    [ "$c" -gt "$worst" ] && worst=$c
  done
  total_cold=$(printf '%s\n' "${cold[@]}" | awk '{ s += $NF } END { print s }')
  total_warm=$(printf '%s\n' "${warm[@]}" | awk '{ s += $1 } END { print s }')
  row "serve: page $page" "$(printf '%s; ' "${calls[@]}" | sed 's/; $//')" \
    "first ${total_cold} ms ($(printf '%s ms, ' "${cold[@]}" | sed 's/, $//')); again ${total_warm} ms" \
    "each call < 200 ms" "$(verdict "$(printf '%s\n' "${cold[@]}" | awk '{ if ($NF > m) m = $NF } END { print m + 0 }')" 200)"
done

# A re-plan: the standard of one capability changed in the working scenario, saved, and the
# views the pages show after it (the target's gaps, the plan, the figures of compare).
if [ -z "${SERVE_BENCH_DB:-}" ]; then
  for i in 1 2 3; do
    tech=$([ $((i % 2)) = 1 ] && echo proxmox-ve-9 || echo vmware-esxi-8)
    sed "s/^  hypervisor: .*/  hypervisor: $tech/" "$work/scenarios/scenario.yaml" >"$work/changed.yaml"
    put=$(ms PUT "/api/scenarios/$sc" "$work/changed.yaml")
    target=$(ms GET "/api/target?scenario=$sc")
    plan=$(ms GET "/api/plan?scenario=$sc")
    cmp=$(ms GET "/api/compare?scenario=$sc")
    echo "$((put + target + plan + cmp)) $put $target $plan $cmp"
  done >"$work/replan.txt"
  read -r total put target plan cmp < <(sort -n "$work/replan.txt" | sed -n 2p)
  # The Scenario page's "save as new": the file, its figures (compare) and its diff against the
  # scenario it came from (target, halls, plan and compare of both; the origin's are kept).
  sed 's/^  max_hours: .*/  max_hours: 150/; s/^name: .*/name: Prov/' "$work/scenarios/scenario.yaml" >"$work/prov.yaml"
  new_put=$(ms PUT /api/scenarios/prov "$work/prov.yaml")
  new_cmp=$(ms GET "/api/compare?scenario=prov")
  new_diff=$(ms GET "/api/diff?from=$sc&to=prov")
  row "serve: save as new, its figures and its diff (once)" \
    "PUT /api/scenarios/prov (fewer hours a wave), GET /api/compare?scenario=prov, GET /api/diff?from=$sc&to=prov" \
    "$((new_put + new_cmp + new_diff)) ms (save ${new_put}, compare ${new_cmp}, diff ${new_diff})" "< 1000 ms" \
    "$(verdict "$((new_put + new_cmp + new_diff))" 1000)"
  row "serve: re-plan after a standard changed (median of 3)" \
    "PUT /api/scenarios/$sc, then GET /api/target, /api/plan, /api/compare of it" \
    "${total} ms (save ${put}, target ${target}, plan ${plan}, compare ${cmp})" "< 1000 ms" "$(verdict "$total" 1000)"
fi
row "serve: the org list, first call" "GET /api/orgs (after the text index is read: its counts)" "${orgs_ms} ms" "< 1000 ms" "$(verdict "$orgs_ms" 1000)"
row "serve: text search index read" "from the start until \`/api/assets?q=\` answers from memory (Server-Timing: search-index; read beside the planning base)" \
  "${index_s}" "(figure)" "–"
row "serve: start" "\`samdrift serve --port 0\` until it prints its URL (the store opened; the planning base then loads in the background, ready for the first view)" \
  "${start_s} s" "(figure)" "–"
