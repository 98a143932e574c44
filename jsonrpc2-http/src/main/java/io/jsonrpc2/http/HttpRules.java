package io.jsonrpc2.http;

import java.net.SocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP rules of a JSON-RPC endpoint, written once so that every jsonrpc2 HTTP server (the
 * embedded Netty server, the servlet) answers exactly alike.
 *
 * <p>A server asks three things, in this order, and writes the {@link HttpAnswer}s it gets:
 *
 * <ol>
 *   <li>{@link #admit}: from the request line and headers, before reading the body: POST only (405
 *       with {@code Allow} otherwise; OPTIONS answered for CORS when enabled), the content type
 *       (415), a declared length over {@link #maxBodyBytes()} (413), authentication (401);
 *   <li>while reading the body: more than {@link #maxBodyBytes()} bytes is {@link #bodyTooLarge};
 *       then {@link #utf8Body} gives the bytes to hand to {@code JsonRpcService.handle};
 *   <li>{@link #reply}: the service's reply is 200 {@code application/json}; no reply (only
 *       notifications) is 200 with an empty body, or 204 when so configured. JSON-RPC errors, parse
 *       errors included, are replies like any other: 200.
 * </ol>
 *
 * <p>Content types: {@code application/json}, {@code application/json-rpc} and {@code
 * application/jsonrequest} with any charset parameter are served, and so is a request with no
 * Content-Type at all (widely used clients send none). The types an HTML form or a cross-site
 * {@code fetch} can send without a CORS preflight ({@code application/x-www-form-urlencoded},
 * {@code multipart/form-data}, {@code text/plain}) are refused with 415, so another web site cannot
 * make a visitor's browser post calls. Other types are served unless {@link
 * Builder#strictContentType(boolean)} is set, which requires one of the JSON types.
 *
 * <p>Header maps passed in must match names without regard to case, such as a {@link HeaderMap}
 * (the fastest here). Immutable and thread-safe; no method blocks unless the configured {@link
 * HttpAuthenticator} does.
 */
public final class HttpRules {
  private static final Logger LOG = LoggerFactory.getLogger(HttpRules.class);

  /** 16 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;

  private static final Map<String, String> JSON_HEADERS =
      Map.of("Content-Type", "application/json");
  private static final byte[] EMPTY = new byte[0];
  private static final HttpRules DEFAULTS = builder().build();

  private final boolean strictContentType;
  private final int notificationStatus;
  private final long maxBodyBytes;
  private final @Nullable CorsPolicy cors;
  private final @Nullable HttpAuthenticator authenticator;
  private final String allowedMethods;
  private final Map<String, String> allowHeader;
  private final HttpAnswer emptyReply;

  private HttpRules(Builder builder) {
    this.strictContentType = builder.strictContentType;
    this.notificationStatus = builder.notificationStatus;
    this.maxBodyBytes = builder.maxBodyBytes;
    this.cors =
        builder.corsOrigins.isEmpty()
            ? null
            : new CorsPolicy(
                builder.corsOrigins,
                builder.corsAllowCredentials,
                builder.corsAllowedHeaders,
                builder.corsMaxAge.toSeconds());
    this.authenticator = builder.authenticator;
    this.allowedMethods = cors == null ? "POST" : "POST, OPTIONS";
    this.allowHeader = Map.of("Allow", allowedMethods);
    this.emptyReply = new HttpAnswer(notificationStatus, Map.of(), EMPTY);
  }

  /** POST only, lenient content types, 200 for notifications, 16 MiB bodies, no CORS, no auth. */
  public static HttpRules defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  // ---- the three steps ----------------------------------------------------------------------

  /**
   * Decides from the request head alone: serve it (and as whom), or refuse it with the answer
   * returned. Calls the authenticator, if any, only for a request that passed every other rule.
   *
   * @param method the HTTP method, as sent
   * @param headers the request headers, matched without regard to case
   * @param remoteAddress the peer, for the authenticator; may be null
   */
  public HttpVerdict admit(
      String method, Map<String, List<String>> headers, @Nullable SocketAddress remoteAddress) {
    if (!"POST".equals(method)) {
      if ("OPTIONS".equals(method) && cors != null) {
        return HttpVerdict.refused(
            cors.preflight(
                first(headers, "Origin"),
                first(headers, "Access-Control-Request-Method"),
                allowedMethods));
      }
      return HttpVerdict.refused(
          HttpAnswer.text(
              405,
              withCors(allowHeader, headers),
              "Method " + method + " not allowed: JSON-RPC is served by POST"));
    }
    List<String> contentTypes = headers.get("Content-Type");
    HttpAnswer refusal =
        contentTypes != null && contentTypes.size() > 1
            ? badRequest("more than one Content-Type")
            : checkContentType(contentTypes == null ? null : contentTypes.get(0), headers);
    if (refusal == null) {
      refusal = checkDeclaredLength(first(headers, "Content-Length"), headers);
    }
    if (refusal != null) {
      return HttpVerdict.refused(refusal);
    }
    return authenticator == null
        ? HttpVerdict.admitted(null)
        : authenticate(authenticator, headers, remoteAddress);
  }

  /**
   * Decides about a request that asks to switch protocols (a WebSocket upgrade): only the
   * authenticator applies, since such a request has no body and is not a POST. Refused requests get
   * the same 401 (or 500) answer as {@link #admit} gives.
   *
   * @param headers the request headers, matched without regard to case
   * @param remoteAddress the peer, for the authenticator; may be null
   */
  public HttpVerdict admitUpgrade(
      Map<String, List<String>> headers, @Nullable SocketAddress remoteAddress) {
    return authenticator == null
        ? HttpVerdict.admitted(null)
        : authenticate(authenticator, headers, remoteAddress);
  }

  /**
   * The body as UTF-8, for {@code JsonRpcService.handle}: the same array unless the request named
   * another charset, which is then decoded. Call it only for admitted requests.
   */
  public byte[] utf8Body(byte[] body, Map<String, List<String>> headers) {
    String contentType = first(headers, "Content-Type");
    if (contentType == null) {
      return body;
    }
    ContentType type = ContentType.parse(contentType);
    Charset charset = type.isJson() ? type.foreignCharset() : null;
    return charset == null ? body : new String(body, charset).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The answer carrying the service's reply: 200 {@code application/json}, or, for {@code null} (no
   * reply due), an empty 200 or 204 as configured.
   */
  public HttpAnswer reply(byte @Nullable [] reply, Map<String, List<String>> headers) {
    if (reply == null) {
      return cors == null
          ? emptyReply
          : new HttpAnswer(notificationStatus, withCors(Map.of(), headers), EMPTY);
    }
    return new HttpAnswer(200, withCors(JSON_HEADERS, headers), reply);
  }

  /**
   * The answer once the service's future has completed: {@link #reply} of what it gave, or, when it
   * failed (which its contract rules out), the cause logged and {@link #serverError}.
   *
   * @param failure the future's failure, or null when it gave {@code reply}
   */
  public HttpAnswer answer(
      byte @Nullable [] reply, @Nullable Throwable failure, Map<String, List<String>> headers) {
    if (failure == null) {
      return reply(reply, headers);
    }
    LOG.error("The service failed to reply; answering 500", failure);
    return serverError(headers);
  }

  // ---- other answers ------------------------------------------------------------------------

  /** 413: the body turned out longer than {@link #maxBodyBytes()} while it was read. */
  public HttpAnswer bodyTooLarge(Map<String, List<String>> headers) {
    return HttpAnswer.text(
        413, withCors(Map.of(), headers), "Request body larger than " + maxBodyBytes + " bytes");
  }

  /** 404: a server's path does not match (the servlet's container decides this itself). */
  public HttpAnswer notFound(Map<String, List<String>> headers) {
    return HttpAnswer.text(404, withCors(Map.of(), headers), "No JSON-RPC endpoint at this path");
  }

  /**
   * 500: the server failed to produce a reply (the service broke its contract, or the server itself
   * failed); says nothing more to the caller, the server logs the cause.
   */
  public HttpAnswer serverError(Map<String, List<String>> headers) {
    return HttpAnswer.text(500, withCors(Map.of(), headers), "The server failed to answer");
  }

  /**
   * True when the request asks for {@code 100 Continue} before it sends its body ({@code Expect:
   * 100-continue}): a server sends that only for an admitted request, and a refused one ends as
   * {@link RefusalEnding#CLOSE}.
   */
  public static boolean expectsContinue(Map<String, List<String>> headers) {
    return "100-continue".equalsIgnoreCase(first(headers, "Expect"));
  }

  /** 400: a request that is not valid HTTP, for a server's own parser to report. */
  public static HttpAnswer badRequest(@Nullable String reason) {
    return HttpAnswer.text(
        400, Map.of(), reason == null ? "Bad request" : "Bad request: " + reason);
  }

  // ---- configuration ------------------------------------------------------------------------

  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  public boolean strictContentType() {
    return strictContentType;
  }

  /** 200 or 204: the status of an exchange that needs no reply. */
  public int notificationStatus() {
    return notificationStatus;
  }

  /** The origins allowed to call from a browser; empty when CORS is off. */
  public Set<String> corsOrigins() {
    return cors == null ? Set.of() : cors.origins();
  }

  public boolean hasAuthenticator() {
    return authenticator != null;
  }

  // ---- internals ----------------------------------------------------------------------------

  private @Nullable HttpAnswer checkContentType(
      @Nullable String contentType, Map<String, List<String>> headers) {
    if (contentType == null || contentType.isBlank()) {
      return strictContentType ? unsupported("no Content-Type", headers) : null;
    }
    ContentType type = ContentType.parse(contentType);
    if (type.isJson()) {
      return type.charsetSupported() ? null : unsupported("charset " + type.charset(), headers);
    }
    if (strictContentType || type.isCrossSite()) {
      return unsupported("Content-Type " + type.mediaType(), headers);
    }
    return null;
  }

  private HttpAnswer unsupported(String what, Map<String, List<String>> headers) {
    return HttpAnswer.text(
        415,
        withCors(Map.of("Accept", "application/json"), headers),
        "Unsupported " + what + ": send JSON-RPC as application/json");
  }

  private @Nullable HttpAnswer checkDeclaredLength(
      @Nullable String contentLength, Map<String, List<String>> headers) {
    if (contentLength == null) {
      return null;
    }
    long length;
    try {
      length = Long.parseLong(contentLength.strip());
    } catch (NumberFormatException e) {
      return badRequest("Content-Length is not a number");
    }
    if (length < 0) {
      return badRequest("Content-Length is negative");
    }
    return length > maxBodyBytes ? bodyTooLarge(headers) : null;
  }

  private HttpVerdict authenticate(
      HttpAuthenticator authenticator,
      Map<String, List<String>> headers,
      @Nullable SocketAddress remoteAddress) {
    HttpAuthentication outcome;
    try {
      outcome =
          Objects.requireNonNull(
              authenticator.authenticate(headers, remoteAddress), "authentication result");
    } catch (RuntimeException e) {
      LOG.error("HTTP authenticator failed for a request from {}", remoteAddress, e);
      return HttpVerdict.refused(
          HttpAnswer.text(500, withCors(Map.of(), headers), "Authentication failed on the server"));
    }
    if (outcome.isAccepted()) {
      return HttpVerdict.admitted(outcome.principal());
    }
    return HttpVerdict.refused(
        HttpAnswer.text(
            401,
            withCors(Map.of("WWW-Authenticate", outcome.challenge()), headers),
            "Authentication required"));
  }

  private Map<String, String> withCors(
      Map<String, String> base, Map<String, List<String>> headers) {
    return cors == null ? base : cors.withCors(base, first(headers, "Origin"));
  }

  private static @Nullable String first(Map<String, List<String>> headers, String name) {
    if (headers instanceof HeaderMap map) {
      return map.first(name);
    }
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Configures {@link HttpRules}. Not thread-safe. */
  public static final class Builder {
    private boolean strictContentType;
    private int notificationStatus = 200;
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private final Set<String> corsOrigins = new LinkedHashSet<>();
    private boolean corsAllowCredentials;
    private List<String> corsAllowedHeaders = List.of("Content-Type", "Authorization");
    private Duration corsMaxAge = Duration.ofMinutes(10);
    private @Nullable HttpAuthenticator authenticator;

    private Builder() {}

    /**
     * Requires a JSON content type: a request without Content-Type, or of another type, gets 415.
     */
    public Builder strictContentType(boolean strict) {
      this.strictContentType = strict;
      return this;
    }

    /**
     * 200 (the default: some widely used clients fail on 204) or 204 for exchanges without reply.
     */
    public Builder notificationStatus(int status) {
      if (status != 200 && status != 204) {
        throw new IllegalArgumentException("notification status must be 200 or 204, got " + status);
      }
      this.notificationStatus = status;
      return this;
    }

    /** The largest request body served; larger ones get 413. Default 16 MiB. */
    public Builder maxBodyBytes(long max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxBodyBytes must be positive, got " + max);
      }
      this.maxBodyBytes = max;
      return this;
    }

    /**
     * Turns CORS on for these origins ({@code https://app.example.com}; {@code "*"} for any): pages
     * there may call from a browser. Off (no origins) by default.
     */
    public Builder corsOrigins(String... origins) {
      return corsOrigins(Arrays.asList(origins));
    }

    public Builder corsOrigins(Collection<String> origins) {
      origins.forEach(origin -> corsOrigins.add(Objects.requireNonNull(origin, "origin")));
      return this;
    }

    /** Lets allowed origins send cookies and HTTP auth; not with {@code "*"}. */
    public Builder corsAllowCredentials(boolean allow) {
      this.corsAllowCredentials = allow;
      return this;
    }

    /** Request headers a page may send; default Content-Type and Authorization. */
    public Builder corsAllowedHeaders(String... headers) {
      this.corsAllowedHeaders = List.of(headers);
      return this;
    }

    /** How long a browser may cache a preflight answer; default 10 minutes. */
    public Builder corsMaxAge(Duration maxAge) {
      if (maxAge.isNegative()) {
        throw new IllegalArgumentException("corsMaxAge must not be negative, got " + maxAge);
      }
      this.corsMaxAge = maxAge;
      return this;
    }

    /** Who may call: each request is authenticated before its body is read. None by default. */
    public Builder authenticator(@Nullable HttpAuthenticator authenticator) {
      this.authenticator = authenticator;
      return this;
    }

    /**
     * Builds the rules.
     *
     * @throws IllegalArgumentException when CORS credentials are combined with any origin
     */
    public HttpRules build() {
      return new HttpRules(this);
    }
  }
}
