package io.jsonrpc2.stdio;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * A bounded in-process pipe that behaves like an operating system's: reads block until bytes come
 * or the writing end is closed (then -1), writes block while it is full and fail once the reading
 * end is closed, and a read blocked on a pipe whose reading end is closed fails. Unlike {@code
 * PipedInputStream}, any thread may read or write.
 */
final class Pipe {
  private final byte[] ring;
  private int head;
  private int size;
  private boolean writerClosed;
  private boolean readerClosed;

  final InputStream in = new Reader();
  final OutputStream out = new Writer();

  Pipe() {
    this(64 * 1024);
  }

  Pipe(int capacity) {
    ring = new byte[capacity];
  }

  private synchronized int read(byte[] into, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (size == 0 && !writerClosed && !readerClosed) {
      await();
    }
    if (readerClosed) {
      throw new IOException("pipe closed");
    }
    if (size == 0) {
      return -1;
    }
    int n = Math.min(length, size);
    for (int i = 0; i < n; i++) {
      into[offset + i] = ring[(head + i) % ring.length];
    }
    head = (head + n) % ring.length;
    size -= n;
    notifyAll();
    return n;
  }

  private synchronized void write(byte[] from, int offset, int length) throws IOException {
    int done = 0;
    while (done < length) {
      while (size == ring.length && !readerClosed && !writerClosed) {
        await();
      }
      if (readerClosed || writerClosed) {
        throw new IOException("broken pipe");
      }
      int n = Math.min(length - done, ring.length - size);
      for (int i = 0; i < n; i++) {
        ring[(head + size + i) % ring.length] = from[offset + done + i];
      }
      size += n;
      done += n;
      notifyAll();
    }
  }

  private void await() throws InterruptedIOException {
    try {
      wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException();
    }
  }

  private synchronized int available() {
    return size;
  }

  private synchronized void closeReader() {
    readerClosed = true;
    notifyAll();
  }

  private synchronized void closeWriter() {
    writerClosed = true;
    notifyAll();
  }

  private final class Reader extends InputStream {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return Pipe.this.read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
      return Pipe.this.read(into, offset, length);
    }

    @Override
    public int available() {
      return Pipe.this.available();
    }

    @Override
    public void close() {
      closeReader();
    }
  }

  private final class Writer extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      Pipe.this.write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] from, int offset, int length) throws IOException {
      Pipe.this.write(from, offset, length);
    }

    @Override
    public void close() {
      closeWriter();
    }
  }
}
