# The dashboard benchmark (issue 5), sourced by bin/bench after bench/fleet/bench.sh: it reuses their database,
# panel, login, simulator and history seeding. What each figure is: docs/BENCHMARKS.md, "Dashboard".
#   bin/bench dashboard [--nodes N] [--record]   the dashboard of N simulated nodes (default 500): full page and
#                                                htmx refresh (server time, bytes), then time to the first chart in
#                                                Chromium for 30 d and 365 d of history

DASH_REQUESTS=200
DASH_WARMUP=30
CHART_RUNS=15

# p50 / p95 in ms of DASH_REQUESTS sequential GETs (after DASH_WARMUP unmeasured ones), with the session;
# the extra arguments go to curl (headers). The last answer is kept in $DATA/last.html.
time_gets() {
  local path=$1 i
  shift
  for i in $(seq 1 "$DASH_WARMUP"); do
    curl -s --max-time 30 -o /dev/null -H "Cookie: fp_session=$SESSION" "$@" "$BASE/$PANEL_UID/$path"
  done
  for i in $(seq 1 "$DASH_REQUESTS"); do
    curl -s --max-time 30 -o "$DATA/last.html" -w '%{http_code} %{time_total}\n' -H "Cookie: fp_session=$SESSION" "$@" \
      "$BASE/$PANEL_UID/$path"
  done >"$DATA/times.txt"
  awk '$1 != 200 { bad++ } END { exit bad > 0 }' "$DATA/times.txt" || die "GET /$path answered other than 200"
  awk '{ print $2 }' "$DATA/times.txt" | sort -n \
    | awk '{ t[NR] = $1 } END { printf "%.1f / %.1f", t[int(NR * 0.5)] * 1000, t[int(NR * 0.95)] * 1000 }'
}

# "raw / gzip" sizes of the last answer: gzip -1 is what the bundled nginx sends (gzip on, level 1).
sizes() {
  printf '%s / %s' "$(stat -c %s "$DATA/last.html")" "$(gzip -1 -c "$DATA/last.html" | wc -c)"
}

# The poller's request as the page left it (entities decoded).
poll_url() {
  sed -n 's/.*id="dash-poll"[^>]*hx-get="\([^"]*\)".*/\1/p' "$1" | head -n 1 | sed 's/&amp;/\&/g'
}

online_count() {
  api_get api/servers/status | python3 -c 'import json,sys; print(sum(1 for s in json.load(sys.stdin) if s["status"] == "online"))'
}

dashboard_markdown() {
  local commit
  commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
  cat <<EOF
Measured $(date +%Y-%m-%d) at commit $commit, $(nproc) cores (load average ${FIG[load_start]} at the start):
${FIG[nodes]} simulated nodes (${FIG[sim_mix]}; ${FIG[online]} online when measured), poll interval 10 s, panel
and simulator on the same machine; $DASH_REQUESTS sequential requests after $DASH_WARMUP unmeasured ones.

| Figure | Value |
|---|---|
| Dashboard, full page, ${FIG[nodes]} cards: server time p50 / p95 | ${FIG[page_ms]} ms |
| Dashboard, full page: bytes (raw / gzip as nginx sends it) | ${FIG[page_bytes]} |
| htmx refresh one poll interval after the last (${FIG[refresh_cards]} cards changed): server time p50 / p95 | ${FIG[refresh_ms]} ms |
| htmx refresh one poll interval after the last: bytes (raw / gzip) | ${FIG[refresh_bytes]} |
| htmx refresh with nothing changed since the last: server time p50 / p95 | ${FIG[idle_ms]} ms |
| htmx refresh with nothing changed: bytes (raw / gzip) | ${FIG[idle_bytes]} |
| Server details, 30 d (${FIG[chart_30d_points]} points a series), navigation to charts drawn, cold / warm cache: p50 (p95) | ${FIG[chart_30d_cold_p50_ms]} (${FIG[chart_30d_cold_p95_ms]}) ms / ${FIG[chart_30d_warm_p50_ms]} (${FIG[chart_30d_warm_p95_ms]}) ms |
| Server details, 365 d (${FIG[chart_365d_points]} points a series), navigation to charts drawn, cold / warm cache: p50 (p95) | ${FIG[chart_365d_cold_p50_ms]} (${FIG[chart_365d_cold_p95_ms]}) ms / ${FIG[chart_365d_warm_p50_ms]} (${FIG[chart_365d_warm_p95_ms]}) ms |
EOF
}

