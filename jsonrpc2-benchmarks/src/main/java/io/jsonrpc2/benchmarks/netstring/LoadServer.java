package io.jsonrpc2.benchmarks.netstring;

import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.NonBlocking;
import io.jsonrpc2.netty.netstring.NetstringServer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The server side of the netstring load test, meant to run in its own (pinned) JVM.
 *
 * <p>Usage: {@code LoadServer raw|jsonrpc|plain [port [ioThreads]]}; defaults 0 (any free port) and
 * 1 I/O thread. {@code jsonrpc} serves a {@code @NonBlocking} echo, {@code plain} the same echo as
 * users write it, run on the service's executor. Prints {@code READY <port>} once listening and
 * serves until killed.
 */
public final class LoadServer {
  private LoadServer() {}

  /** The JSON-RPC side: one echo method that never blocks, so it runs on the I/O thread. */
  public static final class Echo {
    @JsonRpcMethod
    @NonBlocking
    public Object echo(Object value) {
      return value;
    }
  }

  /** The same echo without {@code @NonBlocking}: it runs on the service's executor. */
  public static final class PlainEcho {
    @JsonRpcMethod
    public Object echo(Object value) {
      return value;
    }
  }

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "jsonrpc";
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int bound;
    if (mode.equals("raw")) {
      bound = new RawNetstringEchoServer("127.0.0.1", port, threads).port();
    } else if (mode.equals("jsonrpc") || mode.equals("plain")) {
      JsonRpcService service =
          JsonRpcService.builder()
              .handler(mode.equals("plain") ? new PlainEcho() : new Echo())
              // -DblockedThreadWarningMillis=0 measures the I/O-thread path without its watch.
              .blockedThreadWarning(
                  Duration.ofMillis(Long.getLong("blockedThreadWarningMillis", 1000)))
              .build();
      bound =
          NetstringServer.builder(service)
              .host("127.0.0.1")
              .port(port)
              .workerThreads(threads)
              .start()
              .port();
    } else {
      throw new IllegalArgumentException("mode must be raw, jsonrpc or plain, got " + mode);
    }
    System.out.println("READY " + bound);
    new CountDownLatch(1).await();
  }
}
