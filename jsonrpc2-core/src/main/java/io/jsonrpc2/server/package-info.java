/**
 * Server-side extension points for transports: the {@link io.jsonrpc2.server.TransportContext}
 * through which they describe the peer, and the HTTP policy the HTTP servers share.
 */
package io.jsonrpc2.server;
