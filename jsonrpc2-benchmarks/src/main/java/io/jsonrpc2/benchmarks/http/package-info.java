/**
 * HTTP load-test servers, each a main taking the port as its only argument, driven by {@code
 * jsonrpc2-benchmarks/run-http-load.sh} with wrk: our Netty server, jsonrpc4j and our servlet on
 * the same Jetty, and a raw Netty server answering a fixed body (the ceiling).
 */
package io.jsonrpc2.benchmarks.http;
