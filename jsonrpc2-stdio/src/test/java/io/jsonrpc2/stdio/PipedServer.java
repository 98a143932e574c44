package io.jsonrpc2.stdio;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.connection.JsonRpcConnection;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A {@link StdioServer} serving on a thread of its own over two in-process pipes. */
final class PipedServer {
  final Pipe toServer = new Pipe();
  final Pipe fromServer = new Pipe();
  final StdioFraming framing;

  /** Completes when {@code serve} returns, exceptionally when it threw. */
  final CompletableFuture<Void> served = new CompletableFuture<>();

  PipedServer(JsonRpcService service, StdioFraming framing) {
    this.framing = framing;
    StdioServer server =
        StdioServer.builder(service).framing(framing).streams(toServer.in, fromServer.out).build();
    Thread thread =
        new Thread(
            () -> {
              try {
                server.serve();
                served.complete(null);
              } catch (IOException | RuntimeException e) {
                served.completeExceptionally(e);
              }
            },
            "piped-stdio-server");
    thread.setDaemon(true);
    thread.start();
  }

  /** A started connection to the server, answering its calls with {@code local}. */
  JsonRpcConnection connect(JsonRpcService local) {
    StreamMessageChannel channel =
        StreamMessageChannel.builder(fromServer.in, toServer.out)
            .framing(framing)
            .description("piped server")
            .build();
    return JsonRpcConnection.builder(channel)
        .service(local)
        .cancellation(JsonRpcService.CANCEL_METHOD)
        .build()
        .start();
  }

  /** Ends the server's input and waits for it to return. */
  void close() throws Exception {
    toServer.out.close();
    try {
      served.get(20, TimeUnit.SECONDS);
    } finally {
      fromServer.in.close();
    }
  }
}
