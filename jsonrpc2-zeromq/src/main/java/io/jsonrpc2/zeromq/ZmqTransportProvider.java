package io.jsonrpc2.zeromq;

import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.ClientTransportProvider;
import io.jsonrpc2.client.ConnectOptions;
import io.jsonrpc2.client.SocketAddressUrl;
import java.net.URI;
import java.util.Set;

/**
 * Serves {@code zmq+tcp://HOST:PORT} URLs to {@link io.jsonrpc2.client.ClientTransports} with a
 * {@link ZmqClientTransport} on a REQ socket connected to {@code tcp://HOST:PORT}, whose reply
 * timeout is the options' timeout. (For a DEALER socket, use {@link ZmqClientTransport#builder}.)
 */
public final class ZmqTransportProvider implements ClientTransportProvider {
  @Override
  public Set<String> schemes() {
    return Set.of("zmq+tcp");
  }

  @Override
  public ClientTransport open(URI url, ConnectOptions options) {
    SocketAddressUrl address = SocketAddressUrl.of(url);
    options.checkNoHttpSettings(url);
    options.checkNoTlsSettings(url);
    return ZmqClientTransport.builder("tcp://" + address.authority())
        .replyTimeout(options.timeout())
        .build();
  }
}
