package io.jsonrpc2.benchmarks.zeromq;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.zeromq.ZmqClientTransport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The load side of the ZeroMQ load test: keeps K echo calls in flight against a {@link
 * ZmqLoadServer} for a fixed time and prints one Markdown table row per K: calls per second, p50
 * and p99 latency, and the server's CPU time per call (read from {@code /proc/PID/stat}).
 *
 * <pre>
 * ZmqLoad --endpoint tcp://HOST:PORT [--server-pid PID] [--client raw|dealer|req] [--label TEXT]
 *         [--warmup S] [--measure S] K...
 * </pre>
 *
 * <ul>
 *   <li>{@code raw}: one thread on a bare JeroMQ DEALER sending the bytes of an echo request and
 *       reading replies, which come back in order; no JSON-RPC client at all.
 *   <li>{@code dealer}, {@code req}: {@link JsonRpcClient} over {@link ZmqClientTransport} on that
 *       socket type; a REQ socket carries one call at a time whatever K is.
 * </ul>
 */
public final class ZmqLoad {
  private static final double CLOCK_TICKS_PER_SECOND = 100.0; // USER_HZ on Linux
  private static final String TEXT = "hello";

  private ZmqLoad() {}

  record Result(long calls, long errors, LatencyHistogram latencies) {}

  public static void main(String[] args) throws Exception {
    String endpoint = null;
    long serverPid = -1;
    String client = "dealer";
    String label = "?";
    int warmup = 10;
    int measure = 10;
    List<Integer> inFlight = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--endpoint" -> endpoint = args[++i];
        case "--server-pid" -> serverPid = Long.parseLong(args[++i]);
        case "--client" -> client = args[++i].toLowerCase(Locale.ROOT);
        case "--label" -> label = args[++i];
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--measure" -> measure = Integer.parseInt(args[++i]);
        default -> inFlight.add(Integer.parseInt(args[i]));
      }
    }
    if (endpoint == null || inFlight.isEmpty()) {
      throw new IllegalArgumentException("usage: ZmqLoad --endpoint E [options] K...");
    }
    boolean first = true;
    for (int k : inFlight) {
      // One connection per row, warmed up before it is measured: a fresh connection's handshake
      // may stall for a second (see ClientSocket in jsonrpc2-zeromq), which is not what is
      // measured.
      try (Load load =
          client.equals("raw") ? new RawLoad(endpoint) : new ClientLoad(endpoint, client)) {
        load.run(k, first ? warmup : 3);
        first = false;
        long ticksBefore = cpuTicks(serverPid);
        long started = System.nanoTime();
        Result result = load.run(k, measure);
        double seconds = (System.nanoTime() - started) / 1e9;
        long ticks = cpuTicks(serverPid) - ticksBefore;
        double cpuMicrosPerCall =
            serverPid < 0 || result.calls() == 0
                ? Double.NaN
                : ticks / CLOCK_TICKS_PER_SECOND * 1e6 / result.calls();
        System.out.printf(
            Locale.ROOT,
            "| %s | %s | %d | %,.0f | %d | %d | %.2f | %d |%n",
            label,
            client,
            k,
            result.calls() / seconds,
            result.latencies().percentileMicros(0.50),
            result.latencies().percentileMicros(0.99),
            cpuMicrosPerCall,
            result.errors());
      }
    }
  }

  /** Keeps calls in flight over one connection. */
  interface Load extends AutoCloseable {
    Result run(int inFlight, int seconds) throws InterruptedException;

    @Override
    void close();
  }

  /** JsonRpcClient over the transport. */
  static final class ClientLoad implements Load {
    private final JsonRpcClient client;

    ClientLoad(String endpoint, String socketType) {
      SocketType type = socketType.equals("req") ? SocketType.REQ : SocketType.DEALER;
      client =
          JsonRpcClient.builder()
              .transport(ZmqClientTransport.builder(endpoint).socketType(type).build())
              .timeout(Duration.ofSeconds(30))
              .build();
    }

    /**
     * K chains of calls: each reply sends the chain's next call from the thread that completed it,
     * so no thread waits to be woken between two calls and only the client itself is measured.
     */
    @Override
    public Result run(int inFlight, int seconds) throws InterruptedException {
      LatencyHistogram latencies = new LatencyHistogram();
      AtomicLong completed = new AtomicLong();
      AtomicLong failed = new AtomicLong();
      CountDownLatch chainsDone = new CountDownLatch(inFlight);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      for (int i = 0; i < inFlight; i++) {
        call(end, latencies, completed, failed, chainsDone);
      }
      chainsDone.await();
      return new Result(completed.get(), failed.get(), latencies);
    }

    private void call(
        long end,
        LatencyHistogram latencies,
        AtomicLong completed,
        AtomicLong failed,
        CountDownLatch chainsDone) {
      long sent = System.nanoTime();
      client
          .callAsync("echo", String.class, TEXT)
          .whenComplete(
              (echoed, failure) -> {
                long now = System.nanoTime();
                boolean ok = failure == null && TEXT.equals(echoed);
                if (ok) {
                  latencies.record(now - sent);
                  completed.incrementAndGet();
                } else {
                  failed.incrementAndGet();
                }
                // A failed call ends its chain: a failure may come at once, and calling again from
                // here
                // would then recurse.
                if (ok && now - end < 0) {
                  call(end, latencies, completed, failed, chainsDone);
                } else {
                  chainsDone.countDown();
                }
              });
    }

    @Override
    public void close() {
      client.close();
    }
  }

  /** A bare DEALER: sends the request bytes, reads the replies, which come back in order. */
  static final class RawLoad implements Load {
    private static final byte[] REQUEST =
        ("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"" + TEXT + "\"],\"id\":1}")
            .getBytes(StandardCharsets.UTF_8);
    private final ZContext context = new ZContext(1);
    private final ZMQ.Socket dealer;

    RawLoad(String endpoint) {
      dealer = context.createSocket(SocketType.DEALER);
      dealer.setHandshakeIvl(1_000); // see ClientSocket in jsonrpc2-zeromq
      dealer.setReceiveTimeOut(30_000);
      dealer.connect(endpoint);
    }

    @Override
    public Result run(int inFlight, int seconds) {
      LatencyHistogram latencies = new LatencyHistogram();
      long calls = 0;
      ArrayDeque<Long> sentAt = new ArrayDeque<>(inFlight);
      for (int i = 0; i < inFlight; i++) {
        sentAt.add(System.nanoTime());
        dealer.send(REQUEST);
      }
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (!sentAt.isEmpty()) {
        if (dealer.recv(0) == null) {
          break; // no reply within 30 s: the rest count as errors
        }
        latencies.record(System.nanoTime() - sentAt.poll());
        calls++;
        if (System.nanoTime() - end < 0) {
          sentAt.add(System.nanoTime());
          dealer.send(REQUEST);
        }
      }
      return new Result(calls, sentAt.size(), latencies);
    }

    @Override
    public void close() {
      context.close();
    }
  }

  /** utime + stime of a process in clock ticks; 0 when no process is given. */
  private static long cpuTicks(long pid) throws IOException {
    if (pid < 0) {
      return 0;
    }
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    // After "pid (name) ": field 3 (state) onwards; utime and stime are fields 14 and 15.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
