#!/usr/bin/env bash
# Builds the benchmarks jar and runs the core JMH comparison (ServerBenchmark) pinned to one CPU,
# with the GC profiler for bytes per operation, then prints the results as a Markdown table.
#
#   jsonrpc2-benchmarks/run-jmh.sh                 # the full run: 4 workloads x 6 rows, ~12 minutes
#   jsonrpc2-benchmarks/run-jmh.sh -f 1 -wi 2 -i 3 # quicker, noisier
#   JMH_CPU=0 jsonrpc2-benchmarks/run-jmh.sh       # pin to another CPU
#
# Extra arguments go to JMH (they override the annotations' forks and iterations, add -p, etc.).
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -pl jsonrpc2-benchmarks -am package -DskipTests

jar=jsonrpc2-benchmarks/target/benchmarks.jar
result=jsonrpc2-benchmarks/target/jmh-result.json
cpu=${JMH_CPU:-1}
java=${JAVA:-java}

echo "JMH pinned to CPU $cpu of $(nproc); $("$java" -version 2>&1 | head -1)"
taskset -c "$cpu" "$java" -jar "$jar" 'io.jsonrpc2.benchmarks.jmh.ServerBenchmark' \
  -prof gc -rf json -rff "$result" "$@"

"$java" -cp "$jar" io.jsonrpc2.benchmarks.jmh.ResultTable "$result"
