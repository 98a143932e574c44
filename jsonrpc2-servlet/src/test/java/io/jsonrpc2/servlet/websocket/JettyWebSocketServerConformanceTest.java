package io.jsonrpc2.servlet.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.testing.ServerConformanceTest;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The conformance suite over a real WebSocket on {@link JsonRpcWebSocketEndpoint} in Jetty 12. Each
 * exchange sends the message and right behind it a sentinel request, then reads messages until the
 * sentinel's answer has come; an answer that comes before it, or within a grace period after it, is
 * the message's answer.
 */
class JettyWebSocketServerConformanceTest extends ServerConformanceTest {
  private static final int GRACE_MILLIS = 500;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AtomicInteger sentinels = new AtomicInteger();
  private WebSocketJetty jetty;
  private JdkWebSocket socket;

  @Override
  protected void startServer(JsonRpcService service) throws Exception {
    jetty = new WebSocketJetty(service, JsonRpcWebSocketEndpoint.config(service, "/ws"));
    socket = JdkWebSocket.connect(jetty.ws("/ws"));
  }

  @Override
  protected String exchange(String message) throws Exception {
    String sentinelId = "sentinel-" + sentinels.incrementAndGet();
    socket.sendText(message);
    socket.sendText(
        "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[],\"id\":\"" + sentinelId + "\"}");
    String reply = null;
    boolean sentinelSeen = false;
    while (!sentinelSeen) {
      String text = socket.readText();
      if (isReplyTo(text, sentinelId)) {
        sentinelSeen = true;
      } else {
        reply = text;
      }
    }
    return reply != null ? reply : socket.readTextWithin(GRACE_MILLIS);
  }

  private static boolean isReplyTo(String text, String id) throws Exception {
    JsonNode node = JSON.readTree(text);
    return node.isObject() && node.path("id").isTextual() && node.get("id").asText().equals(id);
  }

  @Override
  protected void stopServer() {
    socket.close();
    jetty.close();
  }
}
