package io.jsonrpc2.stdio;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.testing.ServerConformanceTest;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The conformance suite against a {@link StdioServer} over in-process pipes, framed as a foreign
 * peer frames by hand.
 *
 * <p>Telling "no reply" from "a late reply": each exchange sends the message and right behind it a
 * sentinel request with a fresh id, then reads until the sentinel's reply has come. A reply to the
 * message before it, or within a grace period after it (replies may be reordered), is the answer.
 */
abstract class PipedServerConformance extends ServerConformanceTest {
  private static final int GRACE_MILLIS = 500;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StdioFraming framing;
  private final AtomicInteger sentinels = new AtomicInteger();
  private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
  private PipedServer server;

  PipedServerConformance(StdioFraming framing) {
    this.framing = framing;
  }

  @Override
  protected void startServer(JsonRpcService service) {
    server = new PipedServer(service, framing);
    Thread reader =
        new Thread(
            () -> {
              try {
                FrameReader frames =
                    framing.reader(server.fromServer.in, Integer.MAX_VALUE - 16, () -> {});
                byte[] frame;
                while ((frame = frames.next()) != null) {
                  replies.add(new String(frame, UTF_8));
                }
              } catch (java.io.IOException e) {
                // the test is over
              }
            },
            "conformance-reader");
    reader.setDaemon(true);
    reader.start();
  }

  @Override
  protected @Nullable String exchange(String message) throws Exception {
    String sentinelId = "sentinel-" + sentinels.incrementAndGet();
    send(message);
    send("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[],\"id\":\"" + sentinelId + "\"}");
    String reply = null;
    while (true) {
      String frame = replies.poll(20, TimeUnit.SECONDS);
      if (frame == null) {
        throw new AssertionError("no reply to the sentinel " + sentinelId);
      }
      if (isReplyTo(frame, sentinelId)) {
        break;
      }
      reply = frame;
    }
    return reply != null ? reply : replies.poll(GRACE_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void send(String message) throws java.io.IOException {
    // One message per line cannot hold a raw newline: outside strings it is only whitespace.
    String sendable = framing == StdioFraming.NEWLINE ? message.replace('\n', ' ') : message;
    byte[] bytes = sendable.getBytes(UTF_8);
    java.io.ByteArrayOutputStream framed = new java.io.ByteArrayOutputStream();
    framing.write(framed, bytes);
    server.toServer.out.write(framed.toByteArray());
  }

  private static boolean isReplyTo(String frame, String id) throws Exception {
    JsonNode node = JSON.readTree(frame);
    return node.isObject() && node.path("id").isTextual() && node.get("id").asText().equals(id);
  }

  @Override
  protected void stopServer() throws Exception {
    server.close();
  }
}
