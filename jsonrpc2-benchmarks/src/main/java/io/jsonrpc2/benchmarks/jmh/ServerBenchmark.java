package io.jsonrpc2.benchmarks.jmh;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One thread, request bytes in, reply bytes out: the Jackson floor, this library and its peers on
 * the same four {@link Workload}s. Run it through {@code jsonrpc2-benchmarks/run-jmh.sh}.
 *
 * <p>Before any measurement every implementation's reply to the workload is checked, so a row that
 * measures a wrong answer fails instead of being recorded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ServerBenchmark {
  @Param({"ECHO", "SUBTRACT", "BATCH_100", "STRING_100K"})
  public Workload workload;

  private byte[] request;
  private JacksonFloor floor;
  private Jsonrpc2Server jsonrpc2;
  private Jsonrpc2ConnectionServer jsonrpc2Connection;
  private Jsonrpc2Server jsonrpc2Plain;
  private Jsonrpc2Server jsonrpc2PlainHandedOff;
  private Jsonrpc4jServer jsonrpc4j;
  private SimpleJsonRpcServer simpleJsonRpc;
  private Connect2idServer connect2id;

  @Setup
  public void setUp() throws Exception {
    request = workload.request();
    floor = new JacksonFloor();
    jsonrpc2 = Jsonrpc2Server.nonBlocking();
    jsonrpc2Connection = new Jsonrpc2ConnectionServer();
    jsonrpc2Plain = Jsonrpc2Server.plain();
    jsonrpc2PlainHandedOff = Jsonrpc2Server.plainHandedOff();
    jsonrpc4j = new Jsonrpc4jServer();
    simpleJsonRpc = new SimpleJsonRpcServer();
    connect2id = new Connect2idServer();
    checkReplies(workload, servers());
  }

  /** Every implementation, by the name of its benchmark method. */
  Map<String, RpcServer> servers() {
    Map<String, RpcServer> servers = new LinkedHashMap<>();
    servers.put("floor", floor);
    servers.put("jsonrpc2", jsonrpc2);
    servers.put("jsonrpc2Connection", jsonrpc2Connection);
    servers.put("jsonrpc2Plain", jsonrpc2Plain);
    servers.put("jsonrpc2PlainHandedOff", jsonrpc2PlainHandedOff);
    servers.put("jsonrpc4j", jsonrpc4j);
    servers.put("simpleJsonRpc", simpleJsonRpc);
    servers.put("connect2id", connect2id);
    return servers;
  }

  /**
   * Checks that each server answers {@code workload} correctly.
   *
   * @throws IllegalStateException naming the first server that does not
   */
  static void checkReplies(Workload workload, Map<String, RpcServer> servers) throws Exception {
    for (Map.Entry<String, RpcServer> server : servers.entrySet()) {
      workload.check(server.getKey(), server.getValue().handle(workload.request()));
    }
  }

  @Benchmark
  public byte[] floor() throws Exception {
    return floor.handle(request);
  }

  @Benchmark
  public byte[] jsonrpc2() {
    return jsonrpc2.handle(request);
  }

  @Benchmark
  public byte[] jsonrpc2Connection() {
    return jsonrpc2Connection.handle(request);
  }

  @Benchmark
  public byte[] jsonrpc2Plain() {
    return jsonrpc2Plain.handle(request);
  }

  @Benchmark
  public byte[] jsonrpc2PlainHandedOff() {
    return jsonrpc2PlainHandedOff.handle(request);
  }

  @Benchmark
  public byte[] jsonrpc4j() throws Exception {
    return jsonrpc4j.handle(request);
  }

  @Benchmark
  public byte[] simpleJsonRpc() {
    return simpleJsonRpc.handle(request);
  }

  @Benchmark
  public byte[] connect2id() throws Exception {
    return connect2id.handle(request);
  }

  /** Checks every implementation on every workload without measuring anything. */
  public static void main(String[] args) throws Exception {
    for (Workload workload : Workload.values()) {
      ServerBenchmark benchmark = new ServerBenchmark();
      benchmark.workload = workload;
      benchmark.setUp();
      System.out.println(workload + ": every implementation answers correctly");
    }
  }
}
