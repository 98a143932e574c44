/**
 * JSON-RPC over HTTP/1.1 on Netty: {@link io.jsonrpc2.netty.http.JsonRpcHttpServer}, a ready
 * server, and {@link io.jsonrpc2.netty.http.JsonRpcHttpInitializer} for a bootstrap of one's own.
 * Both follow {@link io.jsonrpc2.http.HttpRules}, like the servlet does.
 */
package io.jsonrpc2.netty.http;
