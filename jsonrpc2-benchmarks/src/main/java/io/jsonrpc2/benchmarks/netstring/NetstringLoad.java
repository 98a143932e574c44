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
 */
public final class NetstringLoad {
  private NetstringLoad() {}

  public static void main(String[] args) throws Exception {
    String host = "127.0.0.1";
    int port = -1;
    long serverPid = -1;
    int warmup = 15;
    int measure = 10;
    String label = "netstring";
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
      throw new IllegalArgumentException("usage: NetstringLoad --port P [--server-pid PID] CxK...");
    }
    NettyTransport transport = NettyTransport.best();
    EventLoopGroup group =
        transport.newEventLoopGroup(
            1, new io.netty.util.concurrent.DefaultThreadFactory("netstring-load"));
    try {
      boolean first = true;
      for (int[] row : rows) {
        System.out.println(
            run(
                group,
                transport,
                host,
                port,
                row[0],
                row[1],
                first ? warmup : 3,
                measure,
                serverPid,
                label));
        first = false;
      }
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  private static String run(
      EventLoopGroup group,
      NettyTransport transport,
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
                    ch.pipeline()
                        .addLast(
                            new NetstringDecoder(1 << 20), new LoadConnection(inFlight, stats));
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
    return String.format(
        Locale.ROOT,
        "| %s | %d x %d | %,.0f | %d | %d | %.2f | %d |",
        label,
        connections,
        inFlight,
        result.count() / seconds,
        result.p50Micros(),
        result.p99Micros(),
        cpuMicrosPerRequest,
        result.errors());
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
