#!/usr/bin/env bash
# Builds the bench, makes the mTLS material and measures every candidate container, then the JVM levers for one.
# Prints two markdown tables (also written to target/results.md). Loopback only; every loop is bounded and
# every process started here is stopped by its own pid (also on Ctrl-C / error).
#   POLL_SECONDS   length of the once-per-second polling phase (default 120)
#   CANDIDATES     default "jdk grizzly jetty netty"
#   LEVERS_FOR     candidate whose JVM levers are measured (default jdk; "" to skip)
#   LAT_N          keep-alive requests measured for p50/p99 (default 3000, after 500 warm-up)
set -euo pipefail
cd "$(dirname "$0")"
POLL=${POLL_SECONDS:-120}
CANDS=${CANDIDATES-jdk grizzly jetty netty} # CANDIDATES="" measures only the levers
LEVERS_FOR=${LEVERS_FOR-jdk}
LAT_N=${LAT_N:-3000}
WARM=500
PW=changeit
C=target/certs
BASE_OPTS="-Xmx32m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxMetaspaceSize=48m"
TICK_MS=$((1000 / $(getconf CLK_TCK)))
OUT=target/results.md

mvn -q -B package -DskipTests
./certs.sh "$C" >/dev/null

declare -A PID PORT START IDLE POLLED CPUPOLL CPUKA LAT NOCERT WRONGCA SSE SSEPLAIN NAMEOPTS
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done; PIDS=(); }
trap cleanup EXIT

