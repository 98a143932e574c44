package io.jsonrpc2.examples.http;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.http.BasicAuthenticator;
import io.jsonrpc2.http.BearerTokenAuthenticator;
import io.jsonrpc2.http.HttpAuthentication;
import io.jsonrpc2.http.HttpAuthenticator;
import io.jsonrpc2.http.HttpPrincipal;
import io.jsonrpc2.http.HttpRules;
import io.jsonrpc2.netty.http.JsonRpcHttpServer;
import java.io.File;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

/** Serves {@link Greeter} over HTTP on the embedded Netty server: {@code main [port]}. */
public final class NettyHttpServerExample {
  private NettyHttpServerExample() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    JsonRpcHttpServer server = serve(port);
    System.out.println("Serving JSON-RPC on http://127.0.0.1:" + server.port() + server.path());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
  }

  /** The quick start: a service on a port and a path. */
  public static JsonRpcHttpServer serve(int port) {
    // docs:begin netty-server
    JsonRpcService service = JsonRpcService.builder().handler(new Greeter()).build();
    JsonRpcHttpServer server =
        JsonRpcHttpServer.builder(service)
            .host("127.0.0.1") // loopback only; without host(...), every interface
            .port(port) // 0 picks a free port: read it back with server.port()
            .path("/rpc")
            .build()
            .start();
    // docs:end netty-server
    return server;
  }

  /** The HTTP rules that differ from the defaults. */
  public static HttpRules customRules() {
    // docs:begin rules
    HttpRules rules =
        HttpRules.builder()
            // only application/json(-rpc)/jsonrequest; no missing Content-Type:
            .strictContentType(true)
            .notificationStatus(204) // notification-only posts get 204 instead of an empty 200
            .maxBodyBytes(1024 * 1024) // 413 above 1 MiB (default 16 MiB)
            .corsOrigins("https://app.example.com") // CORS on, for this origin only
            .build();
    // docs:end rules
    return rules;
  }

  /** HTTP Basic: a fixed user table, checked in constant time. */
  public static JsonRpcHttpServer serveWithBasicAuth(int port) {
    JsonRpcService service = JsonRpcService.builder().handler(new Greeter()).build();
    // docs:begin basic-auth
    HttpRules rules =
        HttpRules.builder()
            .authenticator(BasicAuthenticator.of("greeter", Map.of("ann", "correct horse")))
            .build();
    JsonRpcHttpServer server =
        JsonRpcHttpServer.builder(service)
            .host("127.0.0.1")
            .port(port)
            .rules(rules)
            .build()
            .start();
    // docs:end basic-auth
    return server;
  }

  /** Bearer tokens from a fixed table. */
  public static HttpRules bearerRules() {
    // docs:begin bearer-auth
    HttpRules rules =
        HttpRules.builder()
            .authenticator(
                BearerTokenAuthenticator.of("greeter", Map.of("s3cr3t-token", "build-bot")))
            .build();
    // docs:end bearer-auth
    return rules;
  }

  /** An authenticator of one's own: callers from loopback only, named after their address. */
  public static HttpRules loopbackOnlyRules() {
    // docs:begin custom-auth
    HttpAuthenticator loopbackOnly =
        (headers, remoteAddress) ->
            remoteAddress instanceof InetSocketAddress inet && inet.getAddress().isLoopbackAddress()
                ? HttpAuthentication.accepted(
                    new HttpPrincipal("local:" + inet.getPort(), "Loopback"))
                : HttpAuthentication.refused("Loopback");
    HttpRules rules = HttpRules.builder().authenticator(loopbackOnly).build();
    // docs:end custom-auth
    return rules;
  }

  /** HTTPS from PEM files, with a longer idle timeout and a graceful stop. */
  public static JsonRpcHttpServer serveTls(int port, File certificateChain, File privateKey) {
    JsonRpcService service = JsonRpcService.builder().handler(new Greeter()).build();
    // docs:begin tls
    JsonRpcHttpServer server =
        JsonRpcHttpServer.builder(service)
            .host("127.0.0.1")
            .port(port)
            // PEM files; or .tls(SslContext) from Netty's SslContextBuilder:
            .tls(certificateChain, privateKey)
            .idleTimeout(Duration.ofMinutes(2))
            .build()
            .start();
    // docs:end tls
    return server;
  }

  /** Stops the server: finishes what it has read, then closes. */
  public static void stop(JsonRpcHttpServer server) {
    // docs:begin shutdown
    server.shutdown(Duration.ofSeconds(10)).join(); // or server.close(): 5 seconds of grace
    // docs:end shutdown
  }
}
