package io.jsonrpc2.benchmarks.netstring;

import io.jsonrpc2.netty.NettyTransport;
import io.jsonrpc2.netty.netstring.NetstringDecoder;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Load generator for a netstring JSON-RPC server: C connections, each keeping K echo calls in
 * flight, for a bounded time; prints req/s, p50/p99 latency and the server's CPU time per request.
 *
 * <p>Usage: {@code NetstringLoad --port P [--host H] [--server-pid PID] [--warmup S] [--measure S]
 * [--label L] CxK...}, for example {@code --port 7090 --server-pid 1234 4x32 32x1}. The first row
 * is preceded by the warm-up (default 15 s), later rows by 3 s with their own connections. All
 * connections share one I/O thread, so pin this JVM to its own core. Stops by itself.
 *
 * <p>{@link #runRows} and {@link #run} drive other transports too, given their {@link Framing}.
 */
public final class NetstringLoad {
  private NetstringLoad() {}

  /** Sets up one load connection's channel for a transport. */
  @FunctionalInterface
  public interface Framing {
    /**
     * Adds to {@code channel}'s pipeline what its transport needs, ending with a {@link
     * LoadConnection} keeping {@code inFlight} requests outstanding and counting into {@code
     * stats}.
     */
    void init(Channel channel, String host, int port, int inFlight, LoadStats stats);
  }

  /** One measured row: the rate of replies, their latency, the server's CPU time per reply. */
  public record Row(
      String label,
      int connections,
      int inFlight,
      double perSecond,
      LoadStats.Snapshot replies,
      double serverCpuMicrosPerRequest) {

    /** The row as a line of the Markdown table the load scripts print. */
    public String tableRow() {
      return String.format(
          Locale.ROOT,
          "| %s | %d x %d | %,.0f | %d | %d | %.2f | %d |",
          label,
          connections,
          inFlight,
          perSecond,
          replies.p50Micros(),
          replies.p99Micros(),
          serverCpuMicrosPerRequest,
          replies.errors());
    }
  }

  public static void main(String[] args) throws Exception {
    runRows(
        args,
        "netstring",
        (channel, host, port, inFlight, stats) ->
            channel
                .pipeline()
                .addLast(new NetstringDecoder(1 << 20), new LoadConnection(inFlight, stats)));
  }

  /**
   * Parses the command line described above and prints one table row per {@code CxK}, each over its
   * own connections set up by {@code framing}.
   */
  public static void runRows(String[] args, String defaultLabel, Framing framing) throws Exception {
    String host = "127.0.0.1";
    int port = -1;
    long serverPid = -1;
    int warmup = 15;
    int measure = 10;
    String label = defaultLabel;
    List<int[]> rows = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--host" -> host = args[++i];
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--server-pid" -> serverPid = Long.parseLong(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--measure" -> measure = Integer.parseInt(args[++i]);
        case "--label" -> label = args[++i];
        default -> {
          String[] parts = args[i].split("x", -1);
          rows.add(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
        }
      }
    }
    if (port < 0 || rows.isEmpty()) {
      throw new IllegalArgumentException("usage: --port P [--server-pid PID] CxK...");
    }
    NettyTransport transport = NettyTransport.best();
    EventLoopGroup group =
        transport.newEventLoopGroup(
            1, new io.netty.util.concurrent.DefaultThreadFactory(defaultLabel + "-load"));
    try {
      boolean first = true;
      for (int[] row : rows) {
        System.out.println(
            run(
                    group,
                    transport,
                    framing,
                    host,
                    port,
                    row[0],
                    row[1],
                    first ? warmup : 3,
                    measure,
                    serverPid,
                    label)
                .tableRow());
        first = false;
      }
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  /**
   * Opens {@code connections} connections on {@code group} (one event loop), lets them run for the
   * warm-up, measures them for {@code measureSeconds}, then closes them. {@code serverPid} is the
   * server's process for its CPU time, or -1 when not known.
   */
  public static Row run(
      EventLoopGroup group,
      NettyTransport transport,
      Framing framing,
      String host,
      int port,
      int connections,
      int inFlight,
      int warmupSeconds,
      int measureSeconds,
      long serverPid,
      String label)
      throws Exception {
    LoadStats stats = new LoadStats();
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(transport.channelType())
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    framing.init(ch, host, port, inFlight, stats);
                  }
                });
    List<Channel> channels = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      channels.add(bootstrap.connect(host, port).sync().channel());
    }
    EventLoop loop = group.next();
    TimeUnit.SECONDS.sleep(warmupSeconds);
    loop.submit(stats::reset).sync();
    long cpuBefore = cpuTicks(serverPid);
    long start = System.nanoTime();
    TimeUnit.SECONDS.sleep(measureSeconds);
    LoadStats.Snapshot result = loop.submit(stats::snapshot).get();
    long elapsed = System.nanoTime() - start;
    long cpuAfter = cpuTicks(serverPid);
    loop.submit(() -> stats.running = false).sync();
    for (Channel channel : channels) {
      channel.close().sync();
    }
    double seconds = elapsed / 1e9;
    double cpuMicrosPerRequest =
        serverPid < 0 || result.count() == 0
            ? Double.NaN
            : (cpuAfter - cpuBefore) * 1e6 / CLOCK_TICKS / result.count();
    return new Row(
        label, connections, inFlight, result.count() / seconds, result, cpuMicrosPerRequest);
  }

  private static final double CLOCK_TICKS = 100.0; // USER_HZ on Linux

  /** utime + stime of a process in clock ticks, from /proc; -1 when unknown. */
  private static long cpuTicks(long pid) throws IOException {
    if (pid < 0) {
      return -1;
    }
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
    // fields[0] is the state (field 3 of stat); utime and stime are fields 14 and 15
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
