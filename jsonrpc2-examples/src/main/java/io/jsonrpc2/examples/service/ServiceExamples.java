package io.jsonrpc2.examples.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jsonrpc2.CallContext;
import io.jsonrpc2.JsonRpcException;
import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.message.ErrorObject;
import io.jsonrpc2.server.TransportContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The code quoted in docs/service.md. */
public final class ServiceExamples {
  private ServiceExamples() {}

  /** Thrown by a method; mapped to -32001. */
  public static class QuotaExceeded extends RuntimeException {
    public QuotaExceeded(String message) {
      super(message);
    }
  }

  // docs:begin custom-error
  /** txjason's CustomError: a fixed code and message. */
  public static class CustomError extends JsonRpcException {
    public CustomError() {
      super(-32050, "Custom Error");
    }
  }

  // docs:end custom-error

  // docs:begin context
  public static class Account {
    @JsonRpcMethod
    public String whoAmI(CallContext context) {
      String user = context.transport().principalIfAny().map(p -> p.getName()).orElse("anonymous");
      return user + " calling " + context.method() + " from " + context.transport().remoteAddress();
    }
  }

  // docs:end context

  // docs:begin records
  public record Point(int x, int y) {}

  public static class Geometry {
    @JsonRpcMethod // {"jsonrpc":"2.0","method":"manhattan","params":[{"x":3,"y":-4}],"id":1}
    public int manhattan(Point point) {
      return Math.abs(point.x()) + Math.abs(point.y());
    }
  }

  // docs:end records

  /** A service whose records take JSON objects with members they do not declare. */
  public static JsonRpcService lenientGeometry() {
    // docs:begin lenient-mapper
    ObjectMapper lenient =
        JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    JsonRpcService service =
        JsonRpcService.builder()
            .mapper(lenient) // {"x":3,"y":-4,"z":7} is now the Point (3, -4)
            .handler(new Geometry())
            .build();
    // docs:end lenient-mapper
    return service;
  }

  /** Builds the service of the docs' first example. */
  public static JsonRpcService buildService() {
    // docs:begin build
    JsonRpcService service =
        JsonRpcService.builder()
            .handler("main", new Example()) // main.echo, main.deferredEcho
            .method(
                "greeting",
                (params, ctx) ->
                    "Hello, " + params.find("name", String.class).orElse("world") + "!")
            // loaded on the first call:
            .lazyMethod("sample.add", "io.jsonrpc2.examples.service.Sample#add")
            .errorCode(QuotaExceeded.class, -32001) // exception-to-code mapping
            .timeout(Duration.ofSeconds(2)) // -32098 after two seconds
            .build();
    // docs:end build
    return service;
  }

  /** Sends one request to the service and returns the reply text. */
  public static String handleOne(JsonRpcService service) {
    // docs:begin handle
    String reply =
        service
            .handle(
                "{\"jsonrpc\":\"2.0\",\"method\":\"main.echo\",\"params\":[\"hello\"],\"id\":1}")
            .join();
    // reply is {"jsonrpc":"2.0","result":"hello","id":1}; null for a notification
    // docs:end handle
    return reply;
  }

  /** What a transport does with each message it receives. */
  public static byte[] handleFromTransport(JsonRpcService service, byte[] frame) {
    // docs:begin transport
    TransportContext context = TransportContext.builder("my-transport").build();
    byte[] reply = service.handle(frame, context, Map.of("tenant", "acme")).join();
    // write reply back unless it is null (no reply is due)
    // docs:end transport
    return reply;
  }

  /** Suspends, resumes and cancels as txjason does. */
  public static void lifecycle(JsonRpcService service) {
    // docs:begin lifecycle
    service.stopServing(CustomError.class); // new requests get -32050; calls in flight finish
    service.startServing(); // back to normal
    service.stopServing(ErrorObject.of(-32000, "Down for maintenance"));
    int cancelled = service.cancelPending(); // every call in flight answered with -32096 now
    service.startServing();
    // docs:end lifecycle
    if (cancelled < 0) {
      throw new IllegalStateException();
    }
  }

  /** Prints the replies of the first example. */
  public static void main(String[] args) {
    JsonRpcService service = buildService();
    System.out.println(handleOne(service));
    System.out.println(
        new String(
            handleFromTransport(
                service,
                "{\"jsonrpc\":\"2.0\",\"method\":\"sample.add\",\"params\":[1,2],\"id\":2}"
                    .getBytes(StandardCharsets.UTF_8)),
            StandardCharsets.UTF_8));
  }
}
