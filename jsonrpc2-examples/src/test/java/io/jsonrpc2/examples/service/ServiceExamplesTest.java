package io.jsonrpc2.examples.service;

import static io.jsonrpc2.testing.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.JsonRpcService;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ServiceExamplesTest {
  private final JsonRpcService service = ServiceExamples.buildService();

  @Test
  void theDocumentedServiceAnswers() {
    assertSameJson(
        ServiceExamples.handleOne(service), "{\"jsonrpc\":\"2.0\",\"result\":\"hello\",\"id\":1}");
    assertSameJson(
        service
            .handle(
                "{\"jsonrpc\":\"2.0\",\"method\":\"main.deferredEcho\",\"params\":[\"x\"],\"id\":2}")
            .join(),
        "{\"jsonrpc\":\"2.0\",\"result\":\"x\",\"id\":2}");
    assertSameJson(
        service.handle("{\"jsonrpc\":\"2.0\",\"method\":\"greeting\",\"id\":\"greeting\"}").join(),
        "{\"jsonrpc\":\"2.0\",\"result\":\"Hello, world!\",\"id\":\"greeting\"}");
    assertSameJson(
        service.handle("{\"jsonrpc\":\"2.0\",\"method\":\"main.helper\",\"id\":3}").join(),
        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":3}");
    byte[] reply =
        ServiceExamples.handleFromTransport(
            service,
            "{\"jsonrpc\":\"2.0\",\"method\":\"sample.add\",\"params\":[1,2],\"id\":\"sample.add\"}"
                .getBytes(StandardCharsets.UTF_8));
    assertSameJson(
        new String(reply, StandardCharsets.UTF_8),
        "{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":\"sample.add\"}");
  }

  @Test
  void theLifecycleExampleLeavesTheServiceServing() {
    ServiceExamples.lifecycle(service);
    assertThat(service.isServing()).isTrue();
    assertSameJson(
        ServiceExamples.handleOne(service), "{\"jsonrpc\":\"2.0\",\"result\":\"hello\",\"id\":1}");
  }

  @Test
  void theCustomErrorIsServedWhileStopped() {
    service.stopServing(ServiceExamples.CustomError.class);
    assertSameJson(
        ServiceExamples.handleOne(service),
        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32050,\"message\":\"Custom Error\"},\"id\":1}");
  }

  @Test
  void contextTellsWhoIsCalling() {
    JsonRpcService accounts =
        JsonRpcService.builder().handler(new ServiceExamples.Account()).build();
    CompletableFuture<String> reply =
        accounts.handle("{\"jsonrpc\":\"2.0\",\"method\":\"whoAmI\",\"id\":1}");
    assertSameJson(
        reply.join(),
        "{\"jsonrpc\":\"2.0\",\"result\":\"anonymous calling whoAmI from null\",\"id\":1}");
  }

  private static final String POINT_WITH_AN_UNKNOWN_MEMBER =
      "{\"jsonrpc\":\"2.0\",\"method\":\"manhattan\",\"params\":[{\"x\":3,\"y\":-4,\"z\":7}],\"id\":1}";

  @Test
  void aRecordParamWithAnUnknownMemberIsInvalidParamsByDefault() {
    JsonRpcService strict =
        JsonRpcService.builder().handler(new ServiceExamples.Geometry()).build();
    String reply = strict.handle(POINT_WITH_AN_UNKNOWN_MEMBER).join();
    assertThat(reply).contains("\"code\":-32602").contains("\"id\":1");
    assertSameJson(
        strict
            .handle(
                "{\"jsonrpc\":\"2.0\",\"method\":\"manhattan\",\"params\":[{\"x\":3,\"y\":-4}],\"id\":2}")
            .join(),
        "{\"jsonrpc\":\"2.0\",\"result\":7,\"id\":2}");
  }

  @Test
  void theLenientMapperTakesUnknownMembers() {
    assertSameJson(
        ServiceExamples.lenientGeometry().handle(POINT_WITH_AN_UNKNOWN_MEMBER).join(),
        "{\"jsonrpc\":\"2.0\",\"result\":7,\"id\":1}");
  }
}
