package io.jsonrpc2.benchmarks;

import io.jsonrpc2.netty.NettyTransport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * A bare Netty server for the ceilings of the load tests: {@link NettyTransport#best()} I/O as the
 * project's servers, TCP_NODELAY, and the handlers {@code pipeline} adds to every connection.
 */
public final class RawServer implements AutoCloseable {
  private final EventLoopGroup group;
  private final Channel listener;

  /**
   * Listens on {@code host:port} (0 for any free port) with {@code threads} I/O threads named after
   * {@code name}.
   */
  public RawServer(
      String name, String host, int port, int threads, Consumer<ChannelPipeline> pipeline)
      throws InterruptedException {
    NettyTransport transport = NettyTransport.best();
    group =
        transport.newEventLoopGroup(
            threads, new io.netty.util.concurrent.DefaultThreadFactory(name));
    listener =
        new ServerBootstrap()
            .group(group)
            .channel(transport.serverChannelType())
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    pipeline.accept(ch.pipeline());
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
}
