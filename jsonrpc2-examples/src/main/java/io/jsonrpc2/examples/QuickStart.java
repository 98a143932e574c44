package io.jsonrpc2.examples;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcMethod;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.netty.netstring.NetstringClient;
import io.jsonrpc2.netty.netstring.NetstringServer;

/** The README's quick start: a service, a server and a client in one program. */
public final class QuickStart {
  private QuickStart() {}

  // docs:begin quick-start
  public static class Calculator {
    @JsonRpcMethod
    public int subtract(int minuend, int subtrahend) {
      return minuend - subtrahend;
    }
  }

  public static void main(String[] args) {
    JsonRpcService service = JsonRpcService.builder().handler("calc", new Calculator()).build();
    try (NetstringServer server =
            NetstringServer.builder(service).host("127.0.0.1").port(0).start();
        JsonRpcClient client = NetstringClient.create("127.0.0.1", server.port())) {
      int difference = client.call("calc.subtract", Integer.class, 42, 23);
      System.out.println("42 - 23 = " + difference); // 42 - 23 = 19
    }
  }
  // docs:end quick-start
}
