package io.jsonrpc2.examples.zeromq;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.client.CallTimeoutException;
import io.jsonrpc2.zeromq.JsonRpcZmq;
import io.jsonrpc2.zeromq.ZmqBroker;
import io.jsonrpc2.zeromq.ZmqServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.zeromq.SocketType;

/**
 * Scale-out with the ZeroMQ broker pattern: clients call one endpoint, the broker spreads the calls
 * over workers that connect to it, each of which may be its own process on its own machine.
 *
 * <p>Run the parts as separate processes:
 *
 * <pre>
 * ZmqBrokerExample broker tcp://127.0.0.1:5555 tcp://127.0.0.1:5556
 * ZmqBrokerExample worker worker-1 tcp://127.0.0.1:5556
 * ZmqBrokerExample worker worker-2 tcp://127.0.0.1:5556
 * ZmqBrokerExample client tcp://127.0.0.1:5555
 * </pre>
 *
 * or all in one: {@code ZmqBrokerExample demo}.
 */
public final class ZmqBrokerExample {
  private ZmqBrokerExample() {}

  /** A worker's method: says which worker answered. */
  public static final class Worker {
    private final String name;

    public Worker(String name) {
      this.name = name;
    }

    @JsonRpcMethod
    public String whoami() {
      return name;
    }
  }

  public static ZmqBroker broker(String frontend, String backend) {
    // docs:begin zmq-broker
    ZmqBroker broker =
        ZmqBroker.builder()
            .frontend(frontend) // clients connect here, as to any server
            .backend(backend) // workers connect here
            .start();
    // docs:end zmq-broker
    return broker;
  }

  public static ZmqServer worker(String name, String backend) {
    // docs:begin zmq-worker
    JsonRpcService service = JsonRpcService.builder().handler(new Worker(name)).build();
    ZmqServer worker =
        ZmqServer.builder(service)
            .socketType(SocketType.REP) // one call at a time; ROUTER or DEALER for many
            .connect(backend) // a worker connects instead of binding
            .start();
    // docs:end zmq-worker
    return worker;
  }

  // docs:begin zmq-broker-client
  /**
   * Calls {@code whoami}, asking again when no answer comes in time: a request the broker handed to
   * a worker that went away is lost, and only the caller can tell.
   */
  static String whoami(JsonRpcClient client, int attempts) {
    for (int attempt = 1; ; attempt++) {
      try {
        return client.withTimeout(Duration.ofSeconds(2)).call("whoami", String.class);
      } catch (CallTimeoutException e) {
        if (attempt == attempts) {
          throw e;
        }
      }
    }
  }

  // docs:end zmq-broker-client

  /**
   * Asks until {@code expected} workers have answered, at most {@code maxCalls} times; the names
   * seen.
   */
  public static Set<String> askAround(String frontend, int expected, int maxCalls) {
    Set<String> seen = new TreeSet<>();
    try (JsonRpcClient client = JsonRpcZmq.client(frontend)) {
      for (int i = 0; i < maxCalls && seen.size() < expected; i++) {
        seen.add(whoami(client, 5));
      }
    }
    return seen;
  }

  /** The broker, two workers and a client in one JVM; the names of the workers that answered. */
  public static Set<String> demo() {
    List<AutoCloseable> parts = new ArrayList<>();
    try {
      ZmqBroker broker = broker("tcp://127.0.0.1:0", "tcp://127.0.0.1:0");
      parts.add(broker);
      parts.add(worker("worker-1", broker.backendEndpoint()));
      parts.add(worker("worker-2", broker.backendEndpoint()));
      return askAround(broker.frontendEndpoint(), 2, 1_000);
    } finally {
      closeInReverse(parts);
    }
  }

  private static void closeInReverse(List<AutoCloseable> parts) {
    for (int i = parts.size() - 1; i >= 0; i--) {
      try {
        parts.get(i).close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  public static void main(String[] args) {
    String mode = args.length > 0 ? args[0] : "demo";
    switch (mode) {
      case "broker" -> {
        ZmqBroker broker = broker(args[1], args[2]);
        System.out.println(
            "Clients: " + broker.frontendEndpoint() + ", workers: " + broker.backendEndpoint());
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
      }
      case "worker" -> {
        ZmqServer worker = worker(args[1], args[2]);
        Runtime.getRuntime().addShutdownHook(new Thread(worker::close));
      }
      case "client" ->
          System.out.println("Answered by " + askAround(args[1], Integer.MAX_VALUE, 20));
      default -> System.out.println("Answered by " + demo());
    }
  }
}
