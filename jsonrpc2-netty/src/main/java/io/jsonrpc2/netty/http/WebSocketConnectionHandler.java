package io.jsonrpc2.netty.http;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.connection.ConnectionGroup;
import io.jsonrpc2.connection.JsonRpcConnection;
import io.jsonrpc2.netty.NettyMessageChannel;
import io.jsonrpc2.server.TransportContext;
import io.netty.channel.ChannelHandlerContext;

/**
 * The JSON-RPC end of an upgraded WebSocket: one {@link io.jsonrpc2.connection.JsonRpcConnection}
 * over its text messages, serving the peer's calls and carrying the server's calls to it through
 * {@code CallContext.peer()}. One instance per channel.
 */
final class WebSocketConnectionHandler extends NettyMessageChannel {
  private final JsonRpcService service;
  private final TransportContext context;
  private final int maxInFlight;
  private final ConnectionGroup tracker;

  WebSocketConnectionHandler(
      JsonRpcService service, TransportContext context, int maxInFlight, ConnectionGroup tracker) {
    this.service = service;
    this.context = context;
    this.maxInFlight = maxInFlight;
    this.tracker = tracker;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    super.handlerAdded(ctx);
    tracker.open(
        JsonRpcConnection.builder(this).service(service).context(context).maxInFlight(maxInFlight));
  }
}
