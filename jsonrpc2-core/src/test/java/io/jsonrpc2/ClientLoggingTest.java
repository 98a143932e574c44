package io.jsonrpc2;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** What the client logs, read back through logback with the patterns docs/client.md shows. */
class ClientLoggingTest {
  /** Formats each event with a pattern when it is logged, while the MDC is still set. */
  static final class PatternCapture extends AppenderBase<ILoggingEvent> {
    final List<String> lines = new ArrayList<>();
    final List<ILoggingEvent> events = new ArrayList<>();
    private final PatternLayout layout = new PatternLayout();

    PatternCapture(LoggerContext context, String pattern) {
      setContext(context);
      layout.setContext(context);
      layout.setPattern(pattern);
      layout.start();
      start();
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
      event.prepareForDeferredProcessing();
      events.add(event);
      lines.add(layout.doLayout(event));
    }
  }

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Logger clientLogger = context.getLogger("io.jsonrpc2.client");
  private final Logger requestLogger = context.getLogger(JsonRpcClient.REQUEST_LOGGER);
  private final Logger responseLogger = context.getLogger(JsonRpcClient.RESPONSE_LOGGER);
  private PatternCapture requests;
  private PatternCapture responses;
  private JsonRpcClient client;

  @BeforeEach
  void setUp() {
    requests = new PatternCapture(context, "%X{endpoint} --> %X{message}");
    responses =
        new PatternCapture(
            context, "%X{endpoint} <-- %X{message} [%X{http_status} %X{http_reason}]");
    requestLogger.addAppender(requests);
    responseLogger.addAppender(responses);
    JsonRpcService service =
        JsonRpcService.builder()
            .method("cat", (params, ctx) -> "meow")
            .method("quiet", (params, ctx) -> null)
            .build();
    client =
        JsonRpcClient.builder()
            .transport(
                new LoopbackTransport(service, Map.of("http_status", "200", "http_reason", "OK")))
            .build();
  }

  @AfterEach
  void tearDown() {
    requestLogger.detachAppender(requests);
    responseLogger.detachAppender(responses);
    clientLogger.setLevel(null);
    client.close();
  }

  @Test
  void requestsAndResponsesAreLoggedAtDebugWithTheirMdc() {
    clientLogger.setLevel(Level.DEBUG);
    client.request("cat", Map.of("name", "Mittens"));

    assertThat(requests.lines)
        .containsExactly(
            "loop://test --> {\"jsonrpc\":\"2.0\",\"method\":\"cat\",\"params\":{\"name\":\"Mittens\"},\"id\":1}");
    assertThat(responses.lines)
        .containsExactly(
            "loop://test <-- {\"jsonrpc\":\"2.0\",\"result\":\"meow\",\"id\":1} [200 OK]");
    ILoggingEvent sent = requests.events.get(0);
    assertThat(sent.getLevel()).isEqualTo(Level.DEBUG);
    assertThat(sent.getLoggerName()).isEqualTo("io.jsonrpc2.client.request");
    // Without any pattern the message itself reads the same way.
    assertThat(sent.getFormattedMessage()).startsWith("loop://test --> {\"jsonrpc\"");
    assertThat(responses.events.get(0).getFormattedMessage())
        .startsWith("loop://test <-- {\"jsonrpc\"");
  }

  @Test
  void theEmptyReplyToANotificationIsLoggedToo() {
    clientLogger.setLevel(Level.DEBUG);
    client.notify("quiet");
    assertThat(requests.lines)
        .containsExactly("loop://test --> {\"jsonrpc\":\"2.0\",\"method\":\"quiet\"}");
    assertThat(responses.lines).containsExactly("loop://test <--  [200 OK]");
  }

  @Test
  void nothingIsLoggedAtTheDefaultInfoLevel() {
    client.request("cat");
    assertThat(requests.events).isEmpty();
    assertThat(responses.events).isEmpty();
  }

  /** A transport whose every reply is {@code reply}; a connection one hands it to the receiver. */
  private static final class Answering implements io.jsonrpc2.client.ClientTransport {
    private final boolean requestResponse;
    private final String reply;
    private Receiver receiver;

    Answering(boolean requestResponse, String reply) {
      this.requestResponse = requestResponse;
      this.reply = reply;
    }

    @Override
    public void start(Receiver receiver) {
      this.receiver = receiver;
    }

    @Override
    public java.util.concurrent.CompletableFuture<io.jsonrpc2.client.TransportReply> send(
        io.jsonrpc2.client.OutboundMessage message) {
      byte[] bytes = reply.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      if (requestResponse) {
        return java.util.concurrent.CompletableFuture.completedFuture(
            io.jsonrpc2.client.TransportReply.of(bytes));
      }
      receiver.onMessage(bytes);
      return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isRequestResponse() {
      return requestResponse;
    }

    @Override
    public String endpoint() {
      return "answering";
    }

    @Override
    public void close() {}
  }

  private List<ILoggingEvent> engineEvents(Runnable action) {
    PatternCapture engine = new PatternCapture(context, "%level %msg");
    clientLogger.addAppender(engine);
    try {
      action.run();
    } finally {
      clientLogger.detachAppender(engine);
    }
    return engine.events.stream()
        .filter(e -> e.getLoggerName().equals("io.jsonrpc2.client"))
        .toList();
  }

  @Test
  void aReplyToANotificationIsIgnoredWithADebugLine() {
    clientLogger.setLevel(Level.DEBUG);
    try (JsonRpcClient answering =
        JsonRpcClient.builder().transport(new Answering(true, "surprise")).build()) {
      List<ILoggingEvent> events = engineEvents(() -> answering.notify("ping"));
      assertThat(events)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.getLevel()).isEqualTo(Level.DEBUG);
                assertThat(e.getFormattedMessage())
                    .isEqualTo("answering: ignored a reply to notifications, to which none is due");
              });
    }
  }

  @Test
  void aReplyMatchingNoCallOnAConnectionIsAWarningThatTheConnectionIsDropped() {
    try (JsonRpcClient answering =
        JsonRpcClient.builder()
            .transport(new Answering(false, "{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":42}"))
            .build()) {
      List<ILoggingEvent> events = engineEvents(() -> answering.notify("ping"));
      assertThat(events)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.getLevel()).isEqualTo(Level.WARN);
                assertThat(e.getFormattedMessage())
                    .isEqualTo(
                        "answering: the peer broke the protocol, closing the connection and failing"
                            + " 0 waiting calls: the response's id 42 matches no call waiting for one");
              });
    }
  }

  @Test
  void theCallersMdcIsLeftAsItWas() {
    clientLogger.setLevel(Level.DEBUG);
    MDC.put("endpoint", "mine");
    try {
      client.request("cat");
      assertThat(MDC.get("endpoint")).isEqualTo("mine");
      assertThat(MDC.get("message")).isNull();
      assertThat(MDC.get("http_status")).isNull();
    } finally {
      MDC.remove("endpoint");
    }
  }
}
