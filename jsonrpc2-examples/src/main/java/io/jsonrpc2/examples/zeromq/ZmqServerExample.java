package io.jsonrpc2.examples.zeromq;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.zeromq.ZmqServer;
import org.zeromq.SocketType;

/**
 * Serves {@link Animals} over ZeroMQ.
 *
 * <p>Run: {@code ZmqServerExample [ENDPOINT [REP|ROUTER]]}, by default {@code tcp://127.0.0.1:5555}
 * on a REP socket. Runs until the JVM is stopped.
 */
public final class ZmqServerExample {
  private ZmqServerExample() {}

  /** Starts the server; the caller closes it. */
  public static ZmqServer start(String endpoint, SocketType socketType, Animals animals) {
    // docs:begin zmq-server
    JsonRpcService service = JsonRpcService.builder().handler(animals).build();
    ZmqServer server =
        ZmqServer.builder(service)
            .socketType(socketType) // REP (the default): one call at a time; ROUTER: many at once
            .bind(endpoint) // such as "tcp://127.0.0.1:5555"; port 0 or * picks one
            .start();
    System.out.println("Serving on " + server.endpoint());
    // docs:end zmq-server
    return server;
  }

  public static void main(String[] args) {
    String endpoint = args.length > 0 ? args[0] : "tcp://127.0.0.1:5555";
    SocketType type = args.length > 1 ? SocketType.valueOf(args[1]) : SocketType.REP;
    ZmqServer server = start(endpoint, type, new Animals());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
  }
}
