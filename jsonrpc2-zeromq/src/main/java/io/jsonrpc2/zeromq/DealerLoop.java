package io.jsonrpc2.zeromq;

import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.TransportException;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;

/**
 * A DEALER socket: any number of messages in flight, replies in any order.
 *
 * <p>Messages are written in the order they were sent; when the socket's queue is full they wait
 * here until it has room (the loop then also polls for POLLOUT). Each send completes once the
 * socket took the message; replies go to the client's receiver from this thread, and an empty reply
 * (what a REP or REQ-minded server answers to a notification) is skipped. When the connection drops
 * the receiver hears of it, so the calls waiting on it fail at once.
 */
final class DealerLoop extends ClientLoop {
  private static final int READS_PER_WAKE_UP = 256;

  private final ArrayDeque<Outgoing> backlog = new ArrayDeque<>();

  DealerLoop(ZmqClientTransport.Settings settings, ClientTransport.Receiver receiver) {
    super(settings, receiver);
  }

  @Override
  void serve() {
    Mailbox<Outgoing> box = mailbox();
    SocketPoller watching = poller();
    while (true) {
      // Work while there is work; poll only when there is none.
      boolean moved;
      do {
        moved = box.take(backlog::add) > 0;
        moved |= flush() > 0;
        moved |= receiveSome() > 0;
      } while (moved);
      // After the messages: a reply that came before the drop counts (see ClientSocket).
      if (watching.readable(MONITOR) && socket().disconnected()) {
        receiver.onConnectionLost(connectionLost());
      }
      if (closing && (backlog.isEmpty() || millisToCloseDeadline() == 0)) {
        return; // what was handed over is written, or the close timeout is spent
      }
      if (!box.settle()) {
        continue;
      }
      // POLLOUT only while messages wait for room in the socket's queue.
      watching.interest(
          SOCKET, backlog.isEmpty() ? ZMQ.Poller.POLLIN : ZMQ.Poller.POLLIN | ZMQ.Poller.POLLOUT);
      watching.poll(closing ? Math.max(1, millisToCloseDeadline()) : -1);
    }
  }

  /** Writes what the socket takes, in order; returns how many messages it wrote. */
  private int flush() {
    int written = 0;
    Outgoing next;
    while ((next = backlog.peek()) != null) {
      if (next.reply().isDone()) {
        backlog.poll(); // nobody waits for it any more
        continue;
      }
      if (!socket().send(next.message().payload())) {
        break; // the queue is full: wait for POLLOUT
      }
      backlog.poll();
      written++;
      next.reply().complete(null);
    }
    return written;
  }

  /** Hands what arrived to the receiver, up to a batch; returns how many messages it read. */
  private int receiveSome() {
    int read = 0;
    while (read < READS_PER_WAKE_UP) {
      byte @Nullable [] body = socket().receive();
      if (body == null) {
        break;
      }
      read++;
      if (body.length == 0 || closing) {
        continue; // an empty answer to a notification, or a reply nobody waits for any more
      }
      try {
        receiver.onMessage(body);
      } catch (RuntimeException e) {
        LOG.warn("A reply from {} could not be delivered", settings.endpoint(), e);
      }
    }
    return read;
  }

  @Override
  void failPending(TransportException reason) {
    Outgoing left;
    while ((left = backlog.poll()) != null) {
      left.reply().completeExceptionally(reason);
    }
  }
}
