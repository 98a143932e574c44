package io.jsonrpc2.examples.netstring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.client.ConnectionLostException;
import io.jsonrpc2.client.ErrorResponseException;
import io.jsonrpc2.message.ErrorCodes;
import io.jsonrpc2.netty.netstring.NetstringClient;
import io.jsonrpc2.netty.netstring.NetstringServer;
import io.jsonrpc2.testing.TestCertificate;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the netstring examples and recipes against each other in this JVM. */
@Timeout(60)
class NetstringExamplesTest {

  private static String printedBy(Runnable action) {
    PrintStream saved = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(saved);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void exampleClientGetsItsEchoFromExampleServer() {
    NetstringServer[] started = new NetstringServer[1];
    String banner = printedBy(() -> started[0] = ExampleServer.run(new String[] {"0"}));
    try (NetstringServer server = started[0]) {
      assertThat(banner)
          .contains("main.echo")
          .contains("main.deferredEcho")
          .contains(":" + server.port());
      assertThat(ExampleClient.echo("127.0.0.1", server.port(), "foo")).isEqualTo("foo");
      String printed =
          printedBy(
              () ->
                  ExampleClient.main(
                      new String[] {String.valueOf(server.port()), "127.0.0.1", "bar"}));
      assertThat(printed.trim()).isEqualTo("bar");
    }
  }

  @Test
  void exampleMethodsBehaveAsDocumented() {
    try (NetstringServer server = ExampleServer.start("127.0.0.1", 0);
        JsonRpcClient client = NetstringClient.create("127.0.0.1", server.port())) {
      assertThat(client.call("main.deferredEcho", java.util.List.class, java.util.List.of("x", 1)))
          .isEqualTo(java.util.List.of("x", 1));
      assertThat(client.call("main.add", Long.class, 2, 40)).isEqualTo(42L);
      assertThat(client.call("main.sleep", String.class, 0.01)).isEqualTo("slept 0.01 s");
      assertThat(client.call("main.whoami", Map.class))
          .containsEntry("transport", "netstring")
          .containsEntry("certificate", null);
      assertThatThrownBy(() -> client.call("main.fail", Object.class))
          .isInstanceOfSatisfying(
              ErrorResponseException.class, e -> assertThat(e.code()).isEqualTo(-32050));
    }
  }

  @Test
  void tlsRecipesAuthenticateBothSides(@TempDir Path dir) throws Exception {
    TestCertificate.Pem server = TestCertificate.selfSigned(dir, "server");
    TestCertificate.Pem client = TestCertificate.selfSigned(dir, "client");
    JsonRpcService service = JsonRpcService.builder().handler("main", new Example()).build();
    try (NetstringServer tls =
            NetstringRecipes.tlsServer(
                service,
                0,
                server.certificate().toFile(),
                server.privateKey().toFile(),
                client.certificate().toFile());
        JsonRpcClient caller =
            NetstringRecipes.tlsClient(
                "127.0.0.1",
                tls.port(),
                server.certificate(),
                client.certificate().toFile(),
                client.privateKey().toFile())) {
      assertThat(caller.call("main.whoami", Map.class)).containsEntry("certificate", "CN=client");
    }
  }

  @Test
  void clientOptionsAndLimitsRecipes() {
    JsonRpcService service = JsonRpcService.builder().handler("main", new Example()).build();
    try (NetstringServer server = NetstringRecipes.limitedServer(service, 0);
        JsonRpcClient client = NetstringRecipes.tunedClient("127.0.0.1", server.port())) {
      assertThat(client.call("main.echo", String.class, "small")).isEqualTo("small");
      String tooBig = "x".repeat(1024 * 1024);
      assertThatThrownBy(() -> client.call("main.echo", String.class, tooBig))
          .isInstanceOf(ConnectionLostException.class);
      assertThat(client.call("main.echo", String.class, "reconnected")).isEqualTo("reconnected");
    }
  }

  /** A method that says when it has started, so the lifecycle recipe finds a call in flight. */
  public static final class Slow {
    final Semaphore started = new Semaphore(0);

    @JsonRpcMethod
    public String slow() throws InterruptedException {
      started.release();
      Thread.sleep(60_000);
      return "finished";
    }
  }

  @Test
  void lifecycleRecipeCancelsAndShutsDown() throws Exception {
    Slow slow = new Slow();
    NetstringServer server =
        NetstringServer.builder(JsonRpcService.builder().handler(slow).build())
            .host("127.0.0.1")
            .start();
    try (JsonRpcClient client = NetstringClient.create("127.0.0.1", server.port())) {
      CompletableFuture<String> call = client.callAsync("slow", String.class);
      assertThat(slow.started.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
      assertThat(NetstringRecipes.lifecycle(server)).isTrue();
      assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOfSatisfying(
              ErrorResponseException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCodes.CANCELLED));
    }
  }

  @Test
  void ownBootstrapRecipeServes() throws Exception {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      Channel listener =
          NetstringRecipes.ownBootstrap(
              JsonRpcService.builder().handler("main", new Example()).build(), group);
      int port = ((InetSocketAddress) listener.localAddress()).getPort();
      try (JsonRpcClient client = NetstringClient.create("127.0.0.1", port)) {
        assertThat(client.call("main.echo", String.class, "mounted")).isEqualTo("mounted");
      }
      listener.close().sync();
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }
}
