package io.jsonrpc2.netty.http;

import static java.util.Objects.requireNonNull;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.connection.HandOffs;
import io.jsonrpc2.http.HeaderMap;
import io.jsonrpc2.http.HttpAnswer;
import io.jsonrpc2.http.HttpRules;
import io.jsonrpc2.http.HttpVerdict;
import io.jsonrpc2.http.RefusalEnding;
import io.jsonrpc2.server.TransportContext;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's HTTP exchanges: applies the {@link HttpRules} to each request head, gathers the
 * body, hands it to the service and writes the answers back in request order (HTTP/1.1 pipelining),
 * one flush per read burst. Stateful: one instance per channel, event loop only.
 */
final class HttpExchangeHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger("io.jsonrpc2.netty.http");

  /** Requests read ahead of their answers before the connection stops reading. */
  private static final int MAX_PIPELINED = 16;

  private final JsonRpcService service;
  private final HttpRules rules;
  private final String path;
  private final ArrayDeque<Exchange> pending = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private @Nullable Exchange reading;
  private long discarding =
      -1; // bytes of a refused request's body skipped so far; -1 when not skipping
  private boolean closeAfterDiscard; // the refusal closes the connection once the body is skipped
  private boolean inRead;
  private boolean flushNeeded;
  private boolean closing;
  private boolean draining;
  private final HandOffs.Turn turn = new HandOffs.Turn();
  // One instance, to schedule without allocating.
  private final Runnable endTurn = turn::end;

  HttpExchangeHandler(JsonRpcService service, HttpRules rules, String path) {
    this.service = service;
    this.rules = rules;
    this.path = path;
  }

  /** One request and, once known, its answer. */
  private static final class Exchange {
    final HttpVersion version;
    final boolean keepAlive;
    final Map<String, List<String>> headers;
    final @Nullable BodyBuffer body;
    final @Nullable Principal principal;
    @Nullable HttpAnswer answer;
    boolean close;

    Exchange(
        HttpRequest request,
        Map<String, List<String>> headers,
        @Nullable BodyBuffer body,
        @Nullable Principal principal) {
      this.version = request.protocolVersion();
      this.keepAlive = HttpUtil.isKeepAlive(request);
      this.headers = headers;
      this.body = body;
      this.principal = principal;
    }
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    inRead = true;
    if (turn.begin()) {
      // Released at the end of the event loop's turn: the blocking calls of every request the
      // turn reads, on all its connections, go to the executor together.
      ctx.executor().execute(endTurn);
    }
    try {
      // Once an answer that closes the connection is queued, nothing more is served; only the
      // rest of a refused body is still read, to drop it.
      if (msg instanceof HttpRequest request && !closing) {
        onHead(request);
      }
      if (msg instanceof HttpContent content && (!closing || discarding >= 0)) {
        onContent(content);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    inRead = false;
    if (flushNeeded) {
      flushNeeded = false;
      ctx.flush();
    }
    ctx.fireChannelReadComplete();
  }

  private void onHead(HttpRequest request) {
    if (request.decoderResult().isFailure()) {
      Throwable cause = request.decoderResult().cause();
      refuse(
          request, new HeaderMap().seal(), HttpRules.badRequest(cause.getMessage()), true, false);
      return;
    }
    HeaderMap headers = headersOf(request);
    if (!path.equals(pathOf(request.uri()))) {
      refuse(request, headers, rules.notFound(headers), false, false);
      return;
    }
    HttpVerdict verdict =
        rules.admit(request.method().name(), headers, ctx.channel().remoteAddress());
    HttpAnswer refusal = verdict.refusal();
    if (refusal != null) {
      RefusalEnding ending = RefusalEnding.of(refusal, headers);
      refuse(
          request, headers, refusal, ending != RefusalEnding.DRAIN, ending == RefusalEnding.LINGER);
      return;
    }
    if (HttpRules.expectsContinue(headers)) {
      ctx.writeAndFlush(
          new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
    }
    // The rules have checked that a declared length is a number within the limit.
    String declared = headers.first("Content-Length");
    BodyBuffer body =
        new BodyBuffer(
            declared == null ? -1 : Long.parseLong(declared.strip()), rules.maxBodyBytes());
    reading = new Exchange(request, headers, body, verdict.principal());
  }

  private void onContent(HttpContent content) {
    boolean last = content instanceof LastHttpContent;
    if (discarding >= 0) {
      discarding += content.content().readableBytes();
      if (discarding > (closeAfterDiscard ? RefusalEnding.LINGER_BYTES : rules.maxBodyBytes())) {
        closing = true;
        ctx.close();
      } else if (last) {
        discarding = -1;
        if (closeAfterDiscard && closing && pending.isEmpty()) {
          ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
      }
      return;
    }
    Exchange exchange = reading;
    if (exchange == null) {
      return;
    }
    if (content.decoderResult().isFailure()) { // a broken chunk: the body ends here, unusable
      reading = null;
      exchange.answer = HttpRules.badRequest(content.decoderResult().cause().getMessage());
      exchange.close = true;
      enqueue(exchange);
      return;
    }
    ByteBuf bytes = content.content();
    if (!requireNonNull(exchange.body, "an exchange being read has a body").append(bytes)) {
      reading = null;
      exchange.answer = rules.bodyTooLarge(exchange.headers);
      exchange.close = true;
      if (!last) {
        discarding = bytes.readableBytes();
        closeAfterDiscard = true;
      }
      enqueue(exchange);
      return;
    }
    if (last) {
      reading = null;
      dispatch(exchange);
    }
  }

  /**
   * Answers {@code request} with a refusal and skips its body.
   *
   * @param close whether the connection closes after the answer
   * @param linger whether the body may still come and should be read and dropped before closing
   */
  private void refuse(
      HttpRequest request,
      Map<String, List<String>> headers,
      HttpAnswer answer,
      boolean close,
      boolean linger) {
    Exchange exchange = new Exchange(request, headers, null, null);
    exchange.answer = answer;
    exchange.close = close;
    discarding = 0;
    closeAfterDiscard = close && linger;
    enqueue(exchange);
  }

  private void dispatch(Exchange exchange) {
    byte[] body =
        rules.utf8Body(
            requireNonNull(exchange.body, "a dispatched exchange has a body").toArray(),
            exchange.headers);
    TransportContext context =
        new TransportContext(
            "http", ctx.channel().remoteAddress(), exchange.headers, exchange.principal, Map.of());
    CompletableFuture<byte[]> reply = service.handle(body, context);
    pending.add(exchange);
    if (pending.size() >= MAX_PIPELINED) {
      ctx.channel().config().setAutoRead(false);
    }
    if (reply.isDone()) {
      answer(exchange, reply.getNow(null), null); // a non-blocking method answered in place
    } else {
      reply.whenComplete(
          (bytes, failure) -> {
            if (ctx.executor().inEventLoop()) {
              answer(exchange, bytes, failure);
            } else {
              ctx.executor().execute(() -> answer(exchange, bytes, failure));
            }
          });
    }
  }

  private void answer(Exchange exchange, byte @Nullable [] reply, @Nullable Throwable failure) {
    exchange.answer = rules.answer(reply, failure, exchange.headers);
    writeReady();
  }

  private void enqueue(Exchange exchange) {
    pending.add(exchange);
    if (exchange.close) {
      closing = true;
    }
    writeReady();
  }

  /** Writes the answers at the head of the queue that are ready, in request order. */
  private void writeReady() {
    Exchange head;
    while ((head = pending.peek()) != null && head.answer != null) {
      pending.poll();
      boolean keepAlive =
          head.keepAlive && !head.close && !(draining && pending.isEmpty() && reading == null);
      var response = Responses.toResponse(head.answer, head.version, keepAlive);
      if (!keepAlive) {
        closing = true;
        pending.clear();
        if (discarding >= 0 && closeAfterDiscard) {
          ctx.writeAndFlush(response, ctx.voidPromise()); // closed once the body is skipped
          ctx.executor()
              .schedule(() -> ctx.close(), RefusalEnding.LINGER_MILLIS, TimeUnit.MILLISECONDS);
        } else {
          ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
        return;
      }
      ctx.write(response, ctx.voidPromise());
      flushNeeded = true;
    }
    if (flushNeeded && !inRead) {
      flushNeeded = false;
      ctx.flush();
    }
    if (pending.size() < MAX_PIPELINED / 2 && !ctx.channel().config().isAutoRead()) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event == JsonRpcHttpInitializer.DRAIN) {
      draining = true;
      closeIfIdle();
    } else if (event instanceof IdleStateEvent) {
      closeIfIdle();
    } else {
      ctx.fireUserEventTriggered(event);
    }
  }

  private void closeIfIdle() {
    if (pending.isEmpty() && reading == null) {
      closing = true;
      ctx.close();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException || cause.getCause() instanceof SSLException) {
      LOG.debug(
          "HTTP connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    } else {
      LOG.warn("HTTP connection from {} failed", ctx.channel().remoteAddress(), cause);
    }
    closing = true;
    ctx.close();
  }

  static HeaderMap headersOf(HttpRequest request) {
    HeaderMap headers = new HeaderMap();
    for (Iterator<Map.Entry<CharSequence, CharSequence>> it =
            request.headers().iteratorCharSequence();
        it.hasNext(); ) {
      Map.Entry<CharSequence, CharSequence> header = it.next();
      headers.add(header.getKey().toString(), header.getValue().toString());
    }
    return headers.seal();
  }

  /** The path of an origin-form ("/rpc?x") or absolute-form ("http://h/rpc") request target. */
  static String pathOf(String uri) {
    int start = 0;
    if (!uri.startsWith("/")) {
      int scheme = uri.indexOf("://");
      if (scheme < 0) {
        return uri; // "*" or garbage: matches no path
      }
      start = uri.indexOf('/', scheme + 3);
      if (start < 0) {
        return "/";
      }
    }
    int end = uri.length();
    for (int i = start; i < end; i++) {
      char c = uri.charAt(i);
      if (c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    return start == 0 && end == uri.length() ? uri : uri.substring(start, end);
  }
}
