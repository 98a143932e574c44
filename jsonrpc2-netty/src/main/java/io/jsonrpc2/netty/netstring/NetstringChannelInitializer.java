package io.jsonrpc2.netty.netstring;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.netty.ConnectionTracker;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Sets up a server channel's pipeline for JSON-RPC over netstrings: optional TLS, optional idle
 * timeout, {@link NetstringDecoder}, {@link NetstringEncoder} and the handler that calls the
 * service.
 *
 * <p>For mounting the protocol in a bootstrap of your own; get one from {@link
 * NetstringServer.Builder#channelInitializer()}, which applies the same settings as {@link
 * NetstringServer}. Sharable: one instance serves any number of channels. Graceful shutdown and
 * connection counts are then yours to do, as for any Netty handler.
 */
public final class NetstringChannelInitializer extends ChannelInitializer<Channel> {
  private final JsonRpcService service;
  private final @Nullable SslContext sslContext;
  private final int maxFrameLength;
  private final int maxInFlightPerConnection;
  private final @Nullable Duration idleTimeout;
  private final ConnectionTracker tracker;

  NetstringChannelInitializer(
      JsonRpcService service,
      @Nullable SslContext sslContext,
      int maxFrameLength,
      int maxInFlightPerConnection,
      @Nullable Duration idleTimeout,
      ConnectionTracker tracker) {
    this.service = service;
    this.sslContext = sslContext;
    this.maxFrameLength = maxFrameLength;
    this.maxInFlightPerConnection = maxInFlightPerConnection;
    this.idleTimeout = idleTimeout;
    this.tracker = tracker;
  }

  @Override
  protected void initChannel(Channel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    if (sslContext != null) {
      pipeline.addLast("tls", sslContext.newHandler(channel.alloc()));
    }
    if (idleTimeout != null) {
      pipeline.addLast(
          "idle", new IdleStateHandler(0, 0, idleTimeout.toNanos(), TimeUnit.NANOSECONDS));
    }
    pipeline.addLast("netstringDecoder", new NetstringDecoder(maxFrameLength));
    pipeline.addLast("netstringEncoder", NetstringEncoder.INSTANCE);
    pipeline.addLast(
        "jsonrpc", new NetstringServerHandler(service, tracker, maxInFlightPerConnection));
  }
}
