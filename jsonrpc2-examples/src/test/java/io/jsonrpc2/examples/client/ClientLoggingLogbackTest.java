package io.jsonrpc2.examples.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.JsonRpcClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Runs in a JVM of its own whose logging is logback configured by logback-wire.xml (see this
 * module's pom), and reads what the client prints through it.
 */
@Timeout(10)
class ClientLoggingLogbackTest {
  @Test
  void theWireLogPrintsOneLinePerMessage() {
    assertThat(LoggerFactory.getILoggerFactory().getClass().getName())
        .as("this test must run with logback and logback-wire.xml")
        .isEqualTo("ch.qos.logback.classic.LoggerContext");
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (JsonRpcClient client = ClientBasics.connect()) {
      ClientBasics.request(client);
      ClientBasics.notifyLog(client);
    } finally {
      System.setOut(original);
    }
    String[] lines = captured.toString(StandardCharsets.UTF_8).split("\\R");
    assertThat(lines)
        .containsSubsequence(
            "in-memory --> {\"jsonrpc\":\"2.0\",\"method\":\"cat\",\"params\":{\"name\":\"Mittens\"},\"id\":1}",
            "in-memory <-- {\"jsonrpc\":\"2.0\",\"result\":\"meow\",\"id\":1}",
            "in-memory --> {\"jsonrpc\":\"2.0\",\"method\":\"log\",\"params\":[\"Mittens was fed\"]}",
            "in-memory <-- ");
  }
}
