/**
 * JSON-RPC 2.0 over a pair of byte streams: standard input and output, or the pipes of a child
 * process, the way editors run language servers and MCP hosts run tools.
 *
 * <ul>
 *   <li>{@link io.jsonrpc2.stdio.StdioFraming}: how messages are cut out of the byte stream, one
 *       per line (MCP) or behind a {@code Content-Length} header (the LSP base protocol);
 *   <li>{@link io.jsonrpc2.stdio.StreamMessageChannel}: the framing over an {@code InputStream} and
 *       an {@code OutputStream}, as the {@code MessageChannel} of a {@code JsonRpcConnection};
 *   <li>{@link io.jsonrpc2.stdio.StdioServer}: serves a {@code JsonRpcService} on standard input
 *       and output until the input ends;
 *   <li>{@link io.jsonrpc2.stdio.StdioProcess}: starts a program and talks to it over its standard
 *       input and output, in both directions;
 *   <li>{@link io.jsonrpc2.stdio.StdioFramingException}: what a peer that breaks the framing closes
 *       the connection with.
 * </ul>
 *
 * <p>Arguments are non-null unless a method says otherwise.
 */
package io.jsonrpc2.stdio;
