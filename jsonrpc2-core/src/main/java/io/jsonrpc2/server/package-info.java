/**
 * Server-side extension points: method handlers registered as functions and the {@link
 * io.jsonrpc2.server.TransportContext} through which transports describe the peer.
 */
package io.jsonrpc2.server;