bench_dashboard() {
  local nodes=500 record_figures=false
  while (($#)); do
    case "$1" in
      --nodes) nodes=$2; shift 2 ;;
      --record) record_figures=true; shift ;;
      *) usage ;;
    esac
  done
  [[ "$nodes" =~ ^[0-9]+$ ]] && ((nodes > 0)) || usage
  need_tools
  command -v python3 >/dev/null || die "python3 is not installed"
  [[ -x /usr/bin/chromium ]] || die "Chromium is not installed (bin/fleetpanel test installs it)"
  build_if_missing
  build_simulator_if_missing
  parse_db_url
  port_free || die "port $PORT is in use; set FLEETPANEL_BENCH_PORT"
  trap 'stop_simulator; cleanup' EXIT
  trap 'exit 130' INT TERM
  create_database
  FIG[load_start]=$(cut -d' ' -f1 /proc/loadavg)
  FIG[nodes]=$nodes
  say "Starting the panel on database $DB_NAME (log: $DATA/panel.log)..."
  measure_startup
  login
  say "Enrolling $nodes simulated nodes (log: $DATA/fleet-sim.err)..."
  start_simulator "$nodes"
  FIG[sim_mix]=$(sed -n 's/^ready .*(\(.*\)).*/\1/p' "$DATA/fleet-sim.out")
  # Until the poller has seen most of the fleet (the simulator's 15% misbehaving nodes never all answer).
  say "Letting the poller collect until 80% of the nodes are online (3 minutes at most)..."
  local waited
  for waited in $(seq 0 5 180); do
    FIG[online]=$(online_count)
    ((FIG[online] * 5 >= nodes * 4)) && break
    sleep 5
  done
  say "${FIG[online]} of $nodes nodes online after ${waited} s."

  say "Timing the full dashboard..."
  FIG[page_ms]=$(time_gets dashboard)
  grep -q "id=\"card-" "$DATA/last.html" || die "the dashboard shows no card"
  FIG[page_bytes]=$(sizes)
  cp "$DATA/last.html" "$DATA/dashboard.html"

  # One poll interval after the page: every card whose figures moved since then is in the answer. The same
  # token is sent every time, so each measured refresh carries one interval's changes (or more), never fewer.
  local poll
  poll=$(poll_url "$DATA/dashboard.html")
  [[ -n "$poll" ]] || die "no poller on the dashboard"
  say "Waiting one poll interval, then timing the refresh (${poll%%&*}...)..."
  sleep 11
  FIG[refresh_ms]=$(time_gets "$poll" -H 'HX-Request: true')
  FIG[refresh_bytes]=$(sizes)
  FIG[refresh_cards]=$(grep -o 'id="card-' "$DATA/last.html" | wc -l)

  # A browser that refreshed a moment ago: the token of the answer before is current, nothing changed.
  say "Timing the refresh with nothing changed..."
  local fresh i
  for i in $(seq 1 "$DASH_REQUESTS"); do
    curl -s --max-time 30 -o "$DATA/refresh.html" -H "Cookie: fp_session=$SESSION" -H 'HX-Request: true' \
      "$BASE/$PANEL_UID/$poll"
    fresh=$(poll_url "$DATA/refresh.html")
    curl -s --max-time 30 -o "$DATA/last.html" -w '%{time_total}\n' -H "Cookie: fp_session=$SESSION" \
      -H 'HX-Request: true' "$BASE/$PANEL_UID/$fresh"
  done | sort -n | awk '{ t[NR] = $1 } END { printf "%.1f / %.1f\n", t[int(NR * 0.5)] * 1000, t[int(NR * 0.95)] * 1000 }' \
    >"$DATA/idle.txt"
  FIG[idle_ms]=$(cat "$DATA/idle.txt")
  FIG[idle_bytes]=$(sizes)

  local id
  id=$(python3 -c 'import json,sys; print(next(n["server_id"] for n in json.load(open(sys.argv[1])) if n["behaviour"] == "normal"))' \
    "$DATA/fleet-nodes.json")
  say "Seeding a year of history for server $id, then timing its charts in Chromium ($CHART_RUNS loads each)..."
  seed_history "$id"
  local out="$ROOT/panel/target/bench/charts.properties"
  rm -f "$out"
  (cd "$ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 FLEETPANEL_REQUIRE_SYSTEM_TESTS=1 \
    mvn -B -q verify -pl panel -Dit.test=ChartBench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
      -Dfailsafe.failIfNoSpecifiedTests=false -Dspotless.check.skip=true \
      -Dfleetpanel.bench.base="$BASE/$PANEL_UID/" -Dfleetpanel.bench.password="$ADMIN_PASSWORD" \
      -Dfleetpanel.bench.server="$id" -Dfleetpanel.bench.runs="$CHART_RUNS") \
    >"$ROOT/panel/target/chart-bench.log" 2>&1 || die "the chart benchmark failed (log: panel/target/chart-bench.log)"
  [[ -f "$out" ]] || die "the chart benchmark wrote no figures (log: panel/target/chart-bench.log)"
  local key value
  while IFS='=' read -r key value; do FIG[$key]=$value; done <"$out"
  stop_simulator

  printf '\nFleet Panel benchmark: dashboard\n\n'
  dashboard_markdown
  if $record_figures; then record_between dashboard "$(dashboard_markdown)"; fi
}
