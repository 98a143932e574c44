package io.jsonrpc2.benchmarks.zeromq;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.NonBlocking;
import io.jsonrpc2.zeromq.ZmqClientTransport;
import io.jsonrpc2.zeromq.ZmqServer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.zeromq.SocketType;

/**
 * A load generator for the ZeroMQ transport: one client keeps K {@code echo} calls in flight for
 * a fixed time against a server in the same JVM (or at {@code --endpoint}) and prints the calls per
 * second and the p50/p99 latency.
 *
 * <pre>
 * ZmqLoad [--in-flight K] [--seconds S] [--warmup S] [--payload CHARS]
 *         [--client DEALER|REQ] [--server ROUTER|REP] [--endpoint tcp://HOST:PORT]
 * </pre>
 * The echo method is {@link NonBlocking}, so the numbers are those of the I/O path: ZeroMQ, the
 * transport threads and the JSON-RPC engine, not of an executor hop.
 */
public final class ZmqLoad {
  private ZmqLoad() {}

  /** The method under load. */
  public static final class Echo {
    @JsonRpcMethod
    @NonBlocking
    public String echo(String text) {
      return text;
    }
  }

  record Options(int inFlight, int seconds, int warmup, int payload, SocketType client, SocketType server,
      String endpoint) {
    static Options parse(String[] args) {
      int inFlight = 64;
      int seconds = 10;
      int warmup = 3;
      int payload = 16;
      SocketType client = SocketType.DEALER;
      SocketType server = SocketType.ROUTER;
      String endpoint = null;
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : "";
        switch (args[i]) {
          case "--in-flight" -> inFlight = Integer.parseInt(value);
          case "--seconds" -> seconds = Integer.parseInt(value);
          case "--warmup" -> warmup = Integer.parseInt(value);
          case "--payload" -> payload = Integer.parseInt(value);
          case "--client" -> client = SocketType.valueOf(value.toUpperCase(Locale.ROOT));
          case "--server" -> server = SocketType.valueOf(value.toUpperCase(Locale.ROOT));
          case "--endpoint" -> endpoint = value;
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
        i++;
      }
      return new Options(inFlight, seconds, warmup, payload, client, server, endpoint);
    }
  }

  public static void main(String[] args) throws InterruptedException {
    Options options = Options.parse(args);
    ZmqServer server = null;
    String endpoint = options.endpoint();
    if (endpoint == null) {
      JsonRpcService service = JsonRpcService.builder().handler(new Echo()).build();
      server = ZmqServer.builder(service)
          .socketType(options.server())
          .bind("tcp://127.0.0.1:0")
          .maxInFlight(Math.max(1024, options.inFlight()))
          .start();
      endpoint = server.endpoint();
    }
    ZmqClientTransport transport = ZmqClientTransport.builder(endpoint).socketType(options.client()).build();
    try (JsonRpcClient client = JsonRpcClient.builder().transport(transport).timeout(Duration.ofSeconds(30)).build()) {
      String text = "x".repeat(options.payload());
      run(client, text, options.inFlight(), options.warmup(), new LatencyHistogram());
      LatencyHistogram latencies = new LatencyHistogram();
      long started = System.nanoTime();
      long calls = run(client, text, options.inFlight(), options.seconds(), latencies);
      double elapsed = (System.nanoTime() - started) / 1e9;
      System.out.printf(Locale.ROOT,
          "%s -> %s, %d in flight, %d-char payload: %d calls in %.1f s = %.0f req/s, p50 %d us, p90 %d us, p99 %d us%n",
          options.client(), options.server(), options.inFlight(), options.payload(), calls, elapsed,
          calls / elapsed, latencies.percentileMicros(0.50), latencies.percentileMicros(0.90),
          latencies.percentileMicros(0.99));
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  /** Keeps {@code inFlight} calls going for {@code seconds}; returns how many completed. */
  static long run(JsonRpcClient client, String text, int inFlight, int seconds, LatencyHistogram latencies)
      throws InterruptedException {
    Semaphore slots = new Semaphore(inFlight);
    AtomicLong completed = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() - end < 0) {
      if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
        continue;
      }
      long sent = System.nanoTime();
      client.callAsync("echo", String.class, text).whenComplete((echoed, failure) -> {
        if (failure == null) {
          latencies.record(System.nanoTime() - sent);
          completed.incrementAndGet();
        } else {
          failed.incrementAndGet();
        }
        slots.release();
      });
    }
    slots.acquire(inFlight); // let the last calls finish
    if (failed.get() > 0) {
      System.out.println(failed.get() + " calls failed");
    }
    return completed.get();
  }
}
