package io.jsonrpc2.httpclient;

import io.jsonrpc2.client.CallTimeoutException;
import io.jsonrpc2.client.TransportException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/** Turns what the JDK client fails with into the client's {@link TransportException}s. */
final class HttpFailures {
  private HttpFailures() {}

  static TransportException translate(
      Throwable failure, String endpoint, @Nullable Duration requestTimeout) {
    Throwable cause = unwrap(failure);
    if (cause instanceof TransportException transport) {
      return transport;
    }
    BoundedBody.TooLargeException tooLarge = find(cause, BoundedBody.TooLargeException.class);
    if (tooLarge != null) {
      return new TransportException(
          "the reply from " + endpoint + " was refused: " + tooLarge.getMessage(), cause);
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return new TransportException(
          "could not connect to " + endpoint + " in time: " + cause.getMessage(), cause);
    }
    if (cause instanceof HttpTimeoutException) {
      CallTimeoutException timeout =
          new CallTimeoutException(
              "no HTTP response from "
                  + endpoint
                  + " within the request timeout of "
                  + requestTimeout);
      timeout.initCause(cause);
      return timeout;
    }
    ConnectException refused = find(cause, ConnectException.class);
    if (refused != null) {
      String detail = refused.getMessage() == null ? "connection refused" : refused.getMessage();
      return new TransportException("could not connect to " + endpoint + ": " + detail, cause);
    }
    if (find(cause, UnresolvedAddressException.class) != null) {
      return new TransportException("could not connect to " + endpoint + ": unknown host", cause);
    }
    SSLException tls = find(cause, SSLException.class);
    if (tls != null) {
      return new TransportException("TLS with " + endpoint + " failed: " + tls.getMessage(), cause);
    }
    return new TransportException(
        "the HTTP exchange with " + endpoint + " failed: " + cause, cause);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /** The first throwable of type {@code type} in the cause chain, or null. */
  private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
