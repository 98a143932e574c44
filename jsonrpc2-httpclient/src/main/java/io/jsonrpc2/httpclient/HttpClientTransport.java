package io.jsonrpc2.httpclient;

import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.OutboundMessage;
import io.jsonrpc2.client.TransportException;
import io.jsonrpc2.client.TransportReply;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP transport of {@link io.jsonrpc2.JsonRpcClient}, on the JDK's {@link
 * java.net.http.HttpClient}: each message is POSTed to one endpoint URL and the reply body is the
 * response.
 *
 * <pre>{@code
 * HttpClientTransport transport = HttpClientTransport.builder("https://pets.example/api")
 *     .header("X-Client", "inventory")
 *     .basicAuth("user", "pass")
 *     .trustStore(Path.of("server-ca.p12"), "changeit".toCharArray())
 *     .requestTimeout(Duration.ofSeconds(10))
 *     .build();
 * JsonRpcClient client = JsonRpcClient.builder().transport(transport).build();
 * }</pre>
 *
 * <p><b>Requests.</b> A POST with {@code Content-Type: application/json} and {@code Accept:
 * application/json}, then the session headers of the builder, then the per-call headers of {@link
 * HttpCallOptions}; a later header replaces an earlier one of the same name (compared without
 * regard to case), so both defaults can be overridden.
 *
 * <p><b>Replies.</b> A 2xx reply completes {@link #send} with its body (empty for 204 or an empty
 * body) and the details {@code http_status}, {@code http_reason} and {@code http_headers}. A reply
 * with another status is read as a JSON-RPC reply as well when its body is one (a JSON object or
 * array with a {@code "jsonrpc"} member); otherwise {@code send} fails with an {@link
 * HttpStatusException}. Redirects are not followed: a POST must not silently change target.
 * Failures to connect, TLS failures and timeouts fail {@code send} with a {@link
 * TransportException} ({@link io.jsonrpc2.client.CallTimeoutException} for the request timeout)
 * naming the endpoint.
 *
 * <p><b>Threading and ownership.</b> Thread-safe; any number of calls may be in flight. Futures
 * complete on the HTTP client's executor. An {@code HttpClient} made by the builder belongs to the
 * transport and is shut down by {@link #close} (on Java 21 and later; before that the JDK offers no
 * way, and its threads end once it is unreachable); one given with {@link
 * Builder#httpClient(HttpClient)} belongs to the caller and is left running. On JDK 25 the JDK's
 * HttpClient hands reply bodies through {@link java.util.concurrent.ForkJoinPool#commonPool()}
 * whatever executor it is given: an application that fills the common pool with blocking tasks (it
 * has one worker on a two-core machine) stalls every reply until one of them returns.
 */
public final class HttpClientTransport implements ClientTransport {
  private final URI endpoint;
  private final String endpointText;
  private final HttpClient http;
  private final boolean ownsHttpClient;
  private final Map<String, HttpHeader> sessionHeaders;
  private final @Nullable Duration requestTimeout;
  private final long maxReplySize;
  private volatile boolean closed;

  HttpClientTransport(
      URI endpoint,
      HttpClient http,
      boolean ownsHttpClient,
      Map<String, HttpHeader> sessionHeaders,
      @Nullable Duration requestTimeout,
      long maxReplySize) {
    this.endpoint = endpoint;
    this.endpointText = endpoint.toString();
    this.http = http;
    this.ownsHttpClient = ownsHttpClient;
    this.sessionHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(sessionHeaders));
    this.requestTimeout = requestTimeout;
    this.maxReplySize = maxReplySize;
  }

  /**
   * Starts the configuration of a transport to {@code endpoint}, an absolute {@code http} or {@code
   * https} URL such as {@code "http://127.0.0.1:8080/rpc"}.
   *
   * @throws IllegalArgumentException if the URL is not one
   */
  public static Builder builder(String endpoint) {
    return new Builder(Builder.parse(endpoint));
  }

  /** As {@link #builder(String)}, from a URI. */
  public static Builder builder(URI endpoint) {
    return new Builder(Builder.check(endpoint));
  }

  /** Replies come with {@link #send}; nothing arrives on its own, so the receiver is not kept. */
  @Override
  public void start(Receiver receiver) {}

  /**
   * POSTs the message and completes with the reply, or fails with a {@link TransportException}.
   *
   * @throws IllegalArgumentException if a per-call header option is malformed
   */
  @Override
  public CompletableFuture<TransportReply> send(OutboundMessage message) {
    if (closed) {
      return CompletableFuture.failedFuture(
          new TransportException("the HTTP transport to " + endpointText + " is closed"));
    }
    HttpRequest request = newRequest(message);
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(request, BoundedBody.handler(maxReplySize));
    CompletableFuture<TransportReply> reply = new CompletableFuture<>();
    exchange.whenComplete(
        (response, failure) -> {
          if (failure != null) {
            reply.completeExceptionally(
                HttpFailures.translate(failure, endpointText, requestTimeout));
            return;
          }
          try {
            reply.complete(HttpReplies.toReply(response, endpointText));
          } catch (HttpStatusException e) {
            reply.completeExceptionally(e);
          }
        });
    // A caller who gives up on the reply also ends the exchange.
    reply.whenComplete(
        (r, e) -> {
          if (reply.isCancelled()) {
            exchange.cancel(true);
          }
        });
    return reply;
  }

  private HttpRequest newRequest(OutboundMessage message) {
    Map<String, HttpHeader> headers = new LinkedHashMap<>(sessionHeaders);
    headers.putAll(HttpCallOptions.headersIn(message.options()));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .POST(HttpRequest.BodyPublishers.ofByteArray(message.payload()));
    if (requestTimeout != null) {
      request.timeout(requestTimeout);
    }
    headers.values().forEach(header -> request.header(header.name(), header.value()));
    return request.build();
  }

  @Override
  public boolean isRequestResponse() {
    return true;
  }

  /** The endpoint URL. */
  @Override
  public String endpoint() {
    return endpointText;
  }

  /** The headers sent with every message, by lower-case name (defaults included). */
  public Map<String, HttpHeader> sessionHeaders() {
    return sessionHeaders;
  }

  /**
   * Refuses further messages and, if the transport made its {@code HttpClient}, shuts it down,
   * ending exchanges in flight. Idempotent.
   */
  @Override
  public void close() {
    closed = true;
    if (ownsHttpClient) {
      shutDown(http);
    }
  }

  // HttpClient.shutdownNow() exists from Java 21 on; the module is built for 17, so it is looked
  // up at run time. On 17 there is nothing to call: the client's threads end when it is collected.
  private static void shutDown(HttpClient http) {
    try {
      HttpClient.class.getMethod("shutdownNow").invoke(http);
    } catch (NoSuchMethodException e) {
      // Java 17 to 20.
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("could not shut the HTTP client down", e);
    }
  }

  /**
   * Configures an {@link HttpClientTransport}. Not thread-safe; {@link #build} checks the settings
   * and may be called more than once.
   */
  public static final class Builder {
    /** Replies larger than this are refused unless configured otherwise: 16 MiB. */
    public static final long DEFAULT_MAX_REPLY_SIZE = 16L * 1024 * 1024;

    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final URI endpoint;
    private final Map<String, HttpHeader> headers = new LinkedHashMap<>();
    private final TlsChoice tls = new TlsChoice();
    private @Nullable Duration connectTimeout;
    private @Nullable Duration requestTimeout;
    private @Nullable HttpClient httpClient;
    private HttpClient.@Nullable Version version;
    private long maxReplySize = DEFAULT_MAX_REPLY_SIZE;

    private Builder(URI endpoint) {
      this.endpoint = endpoint;
      header(new HttpHeader("Content-Type", "application/json"));
      header(new HttpHeader("Accept", "application/json"));
    }

    static URI parse(String endpoint) {
      try {
        return check(new URI(Objects.requireNonNull(endpoint, "endpoint")));
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(
            "not a URL: " + endpoint + " (" + e.getMessage() + ")", e);
      }
    }

    static URI check(URI endpoint) {
      Objects.requireNonNull(endpoint, "endpoint");
      String scheme = endpoint.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
        throw new IllegalArgumentException(
            "the endpoint must be an http:// or https:// URL, got " + endpoint);
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

    /** Sends {@code name: value} with every message, replacing an earlier header of that name. */
    public Builder header(String name, String value) {
      return header(new HttpHeader(name, value));
    }

    /** Sends {@code header} with every message, replacing an earlier header of its name. */
    public Builder header(HttpHeader header) {
      Objects.requireNonNull(header, "header");
      headers.put(header.key(), header);
      return this;
    }

    /** Sends every header of {@code all} with every message. */
    public Builder headers(Map<String, String> all) {
      all.forEach(this::header);
      return this;
    }

    /** Authenticates every message with HTTP Basic (UTF-8), unless a call sets its own. */
    public Builder basicAuth(String user, String password) {
      return header(HttpHeader.basicAuth(user, password));
    }

    /** Authenticates every message with a Bearer token, unless a call sets its own. */
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
     * default ones: jsonrpcclient's {@code session.verify = '/path/to/cert'}. Host names are still
     * verified. The file is read by {@link #build}.
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

    /** How long to wait for a connection (TCP and TLS); 10 s by default. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * How long to wait for the reply after sending, per message; none by default (the client's call
     * timeout still applies). When it passes, the calls fail with a {@link
     * io.jsonrpc2.client.CallTimeoutException} and the exchange is ended.
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /** The HTTP version; HTTP/1.1 by default (no HTTP/2 upgrade attempt on every connection). */
    public Builder version(HttpClient.Version version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * Uses {@code client} instead of making one: for a proxy, an executor, cookies or anything else
     * the JDK client offers. TLS, the connect timeout and the version are then the given client's,
     * and setting them here too is an error. The caller keeps ownership of it.
     */
    public Builder httpClient(HttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /** The largest reply body accepted, in bytes; 16 MiB by default. */
    public Builder maxReplySize(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxReplySize must be positive, got " + bytes);
      }
      this.maxReplySize = bytes;
      return this;
    }

    /**
     * Builds the transport.
     *
     * @throws IllegalStateException if settings contradict each other (two TLS choices, or TLS,
     *     timeout or version settings together with {@link #httpClient})
     * @throws IllegalArgumentException if the trust store cannot be read
     */
    public HttpClientTransport build() {
      boolean tlsSet = tls.isSet();
      if (httpClient != null) {
        if (tlsSet || connectTimeout != null || version != null) {
          throw new IllegalStateException(
              "TLS, connectTimeout and version belong to the HttpClient given to httpClient(); set them there");
        }
        return new HttpClientTransport(
            endpoint, httpClient, false, headers, requestTimeout, maxReplySize);
      }
      HttpClient.Builder http =
          HttpClient.newBuilder()
              .version(version != null ? version : HttpClient.Version.HTTP_1_1)
              .connectTimeout(connectTimeout != null ? connectTimeout : DEFAULT_CONNECT_TIMEOUT)
              .followRedirects(HttpClient.Redirect.NEVER);
      tls.applyTo(http);
      return new HttpClientTransport(
          endpoint, http.build(), true, headers, requestTimeout, maxReplySize);
    }

    private static Duration positive(Duration timeout, String name) {
      Objects.requireNonNull(timeout, name);
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, got " + timeout);
      }
      return timeout;
    }
  }
}
