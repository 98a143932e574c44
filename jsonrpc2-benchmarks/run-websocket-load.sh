#!/usr/bin/env bash
# WebSocket load test: the raw Netty WebSocket echo (the ceiling) and the JSON-RPC HTTP server's
# WebSocket (a @NonBlocking echo, then the plain echo users write), each in its own JVM pinned to
# one core, driven by WebSocketLoad pinned to another.
# Prints one table row per configuration and the JSON-RPC/ceiling ratios.
#
# Environment: SERVER_CPU (default 0), LOAD_CPU (default 1), WARMUP seconds (default 15, per
# server), MEASURE seconds per row (default 10), ROWS (default "1x32 32x1"), SKIP_BUILD=1 to reuse
# jsonrpc2-benchmarks/target/benchmarks.jar, JAVA (default java), JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."

SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
WARMUP=${WARMUP:-15}
MEASURE=${MEASURE:-10}
ROWS=${ROWS:-"1x32 32x1"}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-"-Xms512m -Xmx512m"}
JAR=jsonrpc2-benchmarks/target/benchmarks.jar

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -pl jsonrpc2-benchmarks -am package -DskipTests
fi

server_pid=
cleanup() { [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT

# run_mode raw|jsonrpc|plain: starts the server, runs every row against it, stops it
run_mode() {
  local mode=$1 log
  log=$(mktemp)
  taskset -c "$SERVER_CPU" "$JAVA" $JAVA_OPTS -cp "$JAR" io.jsonrpc2.benchmarks.websocket.WebSocketLoadServer "$mode" 0 1 >"$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 150); do
    grep -q '^READY' "$log" && break
    sleep 0.2
  done
  local port
  port=$(awk '/^READY/ {print $2}' "$log")
  [[ -n "$port" ]] || { echo "server $mode did not start:" >&2; cat "$log" >&2; exit 1; }
  # shellcheck disable=SC2086
  taskset -c "$LOAD_CPU" "$JAVA" $JAVA_OPTS -cp "$JAR" io.jsonrpc2.benchmarks.websocket.WebSocketLoad \
    --port "$port" --server-pid "$server_pid" --warmup "$WARMUP" --measure "$MEASURE" --label "$mode" $ROWS
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=
  rm -f "$log"
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); server on CPU $SERVER_CPU, load on CPU $LOAD_CPU; warm-up ${WARMUP}s, ${MEASURE}s per row"
echo "| server | connections x in flight | req/s | p50 µs | p99 µs | server CPU µs/req | errors |"
echo "|---|---|---:|---:|---:|---:|---:|"
results=$(mktemp)
{ run_mode raw; run_mode jsonrpc; run_mode plain; } | tee "$results"
echo
awk -F'|' '
  { gsub(/ /, "", $2); gsub(/ /, "", $3); gsub(/[ ,]/, "", $4); gsub(/ /, "", $7)
    rate[$2 "|" $3] = $4; cpu[$2 "|" $3] = $7; if (!($3 in seen)) { seen[$3] = 1; order[++n] = $3 } }
  END {
    for (i = 1; i <= n; i++) {
      c = order[i]
      for (m = 1; m <= 2; m++) {
        mode = m == 1 ? "jsonrpc" : "plain"
        if (rate["raw|" c] > 0 && rate[mode "|" c] > 0)
          printf "%s / ceiling at %s: %.2fx the req/s; by server CPU per request %.2fx (ceiling CPU / %s CPU)\n", mode, c, rate[mode "|" c] / rate["raw|" c], cpu["raw|" c] / cpu[mode "|" c], mode
      }
    }
  }' "$results"
rm -f "$results"
