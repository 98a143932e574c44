package io.jsonrpc2.benchmarks.websocket;

import io.jsonrpc2.benchmarks.RawServer;
import io.jsonrpc2.benchmarks.netstring.LoadConnection;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.nio.charset.StandardCharsets;

/**
 * The ceiling for the WebSocket load test: Netty's {@code HttpServerCodec}, {@code
 * HttpObjectAggregator} and {@code WebSocketServerProtocolHandler} on a {@link RawServer},
 * answering each text frame with a fixed JSON-RPC reply carrying the request's id (the number
 * before its final '}'), with one flush per read batch. No JSON is parsed.
 */
public final class RawWebSocketEchoServer implements AutoCloseable {
  private static final byte[] REPLY_PREFIX =
      "{\"jsonrpc\":\"2.0\",\"result\":\"hello\",\"id\":".getBytes(StandardCharsets.US_ASCII);

  private final RawServer server;

  /** Listens on {@code host:port} (0 for any free port), WebSocket on path {@code /}. */
  public RawWebSocketEchoServer(String host, int port, int threads) throws InterruptedException {
    server =
        new RawServer(
            "raw-websocket",
            host,
            port,
            threads,
            pipeline ->
                pipeline.addLast(
                    new HttpServerCodec(),
                    new HttpObjectAggregator(64 * 1024),
                    new WebSocketServerProtocolHandler("/", null, false, 1 << 20),
                    new FixedReply()));
  }

  /** The port listened on. */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
  }

  private static final class FixedReply extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!(msg instanceof TextWebSocketFrame frame)) {
        ctx.fireChannelRead(msg);
        return;
      }
      long id = LoadConnection.trailingId(frame.content());
      frame.release();
      int digits = LoadConnection.digits(Math.max(0, id));
      ByteBuf reply = ctx.alloc().ioBuffer(REPLY_PREFIX.length + digits + 1);
      reply.writeBytes(REPLY_PREFIX);
      LoadConnection.writeDecimal(reply, Math.max(0, id), digits);
      reply.writeByte('}');
      ctx.write(new TextWebSocketFrame(reply), ctx.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }
  }
}
