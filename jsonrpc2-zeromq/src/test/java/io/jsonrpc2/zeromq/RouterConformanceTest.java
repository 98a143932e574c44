package io.jsonrpc2.zeromq;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.testing.ServerConformanceTest;
import org.zeromq.SocketType;

/**
 * The specification's exchanges against a ROUTER server, sent from a REQ socket: the ROUTER sees
 * the REQ's delimiter frame and answers a notification with an empty message, which counts as no
 * reply.
 */
class RouterConformanceTest extends ServerConformanceTest {
  private ZmqServer server;
  private RawPeer peer;

  @Override
  protected void startServer(JsonRpcService service) {
    server =
        ZmqServer.builder(service).socketType(SocketType.ROUTER).bind("tcp://127.0.0.1:0").start();
    peer = new RawPeer(SocketType.REQ, server.endpoint());
  }

  @Override
  protected String exchange(String message) {
    String reply = peer.send(message).receive();
    return reply.isEmpty() ? null : reply;
  }

  @Override
  protected void stopServer() {
    peer.close();
    server.close();
  }
}
