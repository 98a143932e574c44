package io.jsonrpc2.benchmarks.websocket;

import io.jsonrpc2.benchmarks.netstring.LoadConnection;
import io.jsonrpc2.netty.NettyTransport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The ceiling for the WebSocket load test: Netty's {@code HttpServerCodec}, {@code
 * HttpObjectAggregator} and {@code WebSocketServerProtocolHandler} on {@link NettyTransport#best()}
 * I/O, answering each text frame with a fixed JSON-RPC reply carrying the request's id (the number
 * before its final '}'), with one flush per read batch. No JSON is parsed.
 */
public final class RawWebSocketEchoServer implements AutoCloseable {
  private static final byte[] REPLY_PREFIX =
      "{\"jsonrpc\":\"2.0\",\"result\":\"hello\",\"id\":".getBytes(StandardCharsets.US_ASCII);

  private final EventLoopGroup group;
  private final Channel listener;

  /** Listens on {@code host:port} (0 for any free port), WebSocket on path {@code /}. */
  public RawWebSocketEchoServer(String host, int port, int threads) throws InterruptedException {
    NettyTransport transport = NettyTransport.best();
    group =
        transport.newEventLoopGroup(
            threads, new io.netty.util.concurrent.DefaultThreadFactory("raw-websocket"));
    listener =
        new ServerBootstrap()
            .group(group)
            .channel(transport.serverChannelType())
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ch.pipeline()
                        .addLast(
                            new HttpServerCodec(),
                            new HttpObjectAggregator(64 * 1024),
                            new WebSocketServerProtocolHandler("/", null, false, 1 << 20),
                            new FixedReply());
                  }
                })
            .bind(host, port)
            .sync()
            .channel();
  }

  /** The port listened on. */
  public int port() {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  @Override
  public void close() {
    listener.close().syncUninterruptibly();
    group.shutdownGracefully().syncUninterruptibly();
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
