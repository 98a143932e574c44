package io.jsonrpc2.httpclient;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.testing.SpecExamples;

/** The service the transport tests call: the specification's methods and a few more. */
final class TestServices {
  private TestServices() {}

  static JsonRpcService service() {
    return JsonRpcService.builder()
        .handler(new SpecExamples.SpecMethods())
        .method("cat", (params, context) -> "meow")
        .method("echo", (params, context) -> params.get(0, String.class))
        .build();
  }
}
