package io.jsonrpc2.examples.client;

import io.jsonrpc2.JsonRpcException;
import io.jsonrpc2.JsonRpcService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server the client examples call, in the same JVM: the pets API of the jsonrpcclient guide.
 */
public final class PetService {
  /** What the {@code log} method heard, in order: notifications have no other visible effect. */
  public static final List<String> LOG = new CopyOnWriteArrayList<>();

  private PetService() {}

  public static JsonRpcService create() {
    return JsonRpcService.builder()
        .method("cat", (params, ctx) -> "meow")
        .method("dog", (params, ctx) -> "woof")
        .method(
            "cube",
            (params, ctx) -> {
              int n = params.require(0, Integer.class);
              return n * n * n;
            })
        .method(
            "subtract",
            (params, ctx) -> params.require(0, Integer.class) - params.require(1, Integer.class))
        .method(
            "adopt",
            (params, ctx) -> {
              throw new JsonRpcException(
                  -32050, "No such pet", Map.of("name", params.get("name", String.class)));
            })
        .method("log", (params, ctx) -> LOG.add(params.get(0, String.class)))
        .build();
  }
}
