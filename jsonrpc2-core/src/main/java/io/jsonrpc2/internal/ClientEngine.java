package io.jsonrpc2.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonrpc2.client.CallOptions;
import io.jsonrpc2.client.CallTimeoutException;
import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.ConnectionLostException;
import io.jsonrpc2.client.IdGenerator;
import io.jsonrpc2.client.InvalidResponseException;
import io.jsonrpc2.client.JsonRpcClientException;
import io.jsonrpc2.client.OutboundMessage;
import io.jsonrpc2.client.TransportException;
import io.jsonrpc2.client.TransportReply;
import io.jsonrpc2.message.Id;
import io.jsonrpc2.message.Message;
import io.jsonrpc2.message.Notification;
import io.jsonrpc2.message.Request;
import io.jsonrpc2.message.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport-independent half of the client: encodes messages, keeps the table of calls
 * waiting for a response, matches responses to calls by id, and fails calls on timeout,
 * transport failure or a lost connection.
 */
public final class ClientEngine implements ClientTransport.Receiver {
  /** Logs every message sent ({@code -->}) and received ({@code <--}) at DEBUG. */
  public static final Logger WIRE_LOG = LoggerFactory.getLogger("io.jsonrpc2.wire.client");

  private static final Logger LOG = LoggerFactory.getLogger(ClientEngine.class);

  private final ClientTransport transport;
  private final ObjectMapper mapper;
  private final IdGenerator ids;
  private final ResponseReader reader;
  private final Duration defaultTimeout;
  private final Map<Id, CompletableFuture<Response>> pending = new ConcurrentHashMap<>();

