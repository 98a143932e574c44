/**
 * WebSocket load test, driven by {@code jsonrpc2-benchmarks/run-websocket-load.sh}: a raw Netty
 * WebSocket echo (the ceiling), the JSON-RPC HTTP server's WebSocket, and a pipelining Netty
 * WebSocket load generator.
 */
package io.jsonrpc2.benchmarks.websocket;
