package io.jsonrpc2.netty.netstring;

import io.jsonrpc2.client.Reconnector;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.ssl.SslHandler;
import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link NetstringClientTransport} opens its connection: a TCP connect, then the TLS
 * handshake where there is one; the core's {@link Reconnector} does the rest.
 */
final class ChannelLink implements Reconnector.Link<Channel> {
  private final Bootstrap bootstrap;
  private final SocketAddress address;

  ChannelLink(Bootstrap bootstrap, SocketAddress address) {
    this.bootstrap = bootstrap;
    this.address = address;
  }

  @Override
  public CompletableFuture<Channel> connect() {
    CompletableFuture<Channel> connected = new CompletableFuture<>();
    bootstrap
        .connect(address)
        .addListener(
            (ChannelFuture f) -> {
              if (!f.isSuccess()) {
                connected.completeExceptionally(f.cause());
                return;
              }
              SslHandler tls = f.channel().pipeline().get(SslHandler.class);
              if (tls == null) {
                connected.complete(f.channel());
                return;
              }
              tls.handshakeFuture()
                  .addListener(
                      handshake -> {
                        if (handshake.isSuccess()) {
                          connected.complete(f.channel());
                        } else {
                          f.channel().close();
                          connected.completeExceptionally(handshake.cause());
                        }
                      });
            });
    return connected;
  }

  @Override
  public void whenClosed(Channel channel, Consumer<@Nullable String> gone) {
    channel.closeFuture().addListener(f -> gone.accept(null));
  }

  @Override
  public void close(Channel channel) {
    if (channel.eventLoop().inEventLoop()) {
      channel.close();
    } else {
      channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
  }
}
