package io.jsonrpc2.benchmarks.netstring;

import io.jsonrpc2.netty.NettyTransport;
import io.jsonrpc2.netty.netstring.NetstringDecoder;
import io.jsonrpc2.netty.netstring.NetstringEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;

/**
 * The ceiling for the netstring load test: the same Netty pipeline as the JSON-RPC server ({@link
 * io.jsonrpc2.netty.NettyTransport#best()} I/O as the project's servers, {@link NetstringDecoder},
 * {@link NetstringEncoder}) sending every frame back as it is, with one flush per read batch, and
 * no JSON-RPC at all.
 */
final class RawNetstringEchoServer implements AutoCloseable {
  private final EventLoopGroup group;
  private final Channel listener;

  RawNetstringEchoServer(String host, int port, int threads) throws InterruptedException {
    NettyTransport transport = NettyTransport.best();
    group =
        transport.newEventLoopGroup(
            threads, new io.netty.util.concurrent.DefaultThreadFactory("raw-netstring"));
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
                            new NetstringDecoder(8 * 1024 * 1024),
                            NetstringEncoder.INSTANCE,
                            new Echo());
                  }
                })
            .bind(host, port)
            .sync()
            .channel();
  }

  int port() {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  @Override
  public void close() {
    listener.close().syncUninterruptibly();
    group.shutdownGracefully().syncUninterruptibly();
  }

  private static final class Echo extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ctx.write(msg, ctx.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }
  }
}
