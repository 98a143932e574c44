/**
 * JSON-RPC over ZeroMQ: a server, a client (REQ and DEALER, timeouts) and the broker pattern with
 * two workers. {@code docs/zeromq.md} quotes these classes.
 */
package io.jsonrpc2.examples.zeromq;
