/**
 * Two-way connections: {@link io.jsonrpc2.connection.JsonRpcConnection}, which carries calls in
 * both directions over one stream, and the {@link io.jsonrpc2.connection.MessageChannel} SPI that
 * stream transports implement.
 */
package io.jsonrpc2.connection;
