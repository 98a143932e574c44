package io.jsonrpc2.netty.http;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.http.HeaderMap;
import io.jsonrpc2.http.HttpAnswer;
import io.jsonrpc2.http.HttpRules;
import io.jsonrpc2.http.HttpVerdict;
import io.jsonrpc2.server.TransportContext;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sits in front of the HTTP exchange handler and takes the WebSocket upgrade requests for the
 * JSON-RPC path: checks the {@code Origin} (403) and the authenticator (401), then switches the
 * channel to WebSocket frames carrying one JSON-RPC message each. Every other request goes on to
 * the HTTP handler untouched. One instance per channel, event loop only.
 */
final class WebSocketUpgradeHandler extends ChannelInboundHandlerAdapter {
  private final JsonRpcService service;
  private final HttpRules rules;
  private final String path;
  private final WebSocketSettings settings;
  // Once an upgrade request is taken, the rest of it (its empty last content) is dropped here.
  private boolean upgrading;
  private boolean draining;

  WebSocketUpgradeHandler(
      JsonRpcService service, HttpRules rules, String path, WebSocketSettings settings) {
    this.service = service;
    this.rules = rules;
    this.path = path;
    this.settings = settings;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (upgrading) {
      if (msg instanceof HttpContent) {
        ReferenceCountUtil.release(msg);
      } else {
        ctx.fireChannelRead(msg);
      }
      return;
    }
    if (msg instanceof HttpRequest request && isUpgrade(request)) {
      upgrading = true;
      try {
        upgrade(ctx, request);
      } finally {
        ReferenceCountUtil.release(msg);
      }
      return;
    }
    ctx.fireChannelRead(msg);
  }

  private boolean isUpgrade(HttpRequest request) {
    return request.decoderResult().isSuccess()
        && HttpMethod.GET.equals(request.method())
        && request
            .headers()
            .containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)
        && path.equals(HttpExchangeHandler.pathOf(request.uri()));
  }

  private void upgrade(ChannelHandlerContext ctx, HttpRequest request) {
    HeaderMap headers = HttpExchangeHandler.headersOf(request);
    if (draining) {
      refuse(ctx, request, text(503, "The server is shutting down"));
      return;
    }
    String origin = headers.first("Origin");
    if (!settings.allows(origin)) {
      refuse(ctx, request, text(403, "Pages of " + origin + " may not open a WebSocket here"));
      return;
    }
    HttpVerdict verdict = rules.admitUpgrade(headers, ctx.channel().remoteAddress());
    HttpAnswer refusal = verdict.refusal();
    if (refusal != null) {
      refuse(ctx, request, refusal);
      return;
    }
    FullHttpRequest full =
        new DefaultFullHttpRequest(
            request.protocolVersion(),
            request.method(),
            request.uri(),
            Unpooled.EMPTY_BUFFER,
            request.headers(),
            EmptyHttpHeaders.INSTANCE);
    boolean tls = ctx.pipeline().get(SslHandler.class) != null;
    String url = (tls ? "wss://" : "ws://") + request.headers().get(HttpHeaderNames.HOST) + path;
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory(
                url,
                null,
                WebSocketDecoderConfig.newBuilder()
                    .maxFramePayloadLength(settings.maxMessageBytes())
                    .allowExtensions(false)
                    .closeOnProtocolViolation(false) // the frame handler closes
                    .build())
            .newHandshaker(full);
    if (handshaker == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel())
          .addListener(ChannelFutureListener.CLOSE);
      return;
    }
    // The WebSocket handlers are in place before the switch, so that no frame can pass them by.
    ChannelPipeline pipeline = ctx.pipeline();
    if (pipeline.get("idle") != null) {
      pipeline.remove("idle");
    }
    pipeline.remove(HttpExchangeHandler.class);
    String name = ctx.name();
    pipeline.addAfter(
        name, "wsAggregator", new WebSocketFrameAggregator(settings.maxMessageBytes()));
    String frames = "wsAggregator";
    long pingNanos = settings.pingInterval().toNanos();
    if (pingNanos > 0) {
      pipeline.addAfter(
          frames, "wsIdle", new IdleStateHandler(pingNanos, 0, 0, TimeUnit.NANOSECONDS));
      frames = "wsIdle";
    }
    pipeline.addAfter(frames, "wsFrames", new WebSocketFrameHandler(handshaker));
    TransportContext context =
        TransportContext.builder("websocket")
            .remoteAddress(ctx.channel().remoteAddress())
            .headers(headers)
            .principal(verdict.principal())
            .attribute("localAddress", ctx.channel().localAddress())
            .build();
    pipeline.addAfter(
        "wsFrames",
        "jsonrpc",
        new WebSocketConnectionHandler(
            service, context, settings.maxInFlight(), settings.connections()));
    try {
      handshaker
          .handshake(ctx.channel(), full)
          .addListener(
              done -> {
                if (!done.isSuccess()) {
                  ctx.close();
                }
              });
    } catch (WebSocketHandshakeException e) {
      // Not a valid upgrade (no Sec-WebSocket-Key, no Connection: Upgrade): HTTP is still spoken.
      refuse(ctx, request, text(400, "Not a WebSocket upgrade: " + e.getMessage()));
    }
  }

  private static void refuse(ChannelHandlerContext ctx, HttpRequest request, HttpAnswer answer) {
    ctx.writeAndFlush(Responses.toResponse(answer, request.protocolVersion(), false))
        .addListener(ChannelFutureListener.CLOSE);
  }

  private static HttpAnswer text(int status, String reason) {
    return new HttpAnswer(
        status,
        Map.of("Content-Type", "text/plain; charset=utf-8"),
        reason.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event == JsonRpcHttpInitializer.DRAIN) {
      draining = true;
    }
    ctx.fireUserEventTriggered(event);
  }
}
