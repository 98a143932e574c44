package io.jsonrpc2.internal;

import io.jsonrpc2.client.ErrorResponseException;
import io.jsonrpc2.client.InvalidResponseException;
import io.jsonrpc2.client.JsonRpcClientException;
import io.jsonrpc2.client.TransportReply;
import io.jsonrpc2.message.ErrorObject;
import io.jsonrpc2.message.Id;
import io.jsonrpc2.message.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * Routes reply bytes to the calls waiting for them, and decides what happens to whatever does not
 * fit.
 *
 * <p>On a request-response transport a reply belongs to one sent message: it may only answer that
 * message's calls, and the calls it leaves unanswered fail at once with the reason (an unmatched
 * id, an invalid element, a reply that is not JSON). A single error with id {@code null} is the
 * server saying it could not read the requests, so it answers every call of the message left
 * unanswered.
 *
 * <p>On a connection a reply belongs to no message in particular: what matches a waiting call
 * completes it; a late response to a call that timed out or was cancelled is dropped with a DEBUG
 * line. Anything else breaks the protocol (a reply that is not JSON, not a response, or for no
 * waiting call): every call waiting on the connection fails at once with that cause and the
 * connection is dropped ({@code onViolation}), as no later reply on it can be trusted. A single
 * error with id {@code null} says the peer could not read something this side sent, and it cannot
 * be told what: it fails every waiting call with that error, and the connection stays. Requests and
 * notifications from the peer are ignored with a log line (a two-way connection sends them to its
 * service before they get here). Replies to notifications-only messages are ignored with a log line
 * too (the specification says none is due). Thread-safe.
 */
final class ReplyRouter {
  private static final Logger LOG = ClientEngine.LOG;

  private final String endpoint;
  private final ResponseReader reader;
  private final PendingCalls pending;
  private final Consumer<JsonRpcClientException> onViolation;

  /**
   * @param onViolation told, on a connection, of a reply that breaks the protocol, after every
   *     waiting call has failed with it
   */
  ReplyRouter(
      String endpoint,
      ResponseReader reader,
      PendingCalls pending,
      Consumer<JsonRpcClientException> onViolation) {
    this.endpoint = endpoint;
    this.reader = reader;
    this.pending = pending;
    this.onViolation = onViolation;
  }

  /**
   * A request-response transport's reply to one message; {@code own} maps the ids of that message's
   * requests to their calls' futures, and only those calls are settled.
   */
  void onReply(TransportReply reply, Map<Id, CompletableFuture<Response>> own) {
    WireLog.response(endpoint, reply.body(), reply.details());
    if (own.isEmpty()) {
      if (!reply.isEmpty()) {
        LOG.debug("{}: ignored a reply to notifications, to which none is due", endpoint);
      }
      return;
    }
    if (reply.isEmpty()) {
      pending.failAll(
          own,
          new InvalidResponseException(
              "the reply from "
                  + endpoint
                  + " is empty; responses to "
                  + own.keySet()
                  + " were due"));
      return;
    }
    route(reply.body(), own);
  }

  /** A connection's inbound message. */
  void onMessage(byte[] message) {
    WireLog.response(endpoint, message, Map.of());
    route(message, null);
  }

