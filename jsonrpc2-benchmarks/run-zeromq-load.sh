#!/usr/bin/env bash
# Throughput and latency of the ZeroMQ transport: a DEALER client keeping K echo calls in flight
# against a ROUTER server in the same JVM, for several K; then REQ/REP, one call at a time; then
# bare JeroMQ echoing the same bytes, as the floor.
#
# Usage: jsonrpc2-benchmarks/run-zeromq-load.sh [SECONDS_PER_RUN]   (default 10)
# Extra Maven flags (such as -o) can be given in MVN_FLAGS. Nothing is installed into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-10}"
mvn -B -q ${MVN_FLAGS:-} -pl jsonrpc2-benchmarks -am package -DskipTests
jar=jsonrpc2-benchmarks/target/benchmarks.jar
main=io.jsonrpc2.benchmarks.zeromq.ZmqLoad

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
for k in 1 16 64 256; do
  java -cp "$jar" "$main" --client DEALER --server ROUTER --in-flight "$k" --seconds "$seconds" --warmup 3
done
java -cp "$jar" "$main" --client REQ --server REP --in-flight 1 --seconds "$seconds" --warmup 3
# The floor: bare JeroMQ echoing the same bytes, no JSON-RPC and no extra threads.
for k in 1 64; do
  java -cp "$jar" io.jsonrpc2.benchmarks.zeromq.ZmqRawEcho --in-flight "$k" --seconds "$seconds" --warmup 3
done
