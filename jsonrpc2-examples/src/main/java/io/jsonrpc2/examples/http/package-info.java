/**
 * Serving JSON-RPC over HTTP: the embedded Netty server, and {@code JsonRpcServlet} in embedded
 * Jetty (the seed's WSGI application). Quoted by docs/http-server.md.
 */
package io.jsonrpc2.examples.http;
