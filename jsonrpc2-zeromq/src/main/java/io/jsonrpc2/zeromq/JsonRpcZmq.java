package io.jsonrpc2.zeromq;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import java.time.Duration;
import org.zeromq.SocketType;

/**
 * Shortcuts for the common cases; the builders of {@link ZmqServer}, {@link ZmqClientTransport} and
 * {@link JsonRpcClient} offer everything else.
 */
public final class JsonRpcZmq {
  private JsonRpcZmq() {}

  /**
   * A client over a REQ socket connected to {@code endpoint}, as jsonrpcclient's {@code
   * ZMQServer('tcp://localhost:5555')}: one call at a time, 30 s timeout.
   *
   * @throws IllegalArgumentException when the endpoint cannot be connected to
   */
  public static JsonRpcClient client(String endpoint) {
    return client(endpoint, SocketType.REQ, Duration.ofSeconds(30));
  }

  /**
   * A client over a REQ or DEALER socket whose calls wait at most {@code timeout}; for REQ the
   * transport's reply timeout is the same.
   */
  public static JsonRpcClient client(String endpoint, SocketType socketType, Duration timeout) {
    ZmqClientTransport transport =
        ZmqClientTransport.builder(endpoint).socketType(socketType).replyTimeout(timeout).build();
    return JsonRpcClient.builder().transport(transport).timeout(timeout).build();
  }

  /**
   * Serves {@code service} on a REP socket bound to {@code endpoint}.
   *
   * @throws java.io.UncheckedIOException when the endpoint cannot be bound
   */
  public static ZmqServer serve(String endpoint, JsonRpcService service) {
    return ZmqServer.builder(service).bind(endpoint).start();
  }
}
