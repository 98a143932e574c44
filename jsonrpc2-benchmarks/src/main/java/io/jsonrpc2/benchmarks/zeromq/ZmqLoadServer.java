package io.jsonrpc2.benchmarks.zeromq;

import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.NonBlocking;
import io.jsonrpc2.zeromq.ZmqServer;
import java.util.Locale;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The server side of the ZeroMQ load test, in a JVM of its own so that its CPU time can be read
 * from {@code /proc}. Binds {@code tcp://127.0.0.1:0}, prints {@code READY <endpoint>} and serves
 * until killed.
 *
 * <pre>ZmqLoadServer raw|router|rep</pre>
 *
 * <ul>
 *   <li>{@code raw}: bare JeroMQ, one thread on a ROUTER socket that sends every message straight
 *       back; no JSON-RPC at all. The ceiling.
 *   <li>{@code router}, {@code rep}: {@link ZmqServer} on that socket type serving a {@link
 *       NonBlocking} echo, so the numbers are those of the I/O path.
 * </ul>
 */
public final class ZmqLoadServer {
  private ZmqLoadServer() {}

  /** The method under load. */
  public static final class Echo {
    @JsonRpcMethod
    @NonBlocking
    public String echo(String text) {
      return text;
    }
  }

  public static void main(String[] args) {
    String mode = args.length > 0 ? args[0].toLowerCase(Locale.ROOT) : "router";
    if (mode.equals("raw")) {
      rawEcho();
      return;
    }
    SocketType type = mode.equals("rep") ? SocketType.REP : SocketType.ROUTER;
    JsonRpcService service = JsonRpcService.builder().handler(new Echo()).build();
    ZmqServer server =
        ZmqServer.builder(service).socketType(type).bind("tcp://127.0.0.1:0").start();
    System.out.println("READY " + server.endpoint());
  }

  private static void rawEcho() {
    ZContext context = new ZContext(1);
    ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
    router.bind("tcp://127.0.0.1:0");
    System.out.println("READY " + router.getLastEndpoint());
    while (true) {
      // Routing id, then whatever frames the peer sent, all of it straight back.
      do {
        byte[] frame = router.recv(0);
        router.send(frame, router.hasReceiveMore() ? ZMQ.SNDMORE : 0);
      } while (router.hasReceiveMore());
    }
  }
}