  public ClientEngine(
      ClientTransport transport,
      ObjectMapper mapper,
      IdGenerator ids,
      ResponseReader reader,
      Duration defaultTimeout) {
    this.transport = transport;
    this.mapper = mapper;
    this.ids = ids;
    this.reader = reader;
    this.defaultTimeout = defaultTimeout;
    transport.start(this);
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  public String endpoint() {
    return transport.endpoint();
  }

  /** Gives a request without an id the next generated one. */
  public Request withId(Request request) {
    return request.id() != null ? request : request.withId(ids.next());
  }

  /**
   * Sends requests and notifications as one message (a batch when {@code asBatch}) and returns
   * one future per request, in order, each completing with that request's response.
   */
  public List<CompletableFuture<Response>> send(
      List<? extends Message> messages, boolean asBatch, CallOptions options) {
    List<Id> requestIds = new ArrayList<>();
    Set<Id> unique = new HashSet<>();
    for (Message message : messages) {
      if (message instanceof Request request) {
        if (request.id() == null) {
          throw new IllegalArgumentException("a request must have an id by now: " + request);
        }
        if (!unique.add(request.id())) {
          throw new IllegalArgumentException(
              "two requests of one batch have the id " + request.id() + "; responses could not be told apart");
        }
        requestIds.add(request.id());
      } else if (!(message instanceof Notification)) {
        throw new IllegalArgumentException("only requests and notifications can be sent, got " + message);
      }
    }
    byte[] payload = encode(messages, asBatch);
    List<CompletableFuture<Response>> futures = new ArrayList<>(requestIds.size());
    Duration timeout = options.timeout() != null ? options.timeout() : defaultTimeout;
    for (Id id : requestIds) {
      futures.add(register(id, timeout));
    }
    if (WIRE_LOG.isDebugEnabled()) {
      WIRE_LOG.debug("{} --> {}", transport.endpoint(), new String(payload, StandardCharsets.UTF_8));
    }
    CompletableFuture<TransportReply> sent;
    try {
      sent = transport.send(new OutboundMessage(payload, !requestIds.isEmpty(), options.transportOptions()));
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    sent.whenComplete(
        (reply, failure) -> {
          if (failure != null) {
            fail(requestIds, asTransportException(failure));
          } else if (reply != null && !reply.isEmpty()) {
            deliver(reply.body(), requestIds);
          } else if (transport.isRequestResponse()) {
            fail(requestIds, new InvalidResponseException("the reply is empty; responses were due"));
          }
        });
    if (!futures.isEmpty()) {
      // Once no caller waits any more (every call timed out or was cancelled), the transport hears
      // of it, so that a request-response transport can give up the exchange: a ZeroMQ REQ socket
      // whose reply never came must be replaced before it can send again.
      CompletableFuture<TransportReply> exchange = sent;
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
          .whenComplete((done, failure) -> exchange.cancel(false));
    }
    return futures;
  }

  /** Sends a message that the caller built as raw JSON; returns the raw reply, if one is due. */
  public CompletableFuture<TransportReply> sendRaw(byte[] payload, CallOptions options) {
    return transport.send(new OutboundMessage(payload, true, options.transportOptions()));
  }

  private CompletableFuture<Response> register(Id id, Duration timeout) {
    CompletableFuture<Response> future = new CompletableFuture<>();
    if (pending.putIfAbsent(id, future) != null) {
      throw new IllegalStateException("a call with id " + id + " is already waiting for its response");
    }
    if (timeout != null) {
      ScheduledFuture<?> timer =
          DefaultExecutors.timer()
              .schedule(
                  () -> {
                    if (pending.remove(id, future)) {
                      future.completeExceptionally(
                          new CallTimeoutException(
                              "no response to call " + id + " from " + transport.endpoint() + " within " + timeout));
                    }
                  },
                  timeout.toNanos(),
                  TimeUnit.NANOSECONDS);
      future.whenComplete((r, e) -> timer.cancel(false));
    }
    // A caller who cancels stops waiting; the late response is then dropped.
    future.whenComplete((r, e) -> pending.remove(id, future));
    return future;
  }

  @Override
  public void onMessage(byte[] message) {
    deliver(message, null);
  }

  @Override
  public void onConnectionLost(Throwable cause) {
    List<Id> all = new ArrayList<>(pending.keySet());
    if (!all.isEmpty()) {
      LOG.warn("Connection to {} lost with {} calls waiting", transport.endpoint(), all.size());
    }
    fail(all, new ConnectionLostException("connection to " + transport.endpoint() + " lost", cause));
  }

  /**
   * Completes the calls a reply answers. {@code sentIds} are the ids of the message this reply
   * belongs to (request-response transports), or null when it arrived on its own (connection
   * transports); such calls left unanswered by the reply fail.
   */
  private void deliver(byte[] bytes, List<Id> sentIds) {
    if (WIRE_LOG.isDebugEnabled()) {
      WIRE_LOG.debug("{} <-- {}", transport.endpoint(), new String(bytes, StandardCharsets.UTF_8));
    }
    JsonRpcClientException problem = null;
    try {
      for (ResponseReader.Reply reply : reader.read(bytes)) {
        if (reply instanceof ResponseReader.Valid valid) {
          Response response = valid.response();
          CompletableFuture<Response> call = pending.remove(response.id());
          if (call != null) {
            call.complete(response);
          } else if (response.isError() && response.id().isNull() && sentIds != null) {
            // The server could not read the message; its one error answers every call in it.
            sentIds.forEach(id -> complete(id, response));
          } else {
            problem = new InvalidResponseException("response for id " + response.id() + " matches no call");
            LOG.warn("{}: {}", transport.endpoint(), problem.getMessage());
          }
        } else {
          ResponseReader.Bad bad = (ResponseReader.Bad) reply;
          problem = bad.problem();
          CompletableFuture<Response> call = bad.id() == null ? null : pending.remove(bad.id());
          if (call != null) {
            call.completeExceptionally(problem);
          } else {
            LOG.warn("{}: invalid response: {}", transport.endpoint(), problem.getMessage());
          }
        }
      }
    } catch (JsonRpcClientException e) {
      problem = e;
      LOG.warn("{}: {}", transport.endpoint(), e.getMessage());
    }
    if (sentIds != null) {
      JsonRpcClientException reason =
          problem != null ? problem : new InvalidResponseException("the reply has no response for this call");
      fail(sentIds, reason);
    }
  }

  private void complete(Id id, Response response) {
    CompletableFuture<Response> call = pending.remove(id);
    if (call != null) {
      call.complete(response);
    }
  }

  private void fail(List<Id> ids, Throwable reason) {
    for (Id id : ids) {
      CompletableFuture<Response> call = pending.remove(id);
      if (call != null) {
        call.completeExceptionally(reason);
      }
    }
  }

  private TransportException asTransportException(Throwable failure) {
    Throwable cause = Throwables.unwrap(failure);
    return cause instanceof TransportException t
        ? t
        : new TransportException("sending to " + transport.endpoint() + " failed: " + cause, cause);
  }

  private byte[] encode(List<? extends Message> messages, boolean asBatch) {
    try (ByteArrayBuilder out = new ByteArrayBuilder(mapper.getFactory()._getBufferRecycler());
        JsonGenerator gen = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      gen.setCodec(mapper);
      if (asBatch) {
        gen.writeStartArray();
      }
      for (Message message : messages) {
        if (message instanceof Request request) {
          writeCall(gen, request.method(), request.params(), request.id());
        } else {
          Notification notification = (Notification) message;
          writeCall(gen, notification.method(), notification.params(), null);
        }
      }
      if (asBatch) {
        gen.writeEndArray();
      }
      gen.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalArgumentException("params could not be written as JSON: " + Throwables.reason(e), e);
    }
  }

  private void writeCall(JsonGenerator gen, String method, Object params, Id id) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("jsonrpc", "2.0");
    gen.writeStringField("method", method);
    if (params != null) {
      gen.writeFieldName("params");
      mapper.writeValue(gen, params);
    }
    if (id != null) {
      gen.writeFieldName("id");
      ResponseEncoder.writeId(gen, id);
    }
    gen.writeEndObject();
  }

  /** Fails every waiting call and closes the transport. */
  public void close() {
    onConnectionLost(new TransportException("client closed"));
    transport.close();
  }
}
