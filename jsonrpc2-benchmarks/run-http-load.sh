#!/usr/bin/env bash
# HTTP load test: wrk -t1 -c32 POSTing one echo call against
#   (a) our Netty HTTP server, (b) jsonrpc4j on Jetty 12, (c) our JsonRpcServlet on the same Jetty,
#   (a) and (c) each with a @NonBlocking echo and with the plain echo users write,
#   (d) a raw Netty HTTP server answering a fixed body (the ceiling),
#   (e) a servlet on the same Jetty reading the body and answering a fixed body (Jetty's ceiling).
# The server is pinned to one core and wrk to the other; each server is warmed up before it is
# measured. Prints one row per server (req/s, p99, and the server's own CPU use: the share of its
# core it got, and requests per CPU-second, which stays meaningful when other processes compete
# for the cores) and the ratios the targets are stated in.
#
# Warm-up lasts WARMUP seconds and, beyond that, until the server has used WARMUP_CPU seconds of
# CPU (at most 120 s more): on a contended core, seconds of wall time can leave the JIT unfinished.
#
# Environment: WARMUP (s, default 20), WARMUP_CPU (s, default 15), DURATION (s, default 30),
#              ROUNDS (default 3), SERVER_CPU (default 0), WRK_CPU (default 1), PORT (default 18080),
#              JAVA_OPTS (default "-Xms512m -Xmx512m"; e.g. add -Dio.jsonrpc2.netty.transport=epoll),
#              ONLY (main class names to run, space-separated; default all).
set -euo pipefail

cd "$(dirname "$0")/.."
WARMUP=${WARMUP:-20}
WARMUP_CPU=${WARMUP_CPU:-15}
DURATION=${DURATION:-30}
ROUNDS=${ROUNDS:-3}
SERVER_CPU=${SERVER_CPU:-0}
WRK_CPU=${WRK_CPU:-1}
PORT=${PORT:-18080}
JAR=jsonrpc2-benchmarks/target/benchmarks.jar
read -r -a JVM_OPTS <<<"${JAVA_OPTS:--Xms512m -Xmx512m}"
BODY='{"jsonrpc":"2.0","method":"echo","params":["hello"],"id":1}'

if ! command -v wrk >/dev/null; then
  apt-get install -y wrk >/dev/null
fi
if [[ ! -f $JAR || ${REBUILD:-1} == 1 ]]; then
  mvn -B -q -pl jsonrpc2-benchmarks -am package -DskipTests
fi

SCRIPT=$(mktemp --suffix=.lua)
trap 'rm -f "$SCRIPT"' EXIT
cat >"$SCRIPT" <<EOF
wrk.method = "POST"
wrk.body = '$BODY'
wrk.headers["Content-Type"] = "application/json"
EOF

# name:MainClass, or name:MainClass+plain for the echo without @NonBlocking
SERVERS=(
  "ceiling (raw Netty, fixed body):RawNettyHttpServer"
  "jsonrpc2 Netty HTTP server:NettyHttpEchoServer"
  "jsonrpc2 Netty HTTP server, plain method:NettyHttpEchoServer+plain"
  "jsonrpc4j 1.6 on Jetty 12:Jsonrpc4jJettyServer"
  "jsonrpc2 JsonRpcServlet on Jetty 12:ServletJettyServer"
  "jsonrpc2 JsonRpcServlet, plain method:ServletJettyServer+plain"
  "Jetty ceiling (servlet, fixed body):FixedReplyJettyServer"
)

