/**
 * JSON-RPC over WebSocket in a servlet container, on the Jakarta WebSocket API: {@link
 * io.jsonrpc2.servlet.websocket.JsonRpcWebSocketEndpoint} serves one {@link
 * io.jsonrpc2.connection.JsonRpcConnection} per session, registered with the container through
 * {@link io.jsonrpc2.servlet.websocket.JsonRpcWebSocketConfig}.
 */
package io.jsonrpc2.servlet.websocket;
