package io.jsonrpc2.zeromq;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.server.JsonRpcServer;
import io.jsonrpc2.testing.ServerLifecycleConformanceTest;
import org.zeromq.SocketType;

/**
 * The shared server lifecycle, on the ZeroMQ ROUTER server. ZeroMQ shows no dropped connection: a
 * call cut off, or sent to a stopped server, fails when no reply has come within 3 s (loopback
 * replies take milliseconds).
 */
class ZmqServerLifecycleTest extends ServerLifecycleConformanceTest {
  @Override
  protected JsonRpcServer newServer(JsonRpcService service, int port) {
    return ZmqServer.builder(service).bind("tcp://127.0.0.1:" + port).build();
  }

  @Override
  protected String exchange(JsonRpcServer server, String request) {
    try (RawPeer peer = new RawPeer(SocketType.REQ, "tcp://127.0.0.1:" + server.port())) {
      peer.socket().setReceiveTimeOut(3_000);
      return peer.send(request).receive();
    }
  }
}
