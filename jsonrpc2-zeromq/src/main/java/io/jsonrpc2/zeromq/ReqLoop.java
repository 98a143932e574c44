package io.jsonrpc2.zeromq;

import io.jsonrpc2.client.CallTimeoutException;
import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.TransportException;
import io.jsonrpc2.client.TransportReply;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A REQ socket: one exchange at a time, the others wait their turn in order.
 *
 * <p>A message of notifications only is delivered as soon as it is sent; the socket then waits for
 * the empty message a REP server answers with, or for the reply timeout (a ROUTER server may answer
 * nothing), before the next exchange.
 *
 * <p>An exchange ends when its reply comes, when nobody waits for it any more (the client cancels
 * the future once every call of the message timed out or was cancelled), when the reply timeout
 * passes, or when the connection drops. In every case but the first the REQ socket is stuck waiting
 * for a reply, so it is closed with linger 0 (dropping what it still held) and a fresh one
 * connected: a late reply then goes to the closed socket and can never be taken for the answer to a
 * later message.
 */
final class ReqLoop extends ClientLoop {
  private final ArrayDeque<Outgoing> waiting = new ArrayDeque<>();
  private @Nullable Outgoing current; // the exchange in progress, if any
  private boolean currentExpectsReply;
  private long deadline;

  ReqLoop(ZmqClientTransport.Settings settings, ClientTransport.Receiver receiver) {
    super(settings, receiver);
  }

  @Override
  void serve() {
    Mailbox<Outgoing> box = mailbox();
    SocketPoller watching = poller();
    while (true) {
      box.take(waiting::add);
      if (current == null) {
        sendNext();
      }
      if (current != null && receiveReply()) {
        continue; // the next exchange may go at once
      }
      // After the reply: one that came before the drop counts (see ClientSocket).
      if (watching.readable(MONITOR) && socket().disconnected() && current != null) {
        abandon(connectionLost());
      }
      if (current != null && currentExpectsReply && current.reply().isDone()) {
        abandon(null); // cancelled: every caller gave up
      } else if (current != null && System.nanoTime() - deadline >= 0) {
        if (currentExpectsReply) {
          LOG.warn(
              "No reply from {} within {}; the REQ socket is replaced",
              settings.endpoint(),
              settings.replyTimeout());
          abandon(
              new CallTimeoutException(
                  "no reply from " + settings.endpoint() + " within " + settings.replyTimeout()));
        } else {
          // The notification was delivered; this server sends no empty message for it (a REP
          // server and this library's ROUTER server do, other ROUTER servers may not).
          abandon(null);
        }
      }
      if (closing) {
        // Notifications already handed over still go out, within the close timeout; one already
        // sent is waited for until a REP server's empty reply confirms it (or the timeout).
        waiting.removeIf(left -> left.reply().isDone());
        if ((current == null && waiting.isEmpty()) || millisToCloseDeadline() == 0) {
          return;
        }
      }
      if (current == null && !waiting.isEmpty()) {
        continue; // abandoned just now: send the next one on the fresh socket
      }
      if (!box.settle()) {
        continue;
      }
      watching.poll(pollTimeout());
    }
  }

  /** Until the reply is due (for ever when idle), and no later than the close deadline. */
  private long pollTimeout() {
    long timeout =
        current == null
            ? -1
            : Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    if (closing) {
      timeout = timeout < 0 ? millisToCloseDeadline() : Math.min(timeout, millisToCloseDeadline());
    }
    return timeout < 0 ? -1 : Math.max(1, timeout);
  }

  private void sendNext() {
    Outgoing next;
    while ((next = waiting.poll()) != null) {
      if (next.reply().isDone()) {
        continue; // every caller gave up while it waited its turn
      }
      if (!socket().send(next.message().payload())) {
        next.reply()
            .completeExceptionally(
                new TransportException(
                    "could not send to " + settings.endpoint() + ": the socket refused it"));
        replaceSocket();
        continue;
      }
      current = next;
      currentExpectsReply = next.message().expectsReply();
      deadline = System.nanoTime() + settings.replyTimeout().toNanos();
      if (!currentExpectsReply) {
        // Notifications only: delivered once sent. The socket still waits for the empty message
        // a REP server sends (or the reply timeout) before it can send again.
        next.reply().complete(TransportReply.of(null));
      }
      // A cancellation comes from another thread; wake up to replace the socket at once.
      CompletableFuture<TransportReply> exchange = next.reply();
      exchange.whenComplete(
          (reply, failure) -> {
            if (exchange.isCancelled()) {
              mailbox().wake();
            }
          });
      return;
    }
  }

  /** Takes the current exchange's reply if it is there; true if it was. */
  private boolean receiveReply() {
    byte @Nullable [] body = socket().receive();
    if (body == null) {
      return false;
    }
    // serve() looks for a reply only while an exchange is in progress.
    Outgoing answered = Objects.requireNonNull(current, "a reply is taken with no exchange");
    current = null;
    answered.reply().complete(TransportReply.of(body));
    return true;
  }

  /** Gives up the current exchange: a REQ socket that still waits for a reply cannot send again. */
  private void abandon(@Nullable TransportException reason) {
    // serve() abandons only an exchange in progress.
    Outgoing abandoned = Objects.requireNonNull(current, "no exchange to abandon");
    current = null;
    LOG.debug(
        "Replacing the REQ socket to {}: {}",
        settings.endpoint(),
        reason == null ? "no caller waits for the reply" : reason.getMessage());
    replaceSocket();
    if (reason != null) {
      abandoned.reply().completeExceptionally(reason);
    }
  }

  @Override
  void failPending(TransportException reason) {
    if (current != null) {
      current.reply().completeExceptionally(reason);
      current = null;
    }
    Outgoing left;
    while ((left = waiting.poll()) != null) {
      left.reply().completeExceptionally(reason);
    }
  }
}
