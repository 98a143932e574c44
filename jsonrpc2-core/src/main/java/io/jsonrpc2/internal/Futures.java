package io.jsonrpc2.internal;

import io.jsonrpc2.client.JsonRpcClientException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Waiting on the client's futures from blocking methods. */
public final class Futures {
  private Futures() {}

  /**
   * Makes cancelling {@code derived} cancel {@code sources} too, so that a caller who cancels the
   * future it was given stops the call behind it (which frees the call's id and drops its late
   * response). Returns {@code derived}.
   */
  public static <T> CompletableFuture<T> cancelling(
      CompletableFuture<T> derived, List<? extends CompletableFuture<?>> sources) {
    derived.whenComplete(
        (value, failure) -> {
          if (derived.isCancelled()) {
            sources.forEach(source -> source.cancel(false));
          }
        });
    return derived;
  }

  /**
   * Waits for {@code future} and returns its value, or rethrows its failure unwrapped: the {@code
   * JsonRpcClientException} itself, not an {@code ExecutionException} around it. An interrupt
   * cancels the future, keeps the thread's interrupt flag and throws a {@link
   * JsonRpcClientException}.
   */
  public static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new JsonRpcClientException("interrupted while waiting for the response", e);
    } catch (ExecutionException e) {
      Throwable cause = Throwables.unwrap(e);
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new JsonRpcClientException(cause.toString(), cause);
    }
  }
}
