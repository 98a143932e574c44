package io.jsonrpc2.netty;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;
import org.jspecify.annotations.Nullable;

/**
 * The socket I/O the Netty servers and clients of this project run on: Linux's io_uring or epoll
 * when Netty's native library for it is on the class path and works on this machine, Java NIO
 * otherwise.
 *
 * <p>{@link #best()} picks io_uring, then epoll, then NIO. Add {@code
 * io.netty:netty-transport-native-epoll} with classifier {@code linux-x86_64} (or {@code
 * linux-aarch_64}), or {@code netty-transport-native-io_uring}, to your build to use a native one;
 * nothing else changes. The system property {@value #PROPERTY} ({@code nio}, {@code epoll} or
 * {@code io_uring}) forces a choice; naming one that is not available fails at the first server or
 * client with the reason. Servers log the transport they chose at start.
 */
public enum NettyTransport {
  /** Linux io_uring, from {@code netty-transport-native-io_uring}. */
  IO_URING("io_uring", "io.netty.channel.uring.IoUring"),
  /** Linux epoll, from {@code netty-transport-native-epoll}. */
  EPOLL("epoll", "io.netty.channel.epoll.Epoll"),
  /** Java NIO: always available. */
  NIO("nio", null);

  /** The system property that forces a transport by its {@link #label()}. */
  public static final String PROPERTY = "io.jsonrpc2.netty.transport";

  private final String label;
  private final @Nullable String probeClass;

  NettyTransport(String label, @Nullable String probeClass) {
    this.label = label;
    this.probeClass = probeClass;
  }

  /**
   * The transport to use: the one {@value #PROPERTY} names, or else the first available of
   * io_uring, epoll and NIO.
   *
   * @throws IllegalStateException when the property names an unknown or unavailable transport
   */
  public static NettyTransport best() {
    String forced = System.getProperty(PROPERTY);
    if (forced != null && !forced.isBlank()) {
      NettyTransport transport = byLabel(forced.trim());
      Throwable reason = transport.unavailabilityCause();
      if (reason != null) {
        throw new IllegalStateException(
            PROPERTY + "=" + forced + " but " + transport.label + " is not available: " + reason,
            reason);
      }
      return transport;
    }
    for (NettyTransport transport : values()) {
      if (transport.isAvailable()) {
        return transport;
      }
    }
    return NIO;
  }

  private static NettyTransport byLabel(String label) {
    for (NettyTransport transport : values()) {
      if (transport.label.equals(label.toLowerCase(Locale.ROOT))) {
        return transport;
      }
    }
    throw new IllegalStateException(
        PROPERTY + "=" + label + " names no transport: use nio, epoll or io_uring");
  }

  /**
   * The name used in logs and in {@value #PROPERTY}: {@code nio}, {@code epoll}, {@code io_uring}.
   */
  public String label() {
    return label;
  }

  /** Whether this transport's classes and native library are present and work here. */
  public boolean isAvailable() {
    return unavailabilityCause() == null;
  }

  /** Why this transport cannot be used here, or null when it can. */
  private @Nullable Throwable unavailabilityCause() {
    if (probeClass == null) {
      return null;
    }
    try {
      Class.forName(probeClass, false, NettyTransport.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return new ClassNotFoundException(probeClass + " is not on the class path");
    }
    return this == EPOLL ? Native.epollCause() : Native.ioUringCause();
  }

  /**
   * A new event loop group of {@code threads} threads (0 for Netty's default) on this transport.
   */
  public EventLoopGroup newEventLoopGroup(int threads, ThreadFactory threadFactory) {
    return new MultiThreadIoEventLoopGroup(threads, threadFactory, ioHandlerFactory());
  }

  /** The server socket channel type that goes with {@link #newEventLoopGroup} groups. */
  public Class<? extends ServerChannel> serverChannelType() {
    return switch (this) {
      case IO_URING -> Native.ioUringServerChannel();
      case EPOLL -> Native.epollServerChannel();
      case NIO -> NioServerSocketChannel.class;
    };
  }

  /** The client socket channel type that goes with {@link #newEventLoopGroup} groups. */
  public Class<? extends Channel> channelType() {
    return switch (this) {
      case IO_URING -> Native.ioUringChannel();
      case EPOLL -> Native.epollChannel();
      case NIO -> NioSocketChannel.class;
    };
  }

  private IoHandlerFactory ioHandlerFactory() {
    return switch (this) {
      case IO_URING -> Native.ioUringHandlerFactory();
      case EPOLL -> Native.epollHandlerFactory();
      case NIO -> NioIoHandler.newFactory();
    };
  }

  /**
   * The native classes, touched only after their presence was checked, so that a class path without
   * them never loads this class.
   */
  private static final class Native {
    private Native() {}

    static @Nullable Throwable epollCause() {
      return io.netty.channel.epoll.Epoll.isAvailable()
          ? null
          : io.netty.channel.epoll.Epoll.unavailabilityCause();
    }

    static @Nullable Throwable ioUringCause() {
      return io.netty.channel.uring.IoUring.isAvailable()
          ? null
          : io.netty.channel.uring.IoUring.unavailabilityCause();
    }

    static IoHandlerFactory epollHandlerFactory() {
      return io.netty.channel.epoll.EpollIoHandler.newFactory();
    }

    static IoHandlerFactory ioUringHandlerFactory() {
      return io.netty.channel.uring.IoUringIoHandler.newFactory();
    }

    static Class<? extends ServerChannel> epollServerChannel() {
      return io.netty.channel.epoll.EpollServerSocketChannel.class;
    }

    static Class<? extends ServerChannel> ioUringServerChannel() {
      return io.netty.channel.uring.IoUringServerSocketChannel.class;
    }

    static Class<? extends Channel> epollChannel() {
      return io.netty.channel.epoll.EpollSocketChannel.class;
    }

    static Class<? extends Channel> ioUringChannel() {
      return io.netty.channel.uring.IoUringSocketChannel.class;
    }
  }
}
