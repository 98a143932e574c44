/**
 * Client-side API and SPI: the {@link io.jsonrpc2.client.ClientTransport} that network modules
 * implement, per-call options, id generators, and the exception family rooted at {@link
 * io.jsonrpc2.client.JsonRpcClientException}.
 */
package io.jsonrpc2.client;
