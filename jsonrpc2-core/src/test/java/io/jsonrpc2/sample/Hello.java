package io.jsonrpc2.sample;

/**
 * A plain class served without annotations, like the Python jsonrpc2 library's {@code runjsonrpc2
 * hello}.
 */
public class Hello {
  private int greeted;

  public static String greeting(String name) {
    return "Hello, " + name + "!";
  }

  public synchronized int count() {
    return ++greeted;
  }

  String packagePrivate() {
    return "hidden";
  }

  @Override
  public String toString() {
    return "Hello";
  }
}
