/**
 * The HTTP policy that the HTTP servers share, so that they answer every request alike: {@link
 * io.jsonrpc2.http.HttpRules} (what is admitted and how each answer looks), {@link
 * io.jsonrpc2.http.CorsPolicy}, the {@link io.jsonrpc2.http.HttpAuthenticator}s, the {@link
 * io.jsonrpc2.http.HeaderMap} a server fills per request, and {@link
 * io.jsonrpc2.http.RefusalEnding} for how a refused exchange ends. No server and no socket: a
 * server maps its own request and response types to these.
 */
package io.jsonrpc2.http;