wait_until_serving() {
  for _ in $(seq 1 150); do
    if curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d "$BODY" "http://127.0.0.1:$PORT/"; then
      return 0
    fi
    sleep 0.2
  done
  echo "server did not come up on port $PORT" >&2
  return 1
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICKS_PER_SECOND=$(getconf CLK_TCK)

declare -A RPS P99 EFF
printf '%-40s %10s %10s %8s %14s\n' "server" "req/s" "p99" "cpu" "req/cpu-s"
for round in $(seq 1 "$ROUNDS"); do
  for entry in "${SERVERS[@]}"; do
    name=${entry%%:*}
    main=${entry##*:}
    [[ -z ${ONLY:-} || " $ONLY " == *" ${main%%+*} "* ]] || continue
    mode=()
    [[ $main == *+plain ]] && mode=(plain)
    taskset -c "$SERVER_CPU" java "${JVM_OPTS[@]}" -cp "$JAR" "io.jsonrpc2.benchmarks.http.${main%%+*}" "$PORT" "${mode[@]}" >/dev/null 2>&1 &
    server=$!
    wait_until_serving
    reply=$(curl -s -X POST -H 'Content-Type: application/json' -d "$BODY" "http://127.0.0.1:$PORT/")
    [[ $reply == *'"result":"hello"'* ]] || { echo "$name answered: $reply" >&2; kill "$server"; exit 1; }
    taskset -c "$WRK_CPU" wrk -t1 -c32 -d"${WARMUP}s" -s "$SCRIPT" "http://127.0.0.1:$PORT/" >/dev/null
    for _ in $(seq 1 24); do
      (( $(cpu_ticks "$server") >= WARMUP_CPU * TICKS_PER_SECOND )) && break
      taskset -c "$WRK_CPU" wrk -t1 -c32 -d5s -s "$SCRIPT" "http://127.0.0.1:$PORT/" >/dev/null
    done
    before=$(cpu_ticks "$server")
    out=$(taskset -c "$WRK_CPU" wrk -t1 -c32 -d"${DURATION}s" --latency -s "$SCRIPT" "http://127.0.0.1:$PORT/")
    after=$(cpu_ticks "$server")
    kill "$server"
    wait "$server" 2>/dev/null || true
    if grep -q "Non-2xx" <<<"$out"; then
      echo "$name: non-2xx answers under load" >&2
      echo "$out" >&2
      exit 1
    fi
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    cpu_seconds=$(awk -v t=$((after - before)) -v hz="$TICKS_PER_SECOND" 'BEGIN {print t / hz}')
    cpu_share=$(awk -v c="$cpu_seconds" -v d="$DURATION" 'BEGIN {printf "%.0f%%", 100 * c / d}')
    efficiency=$(awk -v r="$requests" -v c="$cpu_seconds" 'BEGIN {printf "%.0f", r / c}')
    RPS[$main]=$rps
    P99[$main]=$p99
    EFF[$main]=$efficiency
    printf '%-40s %10s %10s %8s %14s   (round %d)\n' "$name" "$rps" "$p99" "$cpu_share" "$efficiency" "$round"
  done
  awk -v ours="${RPS[NettyHttpEchoServer]:-}" -v ceiling="${RPS[RawNettyHttpServer]:-}" \
      -v servlet="${RPS[ServletJettyServer]:-}" -v j4j="${RPS[Jsonrpc4jJettyServer]:-}" \
      -v e_ours="${EFF[NettyHttpEchoServer]:-}" -v e_ceiling="${EFF[RawNettyHttpServer]:-}" \
      -v e_servlet="${EFF[ServletJettyServer]:-}" -v e_j4j="${EFF[Jsonrpc4jJettyServer]:-}" \
      -v e_jetty="${EFF[FixedReplyJettyServer]:-}" \
      -v plain="${RPS[NettyHttpEchoServer+plain]:-}" -v splain="${RPS[ServletJettyServer+plain]:-}" \
      -v e_plain="${EFF[NettyHttpEchoServer+plain]:-}" -v e_splain="${EFF[ServletJettyServer+plain]:-}" '
    # a ratio or "-" when a server of it was left out by ONLY
    function r(a, b) { return (a == "" || b == "") ? "-" : sprintf("%.2f", a / b) }
    function us(e) { return e == "" ? "-" : sprintf("%.1f", 1e6 / e) }
    BEGIN {
    printf "  req/s ratios:     Netty server / ceiling %s, servlet / jsonrpc4j %s, Netty server / jsonrpc4j %s\n",
      r(ours, ceiling), r(servlet, j4j), r(ours, j4j)
    printf "  req/cpu-s ratios: Netty server / ceiling %s, servlet / jsonrpc4j %s, Netty server / jsonrpc4j %s\n",
      r(e_ours, e_ceiling), r(e_servlet, e_j4j), r(e_ours, e_j4j)
    printf "  server CPU per request (us): ceiling %s, Netty server %s, Jetty ceiling %s, servlet %s, jsonrpc4j %s\n",
      us(e_ceiling), us(e_ours), us(e_jetty), us(e_servlet), us(e_j4j)
    printf "  plain methods:    Netty server / ceiling %s, Netty server / jsonrpc4j %s, servlet / jsonrpc4j %s; CPU per request (us): Netty %s, servlet %s\n",
      r(plain, ceiling), r(plain, j4j), r(splain, j4j), us(e_plain), us(e_splain)
  }'
done
