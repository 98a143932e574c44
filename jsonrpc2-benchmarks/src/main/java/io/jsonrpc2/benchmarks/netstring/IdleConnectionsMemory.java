package io.jsonrpc2.benchmarks.netstring;

import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.netty.netstring.NetstringServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Heap used per idle connection on the netstring server: serves in this JVM, has a child JVM open N
 * plain TCP connections that send nothing, and compares the heap after a full GC before and after.
 *
 * <p>Usage: {@code IdleConnectionsMemory [connections]} (default 10,000). The child is the same
 * class with {@code --clients PORT N}; it holds its connections until its stdin closes.
 */
public final class IdleConnectionsMemory {
  private IdleConnectionsMemory() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("--clients")) {
      holdConnections(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      return;
    }
    int connections = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    JsonRpcService service = JsonRpcService.builder().handler(new LoadServer.Echo()).build();
    try (NetstringServer server =
        NetstringServer.builder(service).host("127.0.0.1").workerThreads(1).start()) {
      long before = usedHeapAfterGc();
      Process clients =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx256m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  IdleConnectionsMemory.class.getName(),
                  "--clients",
                  String.valueOf(server.port()),
                  String.valueOf(connections))
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      try {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(clients.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("OPEN")) {
          throw new IllegalStateException("the client process failed: " + line);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (server.connectionCount() < connections && System.nanoTime() < deadline) {
          TimeUnit.MILLISECONDS.sleep(50);
        }
        int open = server.connectionCount();
        long after = usedHeapAfterGc();
        System.out.printf(
            Locale.ROOT,
            "%,d idle connections: heap %,d -> %,d bytes after full GC, %,.0f bytes per connection%n",
            open,
            before,
            after,
            (after - before) / (double) open);
      } finally {
        clients.getOutputStream().close();
        clients.waitFor(30, TimeUnit.SECONDS);
        clients.destroy();
      }
    }
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      TimeUnit.MILLISECONDS.sleep(100);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static void holdConnections(int port, int count) throws Exception {
    List<SocketChannel> open = new ArrayList<>(count);
    try {
      for (int i = 0; i < count; i++) {
        open.add(SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
      }
      System.out.println("OPEN " + open.size());
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold until the parent closes our stdin
      }
    } finally {
      for (SocketChannel channel : open) {
        channel.close();
      }
    }
  }
}