  /**
   * @param own the calls of the message this reply answers, or null on a connection
   */
  private void route(byte[] bytes, @Nullable Map<Id, CompletableFuture<Response>> own) {
    List<ResponseReader.Reply> replies;
    try {
      replies = reader.read(bytes);
    } catch (JsonRpcClientException e) {
      unmatched(e, own);
      return;
    }
    JsonRpcClientException problem = null;
    List<Response> nullIdErrors = new ArrayList<>();
    for (ResponseReader.Reply reply : replies) {
      if (reply instanceof ResponseReader.Valid valid) {
        Response response = valid.response();
        if ((own == null || own.containsKey(response.id()))
            && pending.complete(
                response.id(), own == null ? null : own.get(response.id()), response)) {
          continue;
        }
        if (response.isError() && response.id().isNull()) {
          nullIdErrors.add(response);
        } else if ((own != null && own.containsKey(response.id()))
            || pending.wasAbandoned(response.id())) {
          LOG.debug("{}: dropped a late or second response for id {}", endpoint, response.id());
        } else {
          problem =
              new InvalidResponseException(
                  "the response's id " + response.id() + " matches no call waiting for one");
          if (own == null) {
            unmatched(problem, null); // the connection is dropped: nothing more on it counts
            return;
          }
        }
      } else if (reply instanceof ResponseReader.Bad bad) {
        boolean failedItsCall =
            bad.id() != null
                && (own == null || own.containsKey(bad.id()))
                && pending.fail(bad.id(), own == null ? null : own.get(bad.id()), bad.problem());
        if (!failedItsCall && bad.id() != null && pending.wasAbandoned(bad.id())) {
          LOG.debug(
              "{}: dropped a late invalid response for id {}: {}",
              endpoint,
              bad.id(),
              bad.problem().getMessage());
        } else if (!failedItsCall) {
          problem = bad.problem();
          if (own == null) {
            unmatched(problem, null);
            return;
          }
        }
      } else {
        LOG.debug(
            "{}: ignored {}; this client serves no calls",
            endpoint,
            ((ResponseReader.PeerCall) reply).description());
      }
    }
    if (own == null) {
      for (Response error : nullIdErrors) {
        LOG.warn(
            "{}: the peer could not read a message: {} {}; failing every waiting call",
            endpoint,
            errorOf(error).code(),
            errorOf(error).message());
        pending.failAll(pending.allIds(), new ErrorResponseException(errorOf(error)));
      }
    } else {
      settleUnanswered(own, nullIdErrors, problem);
    }
  }

  private void settleUnanswered(
      Map<Id, CompletableFuture<Response>> own,
      List<Response> nullIdErrors,
      @Nullable JsonRpcClientException problem) {
    List<Id> unanswered = pending.waiting(own);
    if (unanswered.isEmpty()) {
      if (problem != null) {
        LOG.warn(
            "{}: a reply held more than the responses due: {}", endpoint, problem.getMessage());
      }
      return;
    }
    if (nullIdErrors.size() == 1) {
      Response error = nullIdErrors.get(0);
      unanswered.forEach(id -> pending.complete(id, own.get(id), error));
    } else if (nullIdErrors.size() > 1) {
      pending.failAll(
          own,
          new InvalidResponseException(
              "the reply holds "
                  + nullIdErrors.size()
                  + " errors with id null, so which answers which of "
                  + unanswered
                  + " cannot be told: "
                  + errors(nullIdErrors)));
    } else {
      pending.failAll(
          own,
          problem != null
              ? problem
              : new InvalidResponseException("the reply has no response for " + unanswered));
    }
  }

  /**
   * A reply, or part of one, that answers no call it could be given to: fails the calls of the
   * message it came for, or on a connection every waiting call, and drops the connection.
   */
  private void unmatched(
      JsonRpcClientException problem, @Nullable Map<Id, CompletableFuture<Response>> own) {
    if (own != null) {
      pending.failAll(own, problem);
      return;
    }
    // The calls are taken first and failed last: the connection is dropped in between, so that a
    // caller woken by its failure who calls again gets a new connection, and so that the drop
    // itself cannot fail them with a vaguer reason.
    List<CompletableFuture<Response>> waiting = pending.takeAll();
    LOG.warn(
        "{}: the peer broke the protocol, closing the connection and failing {} waiting calls: {}",
        endpoint,
        waiting.size(),
        problem.getMessage());
    onViolation.accept(problem);
    waiting.forEach(call -> call.completeExceptionally(problem));
  }

  private static String errors(List<Response> responses) {
    List<String> texts = new ArrayList<>();
    responses.forEach(r -> texts.add(errorOf(r).code() + " " + errorOf(r).message()));
    return String.join(", ", texts);
  }

  /** The error of a response known to be one. */
  private static ErrorObject errorOf(Response response) {
    return Objects.requireNonNull(response.error(), "an error response has its error");
  }
}
