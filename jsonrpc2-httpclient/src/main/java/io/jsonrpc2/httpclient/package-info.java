/**
 * The HTTP client transport of jsonrpc2, on the JDK's {@code java.net.http.HttpClient} and nothing
 * else.
 *
 * <ul>
 *   <li>{@link io.jsonrpc2.httpclient.JsonRpcHttp}: a client from a URL in one line;
 *   <li>{@link io.jsonrpc2.httpclient.HttpClientTransport}: the transport and its builder (session
 *       headers, Basic or Bearer auth, TLS, timeouts, reply size limit);
 *   <li>{@link io.jsonrpc2.httpclient.HttpCallOptions}: per-call headers and credentials that merge
 *       over the session's;
 *   <li>{@link io.jsonrpc2.httpclient.HttpStatusException}: a non-2xx reply that was not a JSON-RPC
 *       reply.
 * </ul>
 *
 * <p>Arguments are non-null unless a method says otherwise.
 */
package io.jsonrpc2.httpclient;
