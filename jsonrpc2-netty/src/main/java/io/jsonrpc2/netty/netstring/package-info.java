/**
 * JSON-RPC 2.0 over netstrings on TCP (optionally TLS), wire-compatible with txjason.
 *
 * <p>{@link io.jsonrpc2.netty.netstring.NetstringServer} serves a {@code JsonRpcService}; {@link
 * io.jsonrpc2.netty.netstring.NetstringClientTransport} (or the shortcut {@link
 * io.jsonrpc2.netty.netstring.NetstringClient}) calls one, connecting on first use and reconnecting
 * by itself; {@link io.jsonrpc2.netty.netstring.NetstringDecoder} and {@link
 * io.jsonrpc2.netty.netstring.NetstringEncoder} are the framing alone, exactly as Twisted's {@code
 * NetstringReceiver} reads and writes it. All arguments are non-null unless documented otherwise.
 */
package io.jsonrpc2.netty.netstring;
