/**
 * Server-side extension points: method handlers registered as functions and the {@link
 * io.jsonrpc2.server.TransportContext} through which transports describe the peer (with {@link
 * io.jsonrpc2.server.SealedHeaders} for a transport's own header map).
 */
package io.jsonrpc2.server;
