package io.jsonrpc2.netty.netstring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.testing.ServerConformanceTest;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The conformance suite over a real netstring socket.
 *
 * <p>Telling "no reply" from "a late reply" on a socket: each exchange sends the message and right
 * behind it a sentinel request with a fresh id on the same connection, then reads frames until the
 * sentinel's reply has come. A reply to the message that arrives before the sentinel's, or within a
 * grace period after it (replies may be reordered), is the answer; when the grace period passes
 * with nothing more, no reply was sent. The grace period is only ever waited out for messages that
 * get no reply.
 */
class NetstringConformanceTest extends ServerConformanceTest {
  private static final int GRACE_MILLIS = 500;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AtomicInteger sentinels = new AtomicInteger();
  private NetstringServer server;
  private RawNetstringSocket socket;

  @Override
  protected void startServer(JsonRpcService service) throws Exception {
    server = NetstringServer.builder(service).host("127.0.0.1").port(0).start();
    socket = new RawNetstringSocket(server.port());
  }

  @Override
  protected String exchange(String message) throws Exception {
    String sentinelId = "sentinel-" + sentinels.incrementAndGet();
    socket.send(message);
    socket.send(
        "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[],\"id\":\"" + sentinelId + "\"}");
    String reply = null;
    boolean sentinelSeen = false;
    while (!sentinelSeen) {
      String frame = socket.read();
      if (isReplyTo(frame, sentinelId)) {
        sentinelSeen = true;
      } else {
        reply = frame;
      }
    }
    return reply != null ? reply : socket.readWithin(GRACE_MILLIS);
  }

  private static boolean isReplyTo(String frame, String id) throws Exception {
    JsonNode node = JSON.readTree(frame);
    return node.isObject() && node.path("id").isTextual() && node.get("id").asText().equals(id);
  }

  @Override
  protected void stopServer() throws Exception {
    socket.close();
    server.close();
  }
}
