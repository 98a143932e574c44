package io.jsonrpc2.examples.http;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.netty.http.JsonRpcHttpInitializer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/** JSON-RPC over HTTP in a Netty bootstrap of one's own, next to other protocols. */
public final class OwnBootstrapExample {
  private OwnBootstrapExample() {}

  /** Binds {@code port} on {@code group}; the caller closes the channel and the group. */
  public static Channel bind(EventLoopGroup group, int port) throws InterruptedException {
    JsonRpcService service = JsonRpcService.builder().handler(new Greeter()).build();
    // docs:begin own-bootstrap
    JsonRpcHttpInitializer initializer =
        JsonRpcHttpInitializer.builder(service).path("/rpc").build();
    Channel channel =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(initializer)
            .bind("127.0.0.1", port)
            .sync()
            .channel();
    // docs:end own-bootstrap
    return channel;
  }
}
