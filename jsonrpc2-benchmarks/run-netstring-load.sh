#!/usr/bin/env bash
# Netstring over TCP load test: the raw Netty netstring echo (the ceiling) and the JSON-RPC echo
# server (a @NonBlocking echo, then the plain echo users write), each in its own JVM pinned to one
# core, driven by NetstringLoad pinned to another.
# Prints one table row per configuration and the JSON-RPC/ceiling ratios.
#
# Environment: SERVER_CPU (default 0), LOAD_CPU (default 1), WARMUP seconds (default 15, per
# server), MEASURE seconds per row (default 10), ROWS (default "4x32 32x1"), SKIP_BUILD=1 to reuse
# jsonrpc2-benchmarks/target/benchmarks.jar, JAVA (default java), JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."

SERVER_MAIN=io.jsonrpc2.benchmarks.netstring.LoadServer
LOAD_MAIN=io.jsonrpc2.benchmarks.netstring.NetstringLoad
DEFAULT_ROWS="4x32 32x1"
# shellcheck source=ceiling-load.sh
source jsonrpc2-benchmarks/ceiling-load.sh
