package io.jsonrpc2.examples.netstring;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.netty.netstring.NetstringClientTransport;
import io.jsonrpc2.netty.netstring.NetstringServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Short, tested recipes for the netstring transport, quoted by docs/netstring.md. */
public final class NetstringRecipes {
  private NetstringRecipes() {}

  public static NetstringServer tlsServer(
      JsonRpcService service, int port, File certificateChain, File privateKey, File clientCas) {
    // docs:begin netstring-tls-server
    NetstringServer server =
        NetstringServer.builder(service)
            .host("127.0.0.1")
            .port(port)
            .tls(certificateChain, privateKey) // PEM certificate chain, PEM PKCS#8 key
            // optional: only clients with a certificate from these CAs
            .clientCertificates(clientCas, true)
            .start();
    // docs:end netstring-tls-server
    return server;
  }

  public static JsonRpcClient tlsClient(
      String host, int port, Path serverCa, File certificate, File key) {
    // docs:begin netstring-tls-client
    JsonRpcClient client =
        JsonRpcClient.builder()
            .transport(
                NetstringClientTransport.builder(host, port)
                    .trustCertificates(serverCa) // PEM; or trustStore(path, password)
                    .clientCertificate(certificate, key) // when the server asks for one
                    .build())
            .build();
    // docs:end netstring-tls-client
    return client;
  }

  public static JsonRpcClient tunedClient(String host, int port) {
    // docs:begin netstring-client-options
    JsonRpcClient client =
        JsonRpcClient.builder()
            .transport(
                NetstringClientTransport.builder(host, port)
                    .connectTimeout(Duration.ofSeconds(3))
                    .reconnectBackoff(Duration.ofMillis(50), Duration.ofSeconds(2))
                    .maxFrameLength(1024 * 1024) // larger replies drop the connection
                    .build())
            .timeout(Duration.ofSeconds(5)) // default per call; client.withTimeout(...) per view
            .build();
    // docs:end netstring-client-options
    return client;
  }

  public static NetstringServer limitedServer(JsonRpcService service, int port) {
    // docs:begin netstring-limits
    NetstringServer server =
        NetstringServer.builder(service)
            .host("127.0.0.1")
            .port(port)
            .maxFrameLength(1024 * 1024) // default 8 MiB; txjason peers stop at 99,999 bytes
            .maxInFlightPerConnection(256) // default 1024; reading pauses beyond it
            .idleTimeout(Duration.ofMinutes(5)) // default: never
            .shutdownTimeout(Duration.ofSeconds(5)) // close() waits this long for calls in flight
            .start();
    // docs:end netstring-limits
    return server;
  }

  /** Suspends the service, resumes it, then cancels what is left and shuts down. */
  public static boolean lifecycle(NetstringServer server) {
    CompletableFuture<Void> stopped;
    // docs:begin netstring-lifecycle
    server.service().stopServing(Example.CustomError.class); // every request now gets -32050
    server.service().startServing(); // and now it is served again
    int cancelled = server.service().cancelPending(); // calls in flight get -32096 at once
    stopped = server.shutdown(Duration.ofSeconds(5)); // stop accepting, finish, close
    // docs:end netstring-lifecycle
    stopped.join();
    return cancelled >= 0;
  }

  public static Channel ownBootstrap(JsonRpcService service, EventLoopGroup group)
      throws InterruptedException {
    // docs:begin netstring-own-bootstrap
    Channel listener =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                NetstringServer.builder(service).maxFrameLength(65536).channelInitializer())
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
    // docs:end netstring-own-bootstrap
    return listener;
  }
}
