package io.jsonrpc2.httpclient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Collects a reply body into a byte array, but no more than a limit: a server (or whatever sits in
 * front of it) must not be able to make the client buffer an unbounded body.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

  /** The reply body was larger than the transport accepts. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(long limit) {
      super("the reply body is larger than the limit of " + limit + " bytes");
    }
  }

  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final long limit;
  private Flow.@Nullable Subscription subscription;

  private BoundedBody(long limit) {
    this.limit = limit;
  }

  /** A handler that refuses a declared Content-Length above {@code limit} before reading. */
  static HttpResponse.BodyHandler<byte[]> handler(long limit) {
    return info -> {
      OptionalLong declared = info.headers().firstValueAsLong("content-length");
      if (declared.isPresent() && declared.getAsLong() > limit) {
        return refused(limit);
      }
      return new BoundedBody(limit);
    };
  }

  private static HttpResponse.BodySubscriber<byte[]> refused(long limit) {
    BoundedBody subscriber = new BoundedBody(limit);
    subscriber.body.completeExceptionally(new TooLargeException(limit));
    return subscriber;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (body.isDone()) {
      subscription.cancel();
    } else {
      subscription.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (body.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      if (buffer.size() + (long) item.remaining() > limit) {
        Objects.requireNonNull(subscription, "onNext before onSubscribe").cancel();
        body.completeExceptionally(new TooLargeException(limit));
        return;
      }
      byte[] chunk = new byte[item.remaining()];
      item.get(chunk);
      buffer.write(chunk, 0, chunk.length);
    }
  }

  @Override
  public void onError(Throwable failure) {
    body.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    body.complete(buffer.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }
}
