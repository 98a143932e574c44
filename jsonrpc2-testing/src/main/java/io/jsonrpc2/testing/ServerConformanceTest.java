package io.jsonrpc2.testing;

import static io.jsonrpc2.testing.JsonAssertions.assertSameJson;

import io.jsonrpc2.JsonRpcService;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour every server transport must show: each {@link SpecExamples} exchange, sent over the
 * transport, gets exactly the reply the specification asks for.
 *
 * <p>A transport's test extends this class and says how to serve a service and how to send one
 * message and read its reply.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
public abstract class ServerConformanceTest {

  /** Serves {@code service} on the transport under test. */
  protected abstract void startServer(JsonRpcService service) throws Exception;

  /**
   * Sends one message as the transport frames it and returns the reply, or null when the transport
   * shows that no reply came (an empty HTTP body, no frame on a socket).
   */
  protected abstract String exchange(String message) throws Exception;

  /** Stops what {@link #startServer} started. */
  protected abstract void stopServer() throws Exception;

  @BeforeAll
  void start() throws Exception {
    startServer(SpecExamples.service());
  }

  @AfterAll
  void stop() throws Exception {
    stopServer();
  }

  Stream<SpecExamples.Exchange> exchanges() {
    return SpecExamples.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exchanges")
  void answersAsTheSpecificationSays(SpecExamples.Exchange exchange) throws Exception {
    assertSameJson(exchange(exchange.request()), exchange.reply());
  }
}
