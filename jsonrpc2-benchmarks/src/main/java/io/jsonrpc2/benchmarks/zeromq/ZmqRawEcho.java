package io.jsonrpc2.benchmarks.zeromq;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The floor for {@link ZmqLoad}: bare JeroMQ, a DEALER keeping K copies of a JSON-RPC request in
 * flight against a ROUTER thread that sends each one straight back. No JSON is parsed, no extra
 * threads are crossed; whatever {@code ZmqLoad} gets less is the price of JSON-RPC and of the
 * transport's thread hand-offs.
 *
 * <pre>ZmqRawEcho [--in-flight K] [--seconds S] [--warmup S]</pre>
 */
public final class ZmqRawEcho {
  private ZmqRawEcho() {}

  public static void main(String[] args) throws InterruptedException {
    ZmqLoad.Options options = ZmqLoad.Options.parse(args);
    byte[] request = ("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"" + "x".repeat(options.payload())
        + "\"],\"id\":1}").getBytes(StandardCharsets.UTF_8);
    try (ZContext context = new ZContext(1)) {
      ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
      router.bind("tcp://127.0.0.1:0");
      String endpoint = router.getLastEndpoint();
      Thread echo = new Thread(() -> {
        try {
          while (!Thread.currentThread().isInterrupted()) {
            byte[] identity = router.recv(0);
            byte[] body = router.recv(0);
            if (identity == null || body == null) {
              return;
            }
            router.sendMore(identity);
            router.send(body);
          }
        } catch (RuntimeException stopped) {
          // the context is closing
        }
      }, "raw-echo");
      echo.setDaemon(true);
      echo.start();
      ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
      dealer.connect(endpoint);
      run(dealer, request, options.inFlight(), options.warmup());
      long started = System.nanoTime();
      long calls = run(dealer, request, options.inFlight(), options.seconds());
      double elapsed = (System.nanoTime() - started) / 1e9;
      System.out.printf(Locale.ROOT,
          "raw JeroMQ DEALER -> ROUTER echo, %d in flight: %d messages in %.1f s = %.0f msg/s%n",
          options.inFlight(), calls, elapsed, calls / elapsed);
      echo.interrupt();
    }
  }

  private static long run(ZMQ.Socket dealer, byte[] request, int inFlight, int seconds) {
    for (int i = 0; i < inFlight; i++) {
      dealer.send(request);
    }
    long done = 0;
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() - end < 0) {
      dealer.recv(0);
      done++;
      dealer.send(request);
    }
    for (int i = 0; i < inFlight; i++) {
      dealer.recv(0);
    }
    return done;
  }
}
