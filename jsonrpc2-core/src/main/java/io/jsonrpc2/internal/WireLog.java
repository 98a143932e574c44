package io.jsonrpc2.internal;

import io.jsonrpc2.JsonRpcClient;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The client's message log: every message sent on one logger and every reply received on another,
 * at DEBUG, with the facts in the MDC for log patterns. The line itself reads {@code <endpoint> -->
 * <message>} or {@code <endpoint> <-- <message>}. MDC keys the thread had before are restored after
 * each line.
 */
final class WireLog {
  static final String ENDPOINT = "endpoint";
  static final String MESSAGE = "message";

  private static final Logger REQUESTS = LoggerFactory.getLogger(JsonRpcClient.REQUEST_LOGGER);
  private static final Logger RESPONSES = LoggerFactory.getLogger(JsonRpcClient.RESPONSE_LOGGER);

  private WireLog() {}

  static void request(String endpoint, byte[] message) {
    if (REQUESTS.isDebugEnabled()) {
      log(REQUESTS, "-->", endpoint, message, Map.of());
    }
  }

  /**
   * @param details the transport's facts about the reply (such as {@code http_status})
   */
  static void response(String endpoint, byte[] message, Map<String, String> details) {
    if (RESPONSES.isDebugEnabled()) {
      log(RESPONSES, "<--", endpoint, message, details);
    }
  }

  private static void log(
      Logger logger, String arrow, String endpoint, byte[] bytes, Map<String, String> details) {
    String message = new String(bytes, StandardCharsets.UTF_8);
    Map<String, String> values = new HashMap<>(details);
    values.put(ENDPOINT, endpoint);
    values.put(MESSAGE, message);
    Map<String, String> previous = new HashMap<>();
    values.forEach(
        (key, value) -> {
          previous.put(key, MDC.get(key));
          MDC.put(key, value);
        });
    try {
      logger.debug("{} {} {}", endpoint, arrow, message);
    } finally {
      previous.forEach(
          (key, value) -> {
            if (value == null) {
              MDC.remove(key);
            } else {
              MDC.put(key, value);
            }
          });
    }
  }
}
