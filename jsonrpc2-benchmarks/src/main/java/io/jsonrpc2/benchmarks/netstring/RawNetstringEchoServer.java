package io.jsonrpc2.benchmarks.netstring;

import io.jsonrpc2.benchmarks.RawServer;
import io.jsonrpc2.netty.netstring.NetstringDecoder;
import io.jsonrpc2.netty.netstring.NetstringEncoder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The ceiling for the netstring load test: the same Netty pipeline as the JSON-RPC server ({@link
 * io.jsonrpc2.netty.NettyTransport#best()} I/O as the project's servers, {@link NetstringDecoder},
 * {@link NetstringEncoder}) sending every frame back as it is, with one flush per read batch, and
 * no JSON-RPC at all.
 */
final class RawNetstringEchoServer implements AutoCloseable {
  private final RawServer server;

  RawNetstringEchoServer(String host, int port, int threads) throws InterruptedException {
    server =
        new RawServer(
            "raw-netstring",
            host,
            port,
            threads,
            pipeline ->
                pipeline.addLast(
                    new NetstringDecoder(8 * 1024 * 1024), NetstringEncoder.INSTANCE, new Echo()));
  }

  int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
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
