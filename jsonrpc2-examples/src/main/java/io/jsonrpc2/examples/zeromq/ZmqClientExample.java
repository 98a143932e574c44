package io.jsonrpc2.examples.zeromq;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.client.BatchResponse;
import io.jsonrpc2.client.CallTimeoutException;
import io.jsonrpc2.message.Id;
import io.jsonrpc2.message.Request;
import io.jsonrpc2.message.Response;
import io.jsonrpc2.zeromq.JsonRpcZmq;
import io.jsonrpc2.zeromq.ZmqClientTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.zeromq.SocketType;

/**
 * The jsonrpcclient ZeroMQ examples in Java: {@code request('cat', name='Mittens')}, a batch of ten
 * {@code cube} calls, a notification; then many calls in flight over DEALER, and a timeout the
 * client survives.
 *
 * <p>Run: {@code ZmqClientExample [ENDPOINT]} against {@link ZmqServerExample} (ROUTER, for the
 * DEALER part to run calls side by side).
 */
public final class ZmqClientExample {
  private ZmqClientExample() {}

  /** What the examples got back, in order, as lines of text. */
  public static List<String> run(String endpoint) {
    List<String> out = new ArrayList<>();
    // docs:begin zmq-client
    // a REQ socket, like jsonrpcclient's ZMQServer(endpoint)
    try (JsonRpcClient client = JsonRpcZmq.client(endpoint)) {
      String sound = client.call("cat", String.class, Map.of("name", "Mittens"));
      out.add("cat: " + sound); // meow

      List<Request> cubes =
          IntStream.range(0, 10).mapToObj(i -> Request.of("cube", i).withId("cube-" + i)).toList();
      BatchResponse batch = client.send(cubes); // one message, ten responses
      for (int i = 0; i < 10; i++) {
        Response response = batch.get(Id.of("cube-" + i)).orElseThrow();
        out.add("cube(" + i + ") = " + response.result());
      }

      client.notify("log", "ten cubes done"); // no reply is awaited
    }
    // docs:end zmq-client
    out.add("dealer: " + dealer(endpoint));
    out.add("timeout: " + timeout(endpoint));
    return out;
  }

  /** Many calls in flight on one DEALER socket; the sum of the first 100 cubes. */
  static long dealer(String endpoint) {
    // docs:begin zmq-dealer
    ZmqClientTransport transport =
        ZmqClientTransport.builder(endpoint)
            .socketType(SocketType.DEALER) // many calls in flight, replies in any order
            .build();
    try (JsonRpcClient client = JsonRpcClient.builder().transport(transport).build()) {
      List<CompletableFuture<Long>> cubes =
          IntStream.range(0, 100).mapToObj(i -> client.callAsync("cube", Long.class, i)).toList();
      return cubes.stream().mapToLong(CompletableFuture::join).sum();
    }
    // docs:end zmq-dealer
  }

  /** A call that times out, and the next one on the same REQ client, which goes through. */
  static String timeout(String endpoint) {
    // docs:begin zmq-timeout
    try (JsonRpcClient client =
        JsonRpcZmq.client(endpoint, SocketType.REQ, Duration.ofSeconds(10))) {
      try {
        client.withTimeout(Duration.ofMillis(200)).call("nap", String.class, 2_000);
      } catch (CallTimeoutException e) {
        // The REQ socket that waited is closed and a new one connected:
        // the client is usable right away.
      }
      return client.call("cat", String.class, Map.of("name", "Felix")); // meow
    }
    // docs:end zmq-timeout
  }

  public static void main(String[] args) {
    run(args.length > 0 ? args[0] : "tcp://127.0.0.1:5555").forEach(System.out::println);
  }
}
