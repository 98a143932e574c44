package io.jsonrpc2.benchmarks.websocket;

import io.jsonrpc2.benchmarks.netstring.LoadConnection;
import io.jsonrpc2.benchmarks.netstring.LoadStats;
import io.jsonrpc2.benchmarks.netstring.NetstringLoad;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Load generator for a JSON-RPC WebSocket server: C WebSockets (Netty's client handshaker, masked
 * frames as RFC 6455 asks of clients), each keeping K echo calls in flight in text frames, for a
 * bounded time; prints req/s, p50/p99 latency, the server's CPU time per request and the replies
 * that were errors or carried an id not awaited.
 *
 * <p>Usage as {@link NetstringLoad}: {@code WebSocketLoad --port P [--host H] [--server-pid PID]
 * [--warmup S] [--measure S] [--label L] CxK...}; the WebSocket is {@code ws://H:P/}. Pin this JVM
 * to its own core.
 */
public final class WebSocketLoad {
  private WebSocketLoad() {}

  /** Sets up a channel as a WebSocket to {@code ws://host:port/} carrying a load connection. */
  public static final NetstringLoad.Framing FRAMING =
      (channel, host, port, inFlight, stats) -> init(channel, host, port, inFlight, stats);

  public static void main(String[] args) throws Exception {
    NetstringLoad.runRows(args, "websocket", FRAMING);
  }

  private static void init(Channel channel, String host, int port, int inFlight, LoadStats stats) {
    URI uri = URI.create("ws://" + host + ":" + port + "/");
    channel
        .pipeline()
        .addLast(
            new HttpClientCodec(),
            new HttpObjectAggregator(8192),
            new WebSocketClientProtocolHandler(
                WebSocketClientHandshakerFactory.newHandshaker(
                    uri, WebSocketVersion.V13, null, false, EmptyHttpHeaders.INSTANCE, 1 << 20)),
            new WebSocketLoadConnection(inFlight, stats));
  }

  /** A load connection in text frames, sending once the opening handshake is done. */
  private static final class WebSocketLoadConnection extends LoadConnection {
    WebSocketLoadConnection(int inFlight, LoadStats stats) {
      super(inFlight, stats);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
      if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
        start(ctx);
      }
      ctx.fireUserEventTriggered(event);
    }

    @Override
    protected Object frame(ChannelHandlerContext ctx, long id) {
      ByteBuf out = ctx.alloc().ioBuffer(requestLength(id));
      writeRequest(out, id);
      return new TextWebSocketFrame(out);
    }

    @Override
    protected @Nullable ByteBuf content(Object msg) {
      return msg instanceof TextWebSocketFrame frame ? frame.content() : null;
    }
  }
}
