/**
 * Serving JSON-RPC over HTTP: the embedded Netty server, and {@code JsonRpcServlet} in embedded
 * Jetty (the Java form of the Python jsonrpc2 library's WSGI application). Quoted by
 * docs/http-server.md.
 */
package io.jsonrpc2.examples.http;
