package io.jsonrpc2.httpclient;

import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.ConnectionLostException;
import io.jsonrpc2.client.JsonRpcClientException;
import io.jsonrpc2.client.OutboundMessage;
import io.jsonrpc2.client.TransportException;
import io.jsonrpc2.client.TransportReply;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection {@link ClientTransport} that speaks JSON-RPC over one WebSocket ({@code ws://} or
 * {@code wss://}, RFC 6455), one message per text message, on the JDK's {@link WebSocket}.
 *
 * <pre>{@code
 * JsonRpcClient client = JsonRpcClient.builder()
 *     .transport(WebSocketClientTransport.builder("ws://localhost:8080/rpc").bearerToken(token).build())
 *     .service(local)   // optional: answers the calls the server sends
 *     .build();
 * }</pre>
 *
 * <p>There is no connect step: the first {@link #send} opens the WebSocket (with the builder's
 * headers on the upgrade request), and after it drops the next {@code send} opens a new one.
 * Consecutive failed attempts are spaced out by a backoff that doubles from {@code
 * reconnectBackoff}'s initial delay up to its maximum; messages sent meanwhile wait for the next
 * attempt and fail with a {@link TransportException} if it fails (a refused upgrade names the HTTP
 * status). When the WebSocket drops, every call waiting for a reply fails at once with a {@link
 * ConnectionLostException}; nothing is ever sent again by the transport.
 *
 * <p>Messages are read one at a time, the next one asked for only once the last one is handed on
 * ({@link WebSocket#request}), and not at all while the client has {@linkplain #pauseReading paused
 * reading}: a server that sends more calls than the client serves at once is held back by the
 * network. A message split into parts is joined; one larger than {@code maxMessageSize}, or a
 * binary message, closes the WebSocket (1009, 1003). Pings are answered by the JDK.
 *
 * <p>Thread-safe; any number of callers share the WebSocket. Messages are delivered on the JDK
 * client's threads, so code chained onto a call's future without an {@code *Async} stage runs there
 * and must not block.
 */
public final class WebSocketClientTransport implements ClientTransport {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketClientTransport.class);

  private final URI endpoint;
  private final HttpClient httpClient;
  private final Map<String, HttpHeader> headers;
  private final Duration connectTimeout;
  private final long maxMessageSize;
  private final long initialBackoffNanos;
  private final long maxBackoffNanos;
  private final Object lock = new Object();
  private volatile @Nullable Receiver receiver;
  private volatile @Nullable Session session;
  private @Nullable CompletableFuture<Session> connecting;
  private boolean closed;
  private boolean paused;
  private boolean everConnected;
  private int consecutiveFailures;
  private long nextAttemptNanos;

  private WebSocketClientTransport(Builder builder, HttpClient httpClient) {
    this.endpoint = builder.endpoint;
    this.httpClient = httpClient;
    this.headers = Map.copyOf(builder.headers);
    this.connectTimeout = builder.connectTimeout;
    this.maxMessageSize = builder.maxMessageSize;
    this.initialBackoffNanos = builder.reconnectBackoff.toNanos();
    this.maxBackoffNanos = builder.maxReconnectBackoff.toNanos();
  }

  /**
   * Starts configuring a transport to a {@code ws://} or {@code wss://} URL.
   *
   * @throws IllegalArgumentException if it is not such a URL, or has credentials in it
   */
  public static Builder builder(String endpoint) {
    try {
      return builder(new URI(Objects.requireNonNull(endpoint, "endpoint")));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + endpoint + " (" + e.getMessage() + ")", e);
    }
  }

  /** As {@link #builder(String)}, from a URI. */
  public static Builder builder(URI endpoint) {
    return new Builder(check(endpoint));
  }

  private static URI check(URI endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    String scheme = endpoint.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("ws") || scheme.equalsIgnoreCase("wss"))) {
      throw new IllegalArgumentException(
          "the endpoint must be a ws:// or wss:// URL, got " + endpoint);
    }
    if (endpoint.getHost() == null) {
      throw new IllegalArgumentException("the endpoint has no host: " + endpoint);
    }
    if (endpoint.getRawUserInfo() != null) {
      // Credentials in a URL end up in logs and error messages; they belong in basicAuth.
      throw new IllegalArgumentException(
          "put credentials in basicAuth(user, password), not in the endpoint URL");
    }
    return endpoint;
  }

  @Override
  public void start(Receiver receiver) {
    this.receiver = receiver;
  }

  @Override
  public CompletableFuture<TransportReply> send(OutboundMessage message) {
    Session open = session;
    CompletableFuture<TransportReply> sent =
        open != null
            ? open.send(message.payload())
            : open().thenCompose(connected -> connected.send(message.payload()));
    Sending sending = new Sending();
    sent.whenComplete(
        (written, failure) -> {
          if (failure != null) {
            sending.completeExceptionally(failure);
          } else {
            sending.complete(written);
          }
        });
    return sending;
  }

  /**
   * A send's future that cancelling leaves alone. The client cancels it once every call in the
   * message is answered, which over a WebSocket can happen before the JDK reports the write done
   * (replies arrive on another thread); a cancelled send would then fail a batch that was answered
   * in full. A message handed to the WebSocket is on its way: there is nothing to give up.
   */
  private static final class Sending extends CompletableFuture<TransportReply> {
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      return false;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
      return new CompletableFuture<>();
    }
  }

  @Override
  public boolean isRequestResponse() {
    return false;
  }

  /** The endpoint URL. */
  @Override
  public String endpoint() {
    return endpoint.toString();
  }

  /** True while a WebSocket is open. */
  public boolean isConnected() {
    return session != null;
  }

  /** Closes the open WebSocket, if any; the next message opens a new one. */
  @Override
  public void abort(JsonRpcClientException cause) {
    Session open;
    synchronized (lock) {
      open = session;
      session = null;
    }
    if (open != null) {
      open.webSocket().abort(); // not reported as a drop: the client has failed what waited
    }
  }

  /** Asks for no more messages until {@link #resumeReading}. */
  @Override
  public void pauseReading() {
    synchronized (lock) {
      paused = true;
    }
  }

  @Override
  public void resumeReading() {
    Session open;
    synchronized (lock) {
      paused = false;
      open = session;
    }
    if (open != null) {
      open.requestOwed();
    }
  }

  /**
   * Closes the WebSocket (a close message, then the connection); calls waiting for a reply fail
   * with a {@link ConnectionLostException}, and later messages with a {@link TransportException}.
   */
  @Override
  public void close() {
    CompletableFuture<Session> attempt;
    Session open;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      attempt = connecting;
      connecting = null;
      open = session;
    }
    if (attempt != null) {
      attempt.completeExceptionally(new TransportException("transport to " + endpoint + " closed"));
    }
    if (open != null) {
      try {
        open.webSocket()
            .sendClose(WebSocket.NORMAL_CLOSURE, "")
            .toCompletableFuture()
            .get(2, TimeUnit.SECONDS);
      } catch (Exception e) {
        // closed below all the same
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
      }
      open.webSocket().abort();
      dropped(open, null);
    }
  }

  /** The open WebSocket, or the attempt to open one (now, or once the backoff has passed). */
  private CompletableFuture<Session> open() {
    CompletableFuture<Session> attempt;
    long delay;
    synchronized (lock) {
      if (closed) {
        return CompletableFuture.failedFuture(
            new TransportException("transport to " + endpoint + " is closed"));
      }
      Session ready = session;
      if (ready != null) {
        return CompletableFuture.completedFuture(ready);
      }
      if (connecting != null) {
        return connecting;
      }
      attempt = new CompletableFuture<>();
      connecting = attempt;
      delay = Math.max(0, nextAttemptNanos - System.nanoTime());
    }
    if (delay > 0) {
      CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS)
          .execute(() -> connect(attempt));
    } else {
      connect(attempt);
    }
    return attempt;
  }

  private void connect(CompletableFuture<Session> attempt) {
    Session fresh = new Session();
    WebSocket.Builder builder = httpClient.newWebSocketBuilder().connectTimeout(connectTimeout);
    headers.values().forEach(header -> builder.header(header.name(), header.value()));
    builder
        .buildAsync(endpoint, fresh)
        .whenComplete(
            (webSocket, failure) -> {
              if (failure != null) {
                failed(attempt, failure);
              } else {
                fresh.socket = webSocket;
                connected(attempt, fresh);
              }
            });
  }

  private void connected(CompletableFuture<Session> attempt, Session fresh) {
    boolean again;
    synchronized (lock) {
      if (closed || connecting != attempt || fresh.dropReported) {
        fresh.webSocket().abort();
        attempt.completeExceptionally(
            new TransportException("transport to " + endpoint + " closed"));
        return;
      }
      session = fresh;
      connecting = null;
      again = everConnected;
      everConnected = true;
      consecutiveFailures = 0;
      nextAttemptNanos = 0;
    }
    LOG.info(again ? "Reconnected to {}" : "Connected to {}", endpoint);
    attempt.complete(fresh);
  }

  private void failed(CompletableFuture<Session> attempt, Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    long backoff;
    synchronized (lock) {
      if (connecting == attempt) {
        connecting = null;
      }
      consecutiveFailures++;
      backoff = backoffNanos(consecutiveFailures);
      nextAttemptNanos = System.nanoTime() + backoff;
    }
    String reason =
        cause instanceof WebSocketHandshakeException refused
            ? "the server refused the WebSocket with HTTP " + refused.getResponse().statusCode()
            : cause.toString();
    LOG.warn(
        "Cannot connect to {}: {}; next attempt in {} ms at the earliest",
        endpoint,
        reason,
        TimeUnit.NANOSECONDS.toMillis(backoff));
    attempt.completeExceptionally(
        new TransportException("cannot connect to " + endpoint + ": " + reason, cause));
  }

  private long backoffNanos(int failures) {
    long backoff = initialBackoffNanos;
    for (int i = 1; i < failures && backoff < maxBackoffNanos; i++) {
      backoff *= 2;
    }
    return Math.min(backoff, maxBackoffNanos);
  }

  /** Forgets {@code gone} if it is the open one and fails what waits on it; once per WebSocket. */
  private void dropped(Session gone, @Nullable String why) {
    synchronized (lock) {
      if (gone.dropReported) {
        return;
      }
      gone.dropReported = true;
      if (session == gone) {
        session = null;
      }
    }
    if (closed) {
      LOG.debug("Closed the WebSocket to {}", endpoint);
    } else {
      LOG.warn(
          "Disconnected from {}{}; the next call reconnects",
          endpoint,
          why == null ? "" : ": " + why);
    }
    Receiver target = receiver;
    if (target != null) {
      target.onConnectionLost(
          new ConnectionLostException(
              "the WebSocket to " + endpoint + " closed" + (why == null ? "" : ": " + why), null));
    }
  }

  /**
   * One WebSocket: its listener, the text being joined and the sends in order (the JDK takes one
   * send at a time).
   */
  private final class Session implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private volatile @Nullable WebSocket socket;
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
    private boolean owed; // a message was handed on while paused: the next one is not asked for yet
    boolean dropReported;

    /** The WebSocket; known once it is open, which is before the session is used. */
    WebSocket webSocket() {
      return Objects.requireNonNull(socket, "the WebSocket is open");
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      this.socket = webSocket;
      webSocket.request(1);
    }

    CompletableFuture<TransportReply> send(byte[] payload) {
      String text = new String(payload, StandardCharsets.UTF_8);
      WebSocket target = webSocket();
      CompletableFuture<TransportReply> sent;
      synchronized (this) {
        sent =
            lastSend
                .handle((previous, failure) -> target.sendText(text, true))
                .thenCompose(stage -> stage)
                .handle(
                    (written, failure) -> {
                      if (failure != null) {
                        dropped(this, "a send failed: " + failure);
                        throw new CompletionException(
                            new ConnectionLostException(
                                "could not send to " + endpoint + ": " + failure.getMessage(),
                                null));
                      }
                      return (TransportReply) null;
                    });
        lastSend = sent;
      }
      return sent;
    }

    @Override
    public @Nullable CompletionStage<?> onText(
        WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (partial.length() > maxMessageSize) { // chars: at most as many as the UTF-8 bytes
        partial.setLength(0);
        refuse(webSocket, 1009, "a message over the limit of " + maxMessageSize + " bytes");
        return null;
      }
      if (!last) {
        webSocket.request(1);
        return null;
      }
      byte[] message = partial.toString().getBytes(StandardCharsets.UTF_8);
      partial.setLength(0);
      if (message.length > maxMessageSize) {
        refuse(webSocket, 1009, "a message over the limit of " + maxMessageSize + " bytes");
        return null;
      }
      Receiver target = receiver;
      if (target != null) {
        target.onMessage(message);
      }
      askForTheNext(webSocket);
      return null;
    }

    private void askForTheNext(WebSocket webSocket) {
      synchronized (lock) {
        if (paused) {
          owed = true;
          return;
        }
      }
      webSocket.request(1);
    }

    void requestOwed() {
      boolean ask;
      synchronized (lock) {
        ask = owed;
        owed = false;
      }
      WebSocket open = socket;
      if (ask && open != null) {
        open.request(1);
      }
    }

    @Override
    public @Nullable CompletionStage<?> onBinary(
        WebSocket webSocket, ByteBuffer data, boolean last) {
      refuse(webSocket, 1003, "a binary message: JSON-RPC comes as text");
      return null;
    }

    private void refuse(WebSocket webSocket, int code, String what) {
      LOG.warn("Closing the WebSocket to {}: it sent {}", endpoint, what);
      webSocket.sendClose(code, what.length() > 120 ? what.substring(0, 120) : what);
      webSocket.abort();
      dropped(this, "the server sent " + what);
    }

    @Override
    public @Nullable CompletionStage<?> onClose(
        WebSocket webSocket, int statusCode, String reason) {
      dropped(
          this,
          "closed by the server (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")");
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      dropped(this, error.toString());
    }
  }

  /**
   * Configures a {@link WebSocketClientTransport}; the option names are {@link
   * HttpClientTransport.Builder}'s. Not thread-safe.
   */
  public static final class Builder {
    /** Messages larger than this are refused unless configured otherwise: 16 MiB. */
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 16L * 1024 * 1024;

    private final URI endpoint;
    private final Map<String, HttpHeader> headers = new LinkedHashMap<>();
    private final TlsChoice tls = new TlsChoice();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private @Nullable HttpClient httpClient;
    private long maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
    private Duration reconnectBackoff = Duration.ofMillis(100);
    private Duration maxReconnectBackoff = Duration.ofSeconds(5);

    private Builder(URI endpoint) {
      this.endpoint = endpoint;
    }

    /**
     * Sends {@code name: value} with the upgrade request, replacing an earlier header of that name.
     * The WebSocket handshake's own headers ({@code Sec-WebSocket-*}, {@code Upgrade}, {@code
     * Connection}, {@code Host}) cannot be set.
     */
    public Builder header(String name, String value) {
      return header(new HttpHeader(name, value));
    }

    /** Sends {@code header} with the upgrade request, replacing an earlier header of its name. */
    public Builder header(HttpHeader header) {
      Objects.requireNonNull(header, "header");
      headers.put(header.key(), header);
      return this;
    }

    /** Sends every header of {@code all} with the upgrade request. */
    public Builder headers(Map<String, String> all) {
      all.forEach(this::header);
      return this;
    }

    /** Authenticates the upgrade request with HTTP Basic (UTF-8). */
    public Builder basicAuth(String user, String password) {
      return header(HttpHeader.basicAuth(user, password));
    }

    /** Authenticates the upgrade request with a Bearer token. */
    public Builder bearerToken(String token) {
      return header(HttpHeader.bearerToken(token));
    }

    /** Uses {@code context} for TLS (client certificates, custom trust). */
    public Builder sslContext(SSLContext context) {
      tls.sslContext(context);
      return this;
    }

    /**
     * Trusts the server certificates of a trust store file (PKCS12 or JKS) instead of the JDK's
     * default ones. Host names are still verified. The file is read by {@link #build}.
     */
    public Builder trustStore(Path file, char @Nullable [] password) {
      tls.trustStore(file, password);
      return this;
    }

    /**
     * Accepts any server certificate for any host name. <b>For tests against servers with self-made
     * certificates only</b>: it makes TLS useless against an attacker in the middle.
     */
    public Builder insecureTrustAllCertificates() {
      tls.trustAllCertificates();
      return this;
    }

    /** How long to wait for the WebSocket to open (TCP, TLS and upgrade); 10 s by default. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * Uses {@code client} instead of making one (for a proxy or an executor). TLS is then the given
     * client's, and setting it here too is an error. The caller keeps ownership of it.
     */
    public Builder httpClient(HttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * The largest message accepted from the server, in bytes, once its parts are joined; a larger
     * one closes the WebSocket (1009) and fails the calls waiting. 16 MiB by default.
     */
    public Builder maxMessageSize(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxMessageSize must be positive, got " + bytes);
      }
      this.maxMessageSize = bytes;
      return this;
    }

    /**
     * The wait before the next attempt after a failed one: {@code initial} after the first failure,
     * doubling up to {@code max}. Default 100 ms up to 5 s.
     */
    public Builder reconnectBackoff(Duration initial, Duration max) {
      this.reconnectBackoff = positive(initial, "reconnectBackoff");
      this.maxReconnectBackoff = positive(max, "maxReconnectBackoff");
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException(
            "the maximum backoff " + max + " is below the initial one " + initial);
      }
      return this;
    }

    /**
     * Builds the transport; it connects on the first message.
     *
     * @throws IllegalStateException if settings contradict each other (two TLS choices, or TLS
     *     together with {@link #httpClient})
     * @throws IllegalArgumentException if the trust store cannot be read
     */
    public WebSocketClientTransport build() {
      boolean tlsSet = tls.isSet();
      if (httpClient != null) {
        if (tlsSet) {
          throw new IllegalStateException(
              "TLS belongs to the HttpClient given to httpClient(); set it there");
        }
        return new WebSocketClientTransport(this, httpClient);
      }
      HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(connectTimeout);
      tls.applyTo(http);
      return new WebSocketClientTransport(this, http.build());
    }

    private static Duration positive(Duration value, String name) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }
  }
}
