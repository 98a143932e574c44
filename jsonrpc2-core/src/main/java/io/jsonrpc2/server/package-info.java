/**
 * Server-side extension points for transports: the {@link io.jsonrpc2.server.TransportContext}
 * through which they describe the peer, with {@link io.jsonrpc2.server.SealedHeaders} for a
 * transport's own header map.
 */
package io.jsonrpc2.server;
