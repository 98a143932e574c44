package io.jsonrpc2.benchmarks.http;

import com.sun.management.ThreadMXBean;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.http.HeaderMap;
import io.jsonrpc2.netty.http.JsonRpcHttpInitializer;
import io.jsonrpc2.server.TransportContext;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.ReferenceCountUtil;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where a request's CPU goes, without sockets: the same HTTP request bytes pushed through the raw
 * Netty ceiling's pipeline and through {@code JsonRpcHttpInitializer}'s, both in an {@code
 * EmbeddedChannel} on this thread, and through {@code JsonRpcService.handle} alone; and what
 * building the request's {@code TransportContext} costs. Prints CPU nanoseconds (this thread's CPU
 * time, so time the scheduler gives to other processes does not count) and bytes allocated per
 * request. Run pinned: {@code taskset -c 1 java -cp benchmarks.jar
 * io.jsonrpc2.benchmarks.http.HttpPipelineCost}.
 */
public final class HttpPipelineCost {
  private static final String BODY =
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"hello\"],\"id\":1}";
  private static final byte[] REQUEST =
      ("POST / HTTP/1.1\r\nHost: 127.0.0.1:18080\r\nContent-Type: application/json\r\nContent-Length: "
              + BODY.length()
              + "\r\n\r\n"
              + BODY)
          .getBytes(StandardCharsets.US_ASCII);
  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final int PER_ROUND = 200_000;

  private HttpPipelineCost() {}

  private record Cost(double nanos, long bytes) {}

  private interface Work {
    void run();
  }

  public static void main(String[] args) {
    JsonRpcService service = JsonRpcService.builder().handler(new EchoHandler()).build();
    EmbeddedChannel ours = new EmbeddedChannel(JsonRpcHttpInitializer.builder(service).build());
    EmbeddedChannel ceiling =
        new EmbeddedChannel(
            new HttpServerCodec(), (ChannelHandler) new RawNettyHttpServer.FixedReplyHandler());
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    HeaderMap headers =
        new HeaderMap()
            .add("Host", "127.0.0.1:18080")
            .add("Content-Type", "application/json")
            .add("Content-Length", String.valueOf(BODY.length()))
            .seal(); // as the servers hand it over
    TransportContext context = new TransportContext("http", null, headers, null, Map.of());
    Object[] sink = new Object[1];
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    System.out.println(
        "per request:      ceiling pipeline   jsonrpc2 pipeline   JsonRpcService.handle alone   new TransportContext");
    for (int round = 1; round <= rounds; round++) {
      Cost raw = measure(() -> exchange(ceiling));
      Cost full = measure(() -> exchange(ours));
      Cost core = measure(() -> service.handle(body, context).join());
      Cost copy =
          measure(() -> sink[0] = new TransportContext("http", null, headers, null, Map.of()));
      System.out.printf(
          "round %2d: %8.0f ns %6d B   %8.0f ns %6d B   %8.0f ns %6d B   %8.0f ns %6d B%n",
          round,
          raw.nanos(),
          raw.bytes(),
          full.nanos(),
          full.bytes(),
          core.nanos(),
          core.bytes(),
          copy.nanos(),
          copy.bytes());
    }
  }

  private static Cost measure(Work work) {
    long thread = Thread.currentThread().getId();
    long bytes = THREADS.getThreadAllocatedBytes(thread);
    long cpu = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < PER_ROUND; i++) {
      work.run();
    }
    return new Cost(
        (THREADS.getCurrentThreadCpuTime() - cpu) / (double) PER_ROUND,
        (THREADS.getThreadAllocatedBytes(thread) - bytes) / PER_ROUND);
  }

  private static void exchange(EmbeddedChannel channel) {
    channel.writeInbound(Unpooled.wrappedBuffer(REQUEST));
    channel.flushOutbound();
    Object out;
    while ((out = channel.readOutbound()) != null) {
      if (!(out instanceof ByteBuf)) {
        throw new IllegalStateException("unexpected outbound " + out);
      }
      ReferenceCountUtil.release(out);
    }
  }
}
