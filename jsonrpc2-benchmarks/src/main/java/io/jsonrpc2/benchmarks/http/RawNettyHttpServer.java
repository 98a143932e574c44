package io.jsonrpc2.benchmarks.http;

import io.jsonrpc2.netty.NettyTransport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;

/**
 * (d) The ceiling: Netty's HTTP codec and a handler that answers every request with the same fixed
 * JSON-RPC reply, parsing nothing (the shape of Netty's own hello-world example). Argument: port.
 */
public final class RawNettyHttpServer {
  private static final ByteBuf REPLY =
      Unpooled.unreleasableBuffer(
          Unpooled.directBuffer()
              .writeBytes(
                  "{\"jsonrpc\":\"2.0\",\"result\":\"hello\",\"id\":1}"
                      .getBytes(StandardCharsets.UTF_8)));

  private RawNettyHttpServer() {}

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[0]);
    NettyTransport transport = NettyTransport.best();
    EventLoopGroup group =
        transport.newEventLoopGroup(
            1, new io.netty.util.concurrent.DefaultThreadFactory("raw-http"));
    new ServerBootstrap()
        .group(group)
        .channel(transport.serverChannelType())
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel channel) {
                channel.pipeline().addLast(new HttpServerCodec(), new FixedReplyHandler());
              }
            })
        .bind(port)
        .sync();
    System.out.println("raw Netty HTTP server on port " + port);
  }

  static final class FixedReplyHandler extends SimpleChannelInboundHandler<HttpObject> {
    private boolean keepAlive;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
      if (msg instanceof HttpRequest request) {
        keepAlive = HttpUtil.isKeepAlive(request);
      }
      if (msg instanceof LastHttpContent) {
        FullHttpResponse response =
            new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.OK, REPLY.duplicate());
        response
            .headers()
            .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
            .setInt(HttpHeaderNames.CONTENT_LENGTH, REPLY.readableBytes());
        if (keepAlive) {
          ctx.write(response);
        } else {
          ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }
  }
}
