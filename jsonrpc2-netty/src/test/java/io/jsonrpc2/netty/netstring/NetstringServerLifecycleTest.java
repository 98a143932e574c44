package io.jsonrpc2.netty.netstring;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.server.JsonRpcServer;
import io.jsonrpc2.testing.ServerLifecycleConformanceTest;

/** The shared server lifecycle, on the netstring server. */
class NetstringServerLifecycleTest extends ServerLifecycleConformanceTest {
  @Override
  protected JsonRpcServer newServer(JsonRpcService service, int port) {
    return NetstringServer.builder(service).host("127.0.0.1").port(port).build();
  }

  @Override
  protected String exchange(JsonRpcServer server, String request) throws Exception {
    try (RawNetstringSocket socket = new RawNetstringSocket(server.port())) {
      socket.send(request);
      return socket.read();
    }
  }
}