classpath() { # candidate -> class path with the common jars and that candidate's server only
  local pat cont
  case $1 in
    jdk) pat='^$'; cont=jdk-http ;;
    grizzly) pat='^grizzly-'; cont=grizzly2-http ;;
    jetty) pat='^(jetty-|slf4j-)'; cont=jetty-http ;;
    netty) pat='^netty-|^jersey-netty-connector'; cont=netty-http ;;
  esac
  local jars=(target/agent-server-bench-1.jar) # a jar, not target/classes: CDS archives refuse directories
  for f in target/lib/*.jar; do
    b=$(basename "$f")
    if [[ $b =~ ^(jakarta\.|hk2-|aopalliance|javassist|osgi-resource|jersey-(common|server|client|hk2|media-sse)-) ]] \
       || [[ $b =~ $pat ]] || [[ $b == jersey-container-$cont-* ]]; then jars+=("$f"); fi
  done
  (IFS=:; echo "${jars[*]}")
}
CURL=(curl -s --max-time 5 --cacert "$C/node-ca.crt")
MTLS=(--cert "$C/client.crt" --key "$C/client.key")
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
mb() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }

# launch NAME CANDIDATE PORT OPTS... : start, time to first 200 over mTLS, idle RSS 5 s later
launch() {
  local name=$1 cand=$2 port=$3; shift 3
  local cp; cp=$(classpath "$cand")
  local t0 t1 ok=0
  t0=$(date +%s%N)
  java "$@" -cp "$cp" bench.Main "$cand" "$port" "$C/server.p12" "$C/client-ca.p12" "$PW" >"target/$name.log" 2>&1 &
  PID[$name]=$!; PIDS+=($!); PORT[$name]=$port
  for _ in $(seq 1500); do # at most ~15-30 s
    if [[ $("${CURL[@]}" "${MTLS[@]}" -o /dev/null -w '%{http_code}' "https://127.0.0.1:$port/health" 2>/dev/null) == 200 ]]; then ok=1; break; fi
    sleep 0.01
  done
  t1=$(date +%s%N)
  if [[ $ok == 1 ]]; then START[$name]=$(( (t1 - t0) / 1000000 )); else START[$name]=FAIL; fi
  sleep 5
  IDLE[$name]=$(mb "$(rss_kb "${PID[$name]}")")
}

refusal() { # PORT [cert key] -> how a client without an accepted certificate is treated
  local port=$1; shift
  local err code rc=0
  err=$("${CURL[@]}" -S -o /dev/null -w '%{http_code}' "$@" "https://127.0.0.1:$port/health" 2>&1) || rc=$?
  code=${err: -3}
  local rc12=0
  "${CURL[@]}" -o /dev/null --tlsv1.2 --tls-max 1.2 "$@" "https://127.0.0.1:$port/health" 2>/dev/null || rc12=$?
  local how12="TLS 1.2: curl $rc12"; [[ $rc12 == 35 ]] && how12="TLS 1.2: handshake fails (curl 35)"
  if [[ $rc == 0 ]]; then echo "ACCEPTED (HTTP $code)";
  elif [[ $err == *alert* ]]; then echo "refused, TLS 1.3: $(grep -o 'alert [a-z ]*' <<<"$err" | head -1 | sed 's/ *$//'); $how12";
  elif [[ $err == *reset* ]]; then echo "refused, TLS 1.3: reset, no alert; $how12";
  elif [[ $rc == 52 ]]; then echo "refused, TLS 1.3: closed, no alert; $how12";
  else echo "refused, TLS 1.3: curl $rc; $how12"; fi
}

sse_check() { # PORT PATH -> spaced | buffered | fails
  local port=$1 path=$2
  local times
  times=$(timeout 10 "${CURL[@]}" --max-time 8 -N "${MTLS[@]}" "https://127.0.0.1:$port$path" 2>/dev/null \
    | while IFS= read -r line; do [[ $line == data:* ]] && date +%s%N; done || true)
  local n; n=$(grep -c . <<<"$times" || true)
  if [[ $n -lt 3 ]]; then echo "fails ($n/3 events)"; return; fi
  local span=$(( ($(tail -1 <<<"$times") - $(head -1 <<<"$times")) / 1000000 ))
  if [[ $span -ge 1500 ]]; then echo "yes, spaced (${span} ms first-last)"; else echo "buffered (${span} ms)"; fi
}

poll_all() { # NAMES... : every server polled once per second, a new mTLS connection each time, for POLL s
  local names=("$@") pollers=() n
  declare -A c0
  for n in "${names[@]}"; do c0[$n]=$(cpu_ticks "${PID[$n]}"); done
  for n in "${names[@]}"; do
    ( for _ in $(seq "$POLL"); do "${CURL[@]}" "${MTLS[@]}" -o /dev/null "https://127.0.0.1:${PORT[$n]}/api/metrics" || true; sleep 1; done ) &
    pollers+=($!)
  done
  for p in "${pollers[@]}"; do wait "$p"; done
  for n in "${names[@]}"; do
    POLLED[$n]=$(mb "$(rss_kb "${PID[$n]}")")
    CPUPOLL[$n]=$(awk -v d=$(( $(cpu_ticks "${PID[$n]}") - c0[$n] )) -v t="$TICK_MS" -v n="$POLL" 'BEGIN {printf "%.2f", d * t / n}')
  done
}

latency() { # NAME : keep-alive p50/p99 of /api/metrics and server CPU per request
  local n=$1 c0 c1 r
  c0=$(cpu_ticks "${PID[$n]}")
  r=$(java -Xshare:auto -cp target/agent-server-bench-1.jar bench.Client "https://127.0.0.1:${PORT[$n]}/api/metrics" \
      "$C/client.p12" "$C/node-ca.p12" "$PW" "$WARM" "$LAT_N" 2>&1 | tail -1) || r="FAIL FAIL 0"
  c1=$(cpu_ticks "${PID[$n]}")
  LAT[$n]=$(awk '{printf "%s / %s", $1, $2}' <<<"$r")
  CPUKA[$n]=$(awk -v d=$((c1 - c0)) -v t="$TICK_MS" -v n=$((WARM + LAT_N)) 'BEGIN {printf "%.2f", d * t / n}')
}

caps() {
  case $1 in
    jdk) echo "idle (sun.net.httpserver.idleInterval), request/response time (maxReqTime/maxRspTime), cap (jdk.httpserver.maxConnections): system properties" ;;
    grizzly) echo "idle (KeepAlive idleTimeoutInSeconds), transport read/write timeouts; no connection cap" ;;
    jetty) echo "idle (ServerConnector.setIdleTimeout), cap (ConnectionLimit / NetworkConnectionLimit bean)" ;;
    netty) echo "not exposed: Jersey builds the pipeline (no idle handler, no cap) without forking the provider" ;;
  esac
}

echo "== candidates: $CANDS (JVM options: $BASE_OPTS)" >&2
port=18443; names=()
for cand in $CANDS; do
  launch "$cand" "$cand" "$port" $BASE_OPTS
  NOCERT[$cand]=$(refusal "$port")
  WRONGCA[$cand]=$(refusal "$port" --cert "$C/server.crt" --key "$C/server.key")
  SSE[$cand]=$(sse_check "$port" /api/events)
  SSEPLAIN[$cand]=$(sse_check "$port" /api/events-plain)
  names+=("$cand"); port=$((port + 1))
  echo "   $cand: start ${START[$cand]} ms, idle ${IDLE[$cand]} MB" >&2
done
echo "== polling all once per second for $POLL s" >&2
poll_all "${names[@]}"
for n in "${names[@]}"; do latency "$n"; done
cleanup

{
  echo "JVM options: \`$BASE_OPTS\`; poll: $POLL s once per second, new mTLS connection each time; keep-alive: $WARM + $LAT_N GETs of /api/metrics"
  echo
  echo "| candidate | start-up to first mTLS 200 (ms) | RSS idle (MB) | RSS after polling (MB) | CPU/poll, new conn, incl. idle (ms) | CPU/req keep-alive (ms) | p50 / p99 keep-alive (ms) | no client cert | cert from the other issuer | SSE (jersey-media-sse) | SSE as StreamingOutput | timeouts / connection cap |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  for n in "${names[@]}"; do
    echo "| $n | ${START[$n]} | ${IDLE[$n]} | ${POLLED[$n]} | ${CPUPOLL[$n]} | ${CPUKA[$n]} | ${LAT[$n]} | ${NOCERT[$n]} | ${WRONGCA[$n]} | ${SSE[$n]} | ${SSEPLAIN[$n]} | $(caps "$n") |"
  done
} > "$OUT"

if [[ -n $LEVERS_FOR ]]; then
  cand=$LEVERS_FOR
  jsa=target/app-$cand.jsa
  echo "== CDS training run for $cand" >&2
  rm -f "$jsa"
  launch cds-train "$cand" 18499 $BASE_OPTS -XX:ArchiveClassesAtExit="$jsa"
  "${CURL[@]}" "${MTLS[@]}" -o /dev/null "https://127.0.0.1:18499/api/metrics" || true
  sse_check 18499 /api/events-plain >/dev/null
  kill "${PID[cds-train]}"; wait "${PID[cds-train]}" 2>/dev/null || true; PIDS=()
  [[ -f $jsa ]] || echo "   no CDS archive written" >&2
  LEVER_NAMES=(L0 L1 L2 L3 L4 L5)
  NAMEOPTS[L0]=""
  NAMEOPTS[L1]="-Xmx32m"
  NAMEOPTS[L2]="-Xmx32m -XX:+UseSerialGC"
  NAMEOPTS[L3]="$BASE_OPTS"
  NAMEOPTS[L4]="$BASE_OPTS -XX:SharedArchiveFile=$jsa"
  NAMEOPTS[L5]="-Xmx16m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxMetaspaceSize=48m -XX:ReservedCodeCacheSize=16m -XX:SharedArchiveFile=$jsa"
  echo "== levers for $cand" >&2
  port=18460
  for l in "${LEVER_NAMES[@]}"; do
    launch "$l" "$cand" "$port" ${NAMEOPTS[$l]}
    echo "   $l: start ${START[$l]} ms, idle ${IDLE[$l]} MB" >&2
    port=$((port + 1))
  done
  echo "== polling the levers once per second for $POLL s" >&2
  poll_all "${LEVER_NAMES[@]}"
  for l in "${LEVER_NAMES[@]}"; do latency "$l"; done
  cleanup
  {
    echo
    echo "Levers for $cand (same measurements; each row adds to or changes the one above):"
    echo
    echo "| lever | JVM options | start-up (ms) | RSS idle (MB) | RSS after polling (MB) | CPU/poll (ms) | CPU/req keep-alive (ms) | p50 / p99 (ms) |"
    echo "|---|---|---|---|---|---|---|---|"
    for l in "${LEVER_NAMES[@]}"; do
      echo "| $l | \`${NAMEOPTS[$l]:-(JVM defaults)}\` | ${START[$l]} | ${IDLE[$l]} | ${POLLED[$l]} | ${CPUPOLL[$l]} | ${CPUKA[$l]} | ${LAT[$l]} |"
    done
  } >> "$OUT"
fi
cat "$OUT"
