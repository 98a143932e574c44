/**
 * The JSON-RPC 2.0 wire model as immutable values: {@link io.jsonrpc2.message.Request}, {@link
 * io.jsonrpc2.message.Notification}, {@link io.jsonrpc2.message.Response}, {@link
 * io.jsonrpc2.message.Id} and {@link io.jsonrpc2.message.ErrorObject}. No behaviour beyond checking
 * that a value can exist under the specification.
 */
package io.jsonrpc2.message;
