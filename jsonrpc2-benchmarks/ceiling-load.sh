# Shared by run-netstring-load.sh and run-websocket-load.sh, which set SERVER_MAIN (a main taking
# raw|jsonrpc|plain PORT THREADS and printing READY <port>), LOAD_MAIN (a main taking NetstringLoad's
# arguments), DEFAULT_ROWS, and cd to the repository root before sourcing this. Environment as
# those scripts describe.

SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
WARMUP=${WARMUP:-15}
MEASURE=${MEASURE:-10}
ROWS=${ROWS:-$DEFAULT_ROWS}
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
  taskset -c "$SERVER_CPU" "$JAVA" $JAVA_OPTS -cp "$JAR" "$SERVER_MAIN" "$mode" 0 1 >"$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 150); do
    grep -q '^READY' "$log" && break
    sleep 0.2
  done
  local port
  port=$(awk '/^READY/ {print $2}' "$log")
  [[ -n "$port" ]] || { echo "server $mode did not start:" >&2; cat "$log" >&2; exit 1; }
  # shellcheck disable=SC2086
  taskset -c "$LOAD_CPU" "$JAVA" $JAVA_OPTS -cp "$JAR" "$LOAD_MAIN" \
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
