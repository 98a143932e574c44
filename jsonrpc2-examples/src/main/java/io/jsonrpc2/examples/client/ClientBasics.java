package io.jsonrpc2.examples.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.client.BatchResponse;
import io.jsonrpc2.message.Message;
import io.jsonrpc2.message.Notification;
import io.jsonrpc2.message.Request;
import io.jsonrpc2.message.Response;
import io.jsonrpc2.testing.InMemoryTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/** The jsonrpcclient guide's examples in Java: request, notify, send, batches. */
public final class ClientBasics {
  private ClientBasics() {}

  public static JsonRpcClient connect() {
    // docs:begin connect
    JsonRpcClient client =
        JsonRpcClient.builder()
            // any ClientTransport: HTTP, netstring, ZeroMQ, or this one in memory
            .transport(InMemoryTransport.requestResponse(PetService.create()))
            .timeout(Duration.ofSeconds(5))
            .build();
    // docs:end connect
    return client;
  }

  public static JsonNode request(JsonRpcClient client) {
    // docs:begin request
    JsonNode response = client.request("cat", Map.of("name", "Mittens"));
    // --> {"jsonrpc":"2.0","method":"cat","params":{"name":"Mittens"},"id":1}
    // <-- {"jsonrpc":"2.0","result":"meow","id":1}
    String meow = response.textValue(); // "meow"
    // docs:end request
    return response;
  }

  public static int call(JsonRpcClient client) {
    // docs:begin call
    int difference = client.call("subtract", Integer.class, 42, 23); // 19
    CompletableFuture<String> later = client.callAsync("dog", String.class);
    // docs:end call
    later.join();
    return difference;
  }

  public static void notifyLog(JsonRpcClient client) {
    // docs:begin notify
    client.notify("log", "Mittens was fed");
    // --> {"jsonrpc":"2.0","method":"log","params":["Mittens was fed"]}
    // docs:end notify
  }

  public static Response sendRequestValue(JsonRpcClient client) {
    // docs:begin send-request
    Request request = Request.named("cat", Map.of("name", "Mittens")).withId(5);
    // {"jsonrpc":"2.0","method":"cat","params":{"name":"Mittens"},"id":5}
    Response response = client.send(request);
    if (!response.isError()) {
      System.out.println(response.result()); // "meow"
    }
    client.send(Notification.of("log", "sent as a value"));
    // docs:end send-request
    return response;
  }

  public static BatchResponse sendJson(JsonRpcClient client) {
    // docs:begin send-json
    BatchResponse responses =
        client.send(
            "{\"jsonrpc\": \"2.0\", \"method\": \"cat\", \"params\": {\"name\": \"Mittens\"}, \"id\": 5}");
    JsonNode meow = responses.get(5).orElseThrow().result();
    // docs:end send-json
    return responses;
  }

  public static BatchResponse batch(JsonRpcClient client) {
    // docs:begin batch
    List<Message> batch =
        IntStream.range(0, 10).mapToObj(i -> (Message) Request.of("cube", i)).toList();
    BatchResponse cubes = client.send(batch);
    for (Response cube : cubes.responses()) {
      System.out.println(cube.id() + " -> " + cube.result()); // 1 -> 0, 2 -> 1, 3 -> 8, ...
    }
    BatchResponse pets =
        client.send(
            List.of(
                Request.of("cat").withId("c"),
                Request.of("dog").withId("d"),
                Notification.of("log", "walk")));
    String woof = pets.get("d").map(Response::result).map(JsonNode::textValue).orElseThrow();
    // docs:end batch
    return cubes;
  }

  public static void main(String[] args) {
    try (JsonRpcClient client = connect()) {
      System.out.println(request(client));
      System.out.println(call(client));
      notifyLog(client);
      System.out.println(sendRequestValue(client));
      System.out.println(sendJson(client));
      System.out.println(batch(client));
    }
  }
}
