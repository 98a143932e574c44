package io.jsonrpc2.netty.netstring;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.server.TransportContext;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC end of a server pipeline: hands each netstring payload to {@link
 * JsonRpcService#handle(byte[], TransportContext)} and writes each reply as soon as it is ready, so
 * replies may leave in another order than their requests came.
 *
 * <p>One instance per channel (it counts that connection's calls in flight), created by {@link
 * NetstringServer}'s initializer. Everything it keeps is touched only on the channel's event loop.
 * Replies ready while a read batch is being handled (methods that do not block) are flushed once at
 * the end of the batch; replies that complete later are flushed one by one.
 *
 * <p>A framing error closes the connection with a log line (WARN, logger of this class). While
 * {@code maxInFlight} calls of the connection are unanswered, further frames wait unparsed and
 * reading stops, so one client cannot queue unbounded work.
 */
final class NetstringServerHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(NetstringServerHandler.class);

  private final JsonRpcService service;
  private final ConnectionTracker tracker;
  private final int maxInFlight;
  private TransportContext context;
  private Channel channel;
  private int inFlight;
  private boolean flushAtReadComplete;
  private boolean closeWhenIdle;
  private final ArrayDeque<ByteBuf> waiting = new ArrayDeque<>();

  NetstringServerHandler(JsonRpcService service, ConnectionTracker tracker, int maxInFlight) {
    this.service = service;
    this.tracker = tracker;
    this.maxInFlight = maxInFlight;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    tracker.add(this);
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    tracker.remove(this);
    ByteBuf frame;
    while ((frame = waiting.poll()) != null) {
      frame.release();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf frame)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (inFlight >= maxInFlight || !waiting.isEmpty()) {
      // One read can carry many frames: hold the extra ones (in order) and stop reading until
      // calls finish.
      waiting.add(frame);
      ctx.channel().config().setAutoRead(false);
      return;
    }
    handleFrame(ctx, frame);
  }

  private void handleFrame(ChannelHandlerContext ctx, ByteBuf frame) {
    byte[] bytes;
    try {
      bytes = ByteBufUtil.getBytes(frame);
    } finally {
      frame.release();
    }
    inFlight++;
    CompletableFuture<byte[]> reply = service.handle(bytes, context(ctx));
    if (reply.isDone()) {
      byte[] ready = reply.join();
      if (ready != null) {
        ctx.write(Unpooled.wrappedBuffer(ready), ctx.voidPromise());
        flushAtReadComplete = true;
      }
      inFlight--;
    } else {
      reply.whenComplete((ready, failure) -> writeLater(ctx, ready));
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (flushAtReadComplete) {
      flushAtReadComplete = false;
      ctx.flush();
    }
    if (inFlight == 0 && closeWhenIdle) {
      flushAndClose();
    }
    ctx.fireChannelReadComplete();
  }

  private void writeLater(ChannelHandlerContext ctx, byte[] reply) {
    if (!ctx.executor().inEventLoop()) {
      ctx.executor().execute(() -> writeLater(ctx, reply));
      return;
    }
    if (reply != null) {
      ctx.write(Unpooled.wrappedBuffer(reply), ctx.voidPromise());
    }
    inFlight--;
    while (inFlight < maxInFlight && !waiting.isEmpty() && ctx.channel().isActive()) {
      handleFrame(ctx, waiting.poll());
    }
    if (waiting.isEmpty() && !ctx.channel().config().isAutoRead()) {
      ctx.channel().config().setAutoRead(true);
    }
    flushAtReadComplete = false;
    ctx.flush();
    if (inFlight == 0 && closeWhenIdle) {
      flushAndClose();
    }
  }

  /**
   * From any thread: closes this connection as soon as its calls in flight are answered (at once
   * when there are none).
   */
  void closeWhenIdle() {
    channel
        .eventLoop()
        .execute(
            () -> {
              closeWhenIdle = true;
              if (inFlight == 0) {
                flushAndClose();
              }
            });
  }

  /** From any thread: closes now, whatever is in flight. */
  void closeNow() {
    channel.eventLoop().execute(this::flushAndClose);
  }

  Channel channel() {
    return channel;
  }

  private void flushAndClose() {
    channel.flush();
    channel.close();
  }

  private TransportContext context(ChannelHandlerContext ctx) {
    if (context == null) {
      context =
          TransportContext.builder("netstring")
              .remoteAddress(ctx.channel().remoteAddress())
              .principal(peerPrincipal(ctx))
              .attribute("localAddress", ctx.channel().localAddress())
              .build();
    }
    return context;
  }

  private static Principal peerPrincipal(ChannelHandlerContext ctx) {
    SslHandler tls = ctx.pipeline().get(SslHandler.class);
    if (tls == null) {
      return null;
    }
    try {
      return tls.engine().getSession().getPeerPrincipal();
    } catch (SSLPeerUnverifiedException e) {
      return null; // TLS without a client certificate
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent && inFlight == 0) {
      LOG.info("Closing idle netstring connection from {}", ctx.channel().remoteAddress());
      ctx.close();
      return;
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable reason =
        cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
    if (reason instanceof CorruptedFrameException || reason instanceof TooLongFrameException) {
      LOG.warn(
          "Closing netstring connection from {}: {}",
          ctx.channel().remoteAddress(),
          reason.getMessage());
    } else if (reason instanceof SSLException) {
      LOG.info("TLS with {} failed: {}", ctx.channel().remoteAddress(), reason.getMessage());
    } else if (reason instanceof IOException) {
      LOG.debug(
          "Netstring connection from {} failed: {}",
          ctx.channel().remoteAddress(),
          reason.toString());
    } else {
      LOG.warn("Closing netstring connection from {}", ctx.channel().remoteAddress(), reason);
    }
    ctx.close();
  }
}
