package io.jsonrpc2.http;

import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decides from an HTTP request's headers and peer address whether it may be served, and as whom.
 *
 * <p>Set it on {@link HttpRules.Builder#authenticator}; every jsonrpc2 HTTP server calls it once
 * per request, after the method and content type were accepted and before the body is read. The
 * principal of an accepted request reaches methods as {@code CallContext.transport().principal()};
 * a refused one gets 401 with the challenge.
 *
 * <p><b>Threading.</b> Called concurrently, possibly on a server's I/O thread: it must be
 * thread-safe and must not block (look credentials up in memory, or cache). An exception it throws
 * is logged and the request answered with 500, never served.
 *
 * <p>{@link BasicAuthenticator} and {@link BearerTokenAuthenticator} are the shipped ones.
 */
@FunctionalInterface
public interface HttpAuthenticator {

  /**
   * Decides about one request.
   *
   * @param headers the request headers, names matched without regard to case; never null
   * @param remoteAddress the peer's address, or null when the server does not know it
   * @return the decision, never null
   */
  HttpAuthentication authenticate(
      Map<String, List<String>> headers, @Nullable SocketAddress remoteAddress);
}
