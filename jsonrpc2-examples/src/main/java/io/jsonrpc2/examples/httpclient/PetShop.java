package io.jsonrpc2.examples.httpclient;

import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.JsonRpcParam;
import io.jsonrpc2.JsonRpcService;

/**
 * The methods the HTTP client examples call: the pets of the jsonrpcclient documentation and a
 * {@code cube} for the batch example. Serve {@link #service()} with any HTTP server of jsonrpc2 to
 * run {@link HttpClientExamples} against it.
 */
public final class PetShop {

  /** What a cat says; the name is optional, as in {@code Request('cat')}. */
  @JsonRpcMethod
  public String cat(@JsonRpcParam(optional = true) String name) {
    return "meow";
  }

  @JsonRpcMethod
  public String dog() {
    return "woof";
  }

  @JsonRpcMethod
  public long cube(long number) {
    return number * number * number;
  }

  /** A service exporting these methods without a namespace. */
  public static JsonRpcService service() {
    return JsonRpcService.builder().handler(new PetShop()).build();
  }
}
