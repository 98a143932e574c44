package io.jsonrpc2.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.netty.http.JsonRpcHttpServer;
import io.jsonrpc2.netty.netstring.NetstringClientTransport;
import io.jsonrpc2.netty.netstring.NetstringServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every transport that works on this machine serves netstrings and HTTP. The test class path has
 * the epoll and io_uring native jars, so on Linux x86_64 epoll is always among them; io_uring only
 * where the kernel allows it.
 */
@Timeout(60)
class NettyTransportTest {
  public static final class Echo {
    @JsonRpcMethod
    public String echo(String text) {
      return text;
    }
  }

  private static final JsonRpcService SERVICE =
      JsonRpcService.builder().handler("t", new Echo()).build();

  @ParameterizedTest
  @EnumSource(NettyTransport.class)
  void netstringServerAndClientRunOnEveryAvailableTransport(NettyTransport transport) {
    if (!transport.isAvailable()) {
      assertThat(transport).isEqualTo(NettyTransport.IO_URING);
      return;
    }
    try (NetstringServer server =
            NetstringServer.builder(SERVICE)
                .host("127.0.0.1")
                .transport(transport)
                .shutdownTimeout(Duration.ofSeconds(2))
                .start();
        JsonRpcClient client =
            NetstringClientTransport.builder("127.0.0.1", server.port())
                .transport(transport)
                .buildClient()) {
      assertThat(client.call("t.echo", String.class, transport.label()))
          .isEqualTo(transport.label());
    }
  }

  @ParameterizedTest
  @EnumSource(NettyTransport.class)
  void httpServerRunsOnEveryAvailableTransport(NettyTransport transport) throws Exception {
    if (!transport.isAvailable()) {
      assertThat(transport).isEqualTo(NettyTransport.IO_URING);
      return;
    }
    try (JsonRpcHttpServer server =
        JsonRpcHttpServer.builder(SERVICE).host("127.0.0.1").transport(transport).build().start()) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"jsonrpc\":\"2.0\",\"method\":\"t.echo\",\"params\":[\"x\"],\"id\":1}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"x\",\"id\":1}");
    }
  }

  @Test
  void aNativeTransportIsChosenWhenItsJarIsOnTheClassPath() {
    assertThat(NettyTransport.NIO.isAvailable()).isTrue();
    assertThat(NettyTransport.EPOLL.isAvailable())
        .as("netty-transport-native-epoll linux-x86_64 is a test dependency")
        .isTrue();
    assertThat(NettyTransport.best()).isIn(NettyTransport.IO_URING, NettyTransport.EPOLL);
  }

  @Test
  void thePropertyForcesATransportAndRejectsUnknownNames() {
    String before = System.getProperty(NettyTransport.PROPERTY);
    try {
      System.setProperty(NettyTransport.PROPERTY, "NIO");
      assertThat(NettyTransport.best()).isEqualTo(NettyTransport.NIO);
      System.setProperty(NettyTransport.PROPERTY, "kqueue");
      assertThatThrownBy(NettyTransport::best)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("use nio, epoll or io_uring");
    } finally {
      if (before == null) {
        System.clearProperty(NettyTransport.PROPERTY);
      } else {
        System.setProperty(NettyTransport.PROPERTY, before);
      }
    }
  }
}
