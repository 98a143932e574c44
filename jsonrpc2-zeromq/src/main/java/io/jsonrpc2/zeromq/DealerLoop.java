package io.jsonrpc2.zeromq;

import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.TransportException;
import java.util.ArrayDeque;
import org.zeromq.ZMQ;

/**
 * A DEALER socket: any number of messages in flight, replies in any order.
 *
 * <p>Messages are written in the order they were sent; when the socket's queue is full they wait
 * here until it has room (the loop then also polls for POLLOUT). Each send completes once the
 * socket took the message; replies go to the client's receiver from this thread, and an empty
 * reply (what a REP or REQ-minded server answers to a notification) is skipped. When the
 * connection drops the receiver hears of it, so the calls waiting on it fail at once.
 */
final class DealerLoop extends ClientLoop {
  private static final int READS_PER_WAKE_UP = 256;

  private final ArrayDeque<Outgoing> backlog = new ArrayDeque<>();

  DealerLoop(ZmqClientTransport.Settings settings, ClientTransport.Receiver receiver) {
    super(settings, receiver);
  }

  @Override
  void serve() {
    ZMQ.Poller readOnly = poller(ZMQ.Poller.POLLIN);
    ZMQ.Poller readWrite = poller(ZMQ.Poller.POLLIN | ZMQ.Poller.POLLOUT);
    try {
      while (true) {
        if (closing) {
          // What was handed over is still written, within the close timeout.
          mailbox.drain(backlog::add);
          flush();
          if (backlog.isEmpty() || millisToCloseDeadline() == 0) {
            return;
          }
        }
        ZMQ.Poller poller = backlog.isEmpty() ? readOnly : readWrite;
        poller.poll(closing ? Math.max(1, millisToCloseDeadline()) : -1);
        if (poller.pollin(0)) {
          mailbox.drain(backlog::add);
        }
        flush();
        if (poller.pollin(1)) {
          receiveSome();
        }
        if (poller.pollin(2) && socket.disconnected()) {
          receiver.onConnectionLost(connectionLost());
        }
      }
    } finally {
      readOnly.close();
      readWrite.close();
    }
  }

  private void flush() {
    Outgoing next;
    while ((next = backlog.peek()) != null) {
      if (next.reply().isDone()) {
        backlog.poll(); // nobody waits for it any more
        continue;
      }
      if (!socket.send(next.message().payload())) {
        return; // the queue is full: wait for POLLOUT
      }
      backlog.poll();
      next.reply().complete(null);
    }
  }

  private void receiveSome() {
    for (int i = 0; i < READS_PER_WAKE_UP; i++) {
      byte[] body = socket.receive();
      if (body == null) {
        return;
      }
      if (body.length == 0 || closing) {
        continue; // an empty answer to a notification, or a reply nobody waits for any more
      }
      try {
        receiver.onMessage(body);
      } catch (RuntimeException e) {
        LOG.warn("A reply from {} could not be delivered", settings.endpoint(), e);
      }
    }
  }

  @Override
  void failPending(TransportException reason) {
    Outgoing left;
    while ((left = backlog.poll()) != null) {
      left.reply().completeExceptionally(reason);
    }
  }
}
