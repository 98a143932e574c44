#!/usr/bin/env bash
# ZeroMQ load test. Each server runs in its own JVM (so that its CPU time can be read from /proc),
# the load generator in another; one Markdown table row per configuration:
#   raw    / raw     bare JeroMQ ROUTER echo, bare DEALER load: the ceiling
#   router / raw     ZmqServer (ROUTER, @NonBlocking echo), same bare DEALER load
#   router / dealer  ZmqServer (ROUTER), JsonRpcClient over ZmqClientTransport (DEALER)
#   rep    / req     ZmqServer (REP), JsonRpcClient over ZmqClientTransport (REQ), one call at a time
#
# By default neither JVM is pinned: a JeroMQ application thread and JeroMQ's I/O thread sharing one
# core stall each other (see "JeroMQ caveats" in docs/zeromq.md), which would measure JeroMQ's
# scheduling trouble rather than the transport. SERVER_CPU=0 LOAD_CPU=1 pins them as the netstring
# test does.
#
# Environment: SERVER_CPU (default 0-1), LOAD_CPU (default 0-1), WARMUP seconds before a server's
# first row (default 15), MEASURE seconds per row (default 10), IN_FLIGHT (default "1 16 64 256"),
# SKIP_BUILD=1 to reuse jsonrpc2-benchmarks/target/benchmarks.jar, MVN_FLAGS (such as -o), JAVA,
# JAVA_OPTS. Nothing is installed into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."

SERVER_CPU=${SERVER_CPU:-0-1}
LOAD_CPU=${LOAD_CPU:-0-1}
WARMUP=${WARMUP:-15}
MEASURE=${MEASURE:-10}
IN_FLIGHT=${IN_FLIGHT:-"1 16 64 256"}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-"-Xms512m -Xmx512m"}
JAR=jsonrpc2-benchmarks/target/benchmarks.jar

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # shellcheck disable=SC2086
  mvn -B -q ${MVN_FLAGS:-} -pl jsonrpc2-benchmarks -am package -DskipTests
fi

server_pid=
cleanup() { [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT

# run SERVER_MODE CLIENT IN_FLIGHT...: starts the server, runs the rows against it, stops it
run() {
  local mode=$1 client=$2 log endpoint
  shift 2
  log=$(mktemp)
  # shellcheck disable=SC2086
  taskset -c "$SERVER_CPU" "$JAVA" $JAVA_OPTS -cp "$JAR" io.jsonrpc2.benchmarks.zeromq.ZmqLoadServer "$mode" >"$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 150); do
    grep -q '^READY' "$log" && break
    sleep 0.2
  done
  endpoint=$(awk '/^READY/ {print $2}' "$log")
  [[ -n "$endpoint" ]] || { echo "server $mode did not start:" >&2; cat "$log" >&2; exit 1; }
  # shellcheck disable=SC2086
  taskset -c "$LOAD_CPU" "$JAVA" $JAVA_OPTS -cp "$JAR" io.jsonrpc2.benchmarks.zeromq.ZmqLoad \
    --endpoint "$endpoint" --server-pid "$server_pid" --client "$client" --label "$mode" \
    --warmup "$WARMUP" --measure "$MEASURE" "$@"
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=
  rm -f "$log"
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); server on CPU $SERVER_CPU, load on CPU $LOAD_CPU; warm-up ${WARMUP}s, ${MEASURE}s per row; $("$JAVA" -version 2>&1 | head -1)"
echo "| server | client | in flight | req/s | p50 µs | p99 µs | server CPU µs/req | errors |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
# shellcheck disable=SC2086
run raw raw $IN_FLIGHT
# shellcheck disable=SC2086
run router raw $IN_FLIGHT
# shellcheck disable=SC2086
run router dealer $IN_FLIGHT
run rep req 1
