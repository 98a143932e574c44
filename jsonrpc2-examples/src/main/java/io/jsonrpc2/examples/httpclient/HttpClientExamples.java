package io.jsonrpc2.examples.httpclient;

import com.fasterxml.jackson.databind.JsonNode;
import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.client.BatchResponse;
import io.jsonrpc2.client.ErrorResponseException;
import io.jsonrpc2.client.TransportException;
import io.jsonrpc2.httpclient.HttpCallOptions;
import io.jsonrpc2.httpclient.HttpClientTransport;
import io.jsonrpc2.httpclient.HttpStatusException;
import io.jsonrpc2.httpclient.JsonRpcHttp;
import io.jsonrpc2.message.Request;
import io.jsonrpc2.message.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The jsonrpcclient examples over HTTP, in Java: a named call, the batch of ten cubes, a
 * notification and an explicit request with id 5; plus configuration, per-call options and error
 * handling. Each example talks to the endpoint URL it is given, where {@link PetShop} is served.
 *
 * <p>Run with {@code java ... io.jsonrpc2.examples.httpclient.HttpClientExamples URL}.
 */
public final class HttpClientExamples {
  private HttpClientExamples() {}

  /** {@code request('cat', name='Mittens')}: the result of a call with named params. */
  public static String namedCall(String url) {
    String sound;
    // docs:begin quick-start
    try (JsonRpcClient client = JsonRpcHttp.client(url)) {
      sound = client.call("cat", String.class, Map.of("name", "Mittens")); // "meow"
    }
    // docs:end quick-start
    return sound;
  }

  /** {@code send([Request('cube', i) for i in range(10)])}: one batch, ten results. */
  public static List<Long> cubes(JsonRpcClient client) {
    // docs:begin batch
    List<Request> requests = IntStream.range(0, 10).mapToObj(i -> Request.of("cube", i)).toList();
    BatchResponse batch = client.send(requests);
    // One response per request, in the order of the requests; batch.get(id) finds one by id.
    List<Long> cubes =
        batch.responses().stream().map(Response::result).map(JsonNode::asLong).toList();
    // docs:end batch
    return cubes;
  }

  /** {@code notify('cat', name='Mittens')}: sent, and no response is waited for. */
  public static void notification(JsonRpcClient client) {
    // docs:begin notify
    client.notify("cat", Map.of("name", "Mittens"));
    // docs:end notify
  }

  /** {@code send(Request('cat', name='Mittens', request_id=5))}: the whole response. */
  public static Response requestWithId5(JsonRpcClient client) {
    // docs:begin send-request
    Request request = Request.named("cat", Map.of("name", "Mittens")).withId(5);
    Response response = client.send(request);
    // response.id() is 5, response.result() is the JSON string "meow"
    // docs:end send-request
    return response;
  }

  /** A client with session headers, Basic auth and timeouts. */
  public static JsonRpcClient configuredClient(String url) {
    // docs:begin configured-client
    HttpClientTransport transport =
        HttpClientTransport.builder(url)
            .header("X-Client", "pet-inventory")
            .basicAuth("user", "pass")
            .connectTimeout(Duration.ofSeconds(5))
            .requestTimeout(Duration.ofSeconds(30))
            .build();
    JsonRpcClient client =
        JsonRpcClient.builder().transport(transport).timeout(Duration.ofSeconds(30)).build();
    // docs:end configured-client
    return client;
  }

  /** A client that trusts the certificates of a trust store file (PKCS12 or JKS). */
  public static JsonRpcClient clientTrusting(String url, Path trustStore, char[] password) {
    // docs:begin trust-store
    JsonRpcClient client =
        JsonRpcHttp.client(
            HttpClientTransport.builder(url).trustStore(trustStore, password).build());
    // docs:end trust-store
    return client;
  }

  /** One call with its own headers and credentials on top of the session's. */
  public static String perCallOptions(JsonRpcClient client) {
    // docs:begin per-call-options
    String sound =
        client
            .withOptions(HttpCallOptions.header("X-Request-Id", "order-42"))
            .withOptions(HttpCallOptions.basicAuth("admin", "s3cret"))
            .call("cat", String.class, Map.of("name", "Mittens"));
    // docs:end per-call-options
    return sound;
  }

  /** What went wrong with a call, as a short line. */
  public static String describeFailure(JsonRpcClient client, String method) {
    // docs:begin errors
    try {
      return client.call(method, String.class);
    } catch (ErrorResponseException e) {
      return "error response " + e.code() + ": " + e.errorMessage();
    } catch (HttpStatusException e) {
      return "HTTP " + e.statusCode() + " " + e.reason() + ": " + e.bodyStart();
    } catch (TransportException e) {
      return "no reply: " + e.getMessage();
    }
    // docs:end errors
  }

  /** Runs jsonrpcclient's examples against the URL given as the only argument. */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: HttpClientExamples URL   (for example http://127.0.0.1:8080/rpc)");
      System.exit(2);
    }
    String url = args[0];
    System.out.println("cat(name=Mittens) -> " + namedCall(url));
    try (JsonRpcClient client = JsonRpcHttp.client(url)) {
      System.out.println("cubes -> " + cubes(client));
      notification(client);
      System.out.println("send(Request id 5) -> " + requestWithId5(client));
      System.out.println("nope -> " + describeFailure(client, "nope"));
    }
  }
}
