package io.jsonrpc2.netty;

import io.jsonrpc2.client.ConnectionLostException;
import io.jsonrpc2.connection.MessageChannel;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A {@link MessageChannel} over a Netty channel: the last handler of a pipeline whose earlier
 * handlers turn bytes into one {@link ByteBuf} per message (a frame decoder) and each written
 * {@code ByteBuf} back into framed bytes (an encoder). It is how a stream transport hands whole
 * messages to a {@link io.jsonrpc2.connection.JsonRpcConnection}.
 *
 * <p>Messages go to the listener on the channel's event loop, one at a time. Messages sent on the
 * event loop while it handles a read are flushed once, when the read is complete, so that a burst
 * of requests answered at once costs one write system call; messages sent from other threads are
 * queued and written by one event-loop task, which takes every message queued by then and flushes
 * once, so answers that come back from the executor in a burst go out in one hop. Messages are
 * written in the order of the {@code send} calls, whichever threads made them. {@link #send}
 * completes as soon as the message is queued for writing; a write that then fails closes the
 * channel, which the listener hears of through {@code onClosed}. Pausing turns the channel's
 * auto-read off. One instance per channel.
 */
public class NettyMessageChannel extends ChannelInboundHandlerAdapter implements MessageChannel {
  private final ConcurrentLinkedQueue<byte[]> queued = new ConcurrentLinkedQueue<>();
  // Counts sends that queued a message and are not yet seen by the writing task: the send that
  // finds it at 0 schedules that task.
  private final AtomicInteger queuedSends = new AtomicInteger();
  private @Nullable ChannelHandlerContext context;
  private @Nullable Listener listener;
  private @Nullable Throwable failure;
  private boolean reading;
  private boolean flushAtReadComplete;
  private boolean closeReported;
  private boolean readCompleteReportPending;
  // One instance, to schedule without allocating.
  private final Runnable reportReadComplete = this::reportReadComplete;

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.context = ctx;
  }

  /** The pipeline context; set once this handler is in a pipeline. */
  protected final ChannelHandlerContext context() {
    return Objects.requireNonNull(context, "the handler is not in a pipeline yet");
  }

  @Override
  public void start(Listener listener) {
    if (this.listener != null) {
      throw new IllegalStateException("started already");
    }
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf frame)) {
      ctx.fireChannelRead(msg);
      return;
    }
    byte[] message;
    try {
      message = ByteBufUtil.getBytes(frame);
    } finally {
      frame.release();
    }
    Listener to = listener;
    if (to == null) {
      throw new IllegalStateException("a message came before the channel was started");
    }
    reading = true;
    to.onMessage(message);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (reading && !readCompleteReportPending) {
      // Reported after the reads of the other channels the event loop serves in this turn: the
      // blocking calls of the whole turn are handed off together.
      readCompleteReportPending = true;
      ctx.executor().execute(reportReadComplete);
    }
    reading = false;
    if (flushAtReadComplete) {
      flushAtReadComplete = false;
      ctx.flush();
    }
    ctx.fireChannelReadComplete();
  }

  /** True: the event loop reports the end of each turn's reads to the listener. */
  @Override
  public boolean reportsReadComplete() {
    return true;
  }

  private void reportReadComplete() {
    readCompleteReportPending = false;
    Listener to = listener;
    if (to != null) {
      to.onReadComplete();
    }
  }

  @Override
  public CompletableFuture<Void> send(byte[] message) {
    ChannelHandlerContext ctx = context();
    if (!ctx.channel().isActive()) {
      return CompletableFuture.failedFuture(
          new ConnectionLostException("the connection to " + description() + " is closed", null));
    }
    // A write from the event loop goes after the writes other threads queued before it: a method
    // that notifies its caller from the executor and returns has its result written on the event
    // loop, and the notifications must go first.
    if (ctx.executor().inEventLoop() && queuedSends.get() == 0) {
      ctx.write(Unpooled.wrappedBuffer(message), ctx.voidPromise());
      flush(ctx);
    } else {
      queued.offer(message);
      if (queuedSends.getAndIncrement() == 0) {
        ctx.executor().execute(() -> writeQueued(ctx));
      }
    }
    return CompletableFuture.completedFuture(null);
  }

  /** On the event loop: writes what other threads queued, until no send is left unseen. */
  private void writeQueued(ChannelHandlerContext ctx) {
    int seen = 1;
    do {
      byte[] message;
      while ((message = queued.poll()) != null) {
        ctx.write(Unpooled.wrappedBuffer(message), ctx.voidPromise());
      }
      flush(ctx);
      seen = queuedSends.addAndGet(-seen);
    } while (seen != 0);
  }

  private void flush(ChannelHandlerContext ctx) {
    if (reading) {
      flushAtReadComplete = true;
    } else {
      ctx.flush();
    }
  }

  @Override
  public void pauseReading() {
    context().channel().config().setAutoRead(false);
  }

  @Override
  public void resumeReading() {
    context().channel().config().setAutoRead(true);
  }

  @Override
  public void close() {
    ChannelHandlerContext ctx = context();
    if (ctx.executor().inEventLoop()) {
      // What other threads sent before may still wait for its writing task: it goes out first.
      byte[] message;
      while ((message = queued.poll()) != null) {
        ctx.write(Unpooled.wrappedBuffer(message), ctx.voidPromise());
      }
      ctx.flush();
      ctx.close();
    } else {
      ctx.executor().execute(this::close);
    }
  }

  /** Whether the channel's outbound buffer is under its high water mark. */
  @Override
  public boolean isWritable() {
    ChannelHandlerContext ctx = context;
    return ctx == null || ctx.channel().isWritable();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    Listener to = listener;
    if (to != null && ctx.channel().isWritable()) {
      to.onWritable();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public String description() {
    ChannelHandlerContext ctx = context;
    return ctx == null ? "(not connected)" : String.valueOf(ctx.channel().remoteAddress());
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    Listener to = listener;
    if (to != null && !closeReported) {
      closeReported = true;
      to.onClosed(failure);
    }
    ctx.fireChannelInactive();
  }

  /** Remembers the failure, to report it when the channel is closed, and closes it. */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (failure == null) {
      failure = cause;
    }
    ctx.close();
  }
}
