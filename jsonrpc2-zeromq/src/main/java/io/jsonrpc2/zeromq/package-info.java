/**
 * JSON-RPC 2.0 over ZeroMQ (JeroMQ, pure Java): one JSON-RPC message per ZeroMQ message.
 *
 * <ul>
 *   <li>{@link io.jsonrpc2.zeromq.ZmqServer} serves a {@link io.jsonrpc2.JsonRpcService} on a REP,
 *       ROUTER or DEALER socket that binds or connects;
 *   <li>{@link io.jsonrpc2.zeromq.ZmqClientTransport} is the client side, on a REQ or DEALER
 *       socket;
 *   <li>{@link io.jsonrpc2.zeromq.ZmqBroker} is a ROUTER/DEALER proxy that spreads calls over
 *       workers;
 *   <li>{@link io.jsonrpc2.zeromq.JsonRpcZmq} has shortcuts for the common cases.
 * </ul>
 */
package io.jsonrpc2.zeromq;
