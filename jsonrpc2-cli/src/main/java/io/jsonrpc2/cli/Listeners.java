package io.jsonrpc2.cli;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.netty.http.JsonRpcHttpServer;
import io.jsonrpc2.netty.netstring.NetstringServer;
import io.jsonrpc2.zeromq.ZmqServer;
import java.io.File;
import java.net.BindException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;

/**
 * Starts the servers {@code serve} offers, each as a {@link Listener}. A server that cannot start
 * is a {@link CliException} (usage) that says which address and why, most often a port in use.
 */
final class Listeners {
  /** PEM files for TLS on HTTP and netstring listeners; null for plain TCP. */
  record Tls(File certificateChain, File privateKey) {}

  private Listeners() {}

  static Listener http(
      JsonRpcService service, String host, int port, String path, @Nullable Tls tls) {
    JsonRpcHttpServer.Builder builder =
        JsonRpcHttpServer.builder(service).host(host).port(port).path(path);
    if (tls != null) {
      builder.tls(tls.certificateChain(), tls.privateKey());
    }
    JsonRpcHttpServer server;
    try {
      server = builder.build().start();
    } catch (RuntimeException e) {
      throw cannotListen("HTTP", host, port, e);
    }
    String url =
        (tls != null ? "https://" : "http://") + hostPort(host, server.port()) + server.path();
    return new Listener(url, server);
  }

  static Listener netstring(JsonRpcService service, String host, int port, @Nullable Tls tls) {
    NetstringServer.Builder builder = NetstringServer.builder(service).host(host).port(port);
    if (tls != null) {
      builder.tls(tls.certificateChain(), tls.privateKey());
    }
    NetstringServer server;
    try {
      server = builder.start();
    } catch (RuntimeException e) {
      throw cannotListen("netstrings", host, port, e);
    }
    String url =
        (tls != null ? "netstring+tls://" : "netstring://") + hostPort(host, server.port());
    return new Listener(url, server);
  }

  /**
   * @param endpoint {@code tcp://HOST:PORT} (or {@code zmq+tcp://HOST:PORT}); port 0 picks a free
   *     one
   * @param router a ROUTER socket (many calls at once) instead of REP (one at a time)
   */
  static Listener zmq(JsonRpcService service, String endpoint, boolean router) {
    String bind = endpoint.startsWith("zmq+") ? endpoint.substring("zmq+".length()) : endpoint;
    if (!bind.startsWith("tcp://")) {
      throw CliException.usage("--zmq takes tcp://HOST:PORT, got '" + endpoint + "'");
    }
    SocketType type = router ? SocketType.ROUTER : SocketType.REP;
    ZmqServer server;
    try {
      server = ZmqServer.builder(service).socketType(type).bind(bind).start();
    } catch (RuntimeException e) {
      throw new CliException(
          ExitCode.USAGE, "cannot serve ZeroMQ on " + bind + inUse(e) + ": " + e.getMessage(), e);
    }
    String url = "zmq+" + server.endpoint() + " (" + type.name() + ")";
    return new Listener(url, server);
  }

  private static CliException cannotListen(String what, String host, int port, RuntimeException e) {
    return new CliException(
        ExitCode.USAGE,
        "cannot serve " + what + " on " + hostPort(host, port) + inUse(e) + ": " + e.getMessage(),
        e);
  }

  // "Address already in use" reads differently per layer (java.net, Netty's native errors,
  // ZeroMQ's errno), so the whole cause chain is searched.
  private static String inUse(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
      if (cause instanceof BindException || message.contains("in use")) {
        return " (the port is in use)";
      }
    }
    return "";
  }

  private static String hostPort(String host, int port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
