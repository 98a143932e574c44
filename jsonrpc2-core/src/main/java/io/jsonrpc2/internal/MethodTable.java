package io.jsonrpc2.internal;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** The thread-safe table of registered methods; a name is taken once. */
public final class MethodTable {
  private final Map<String, Target> targets = new ConcurrentHashMap<>();

  public @Nullable Target get(String name) {
    return targets.get(name);
  }

  /**
   * Adds all {@code entries} or, if any name is taken or reserved, none of them.
   *
   * @throws IllegalArgumentException naming the first name that is taken or reserved
   */
  public synchronized void addAll(Map<String, Target> entries) {
    for (String name : entries.keySet()) {
      if (name.startsWith("rpc.")) {
        throw new IllegalArgumentException(
            "'"
                + name
                + "': names beginning with 'rpc.' are reserved for the library's extensions");
      }
      if (name.isEmpty()) {
        throw new IllegalArgumentException("a method name must not be empty");
      }
      if (targets.containsKey(name)) {
        throw new IllegalArgumentException("a method named '" + name + "' is already registered");
      }
    }
    targets.putAll(entries);
  }

  /**
   * Adds one of the library's own extensions under its reserved {@code rpc.} name, or under the
   * name a user chose for it (such as LSP's {@code $/cancelRequest}).
   *
   * @throws IllegalArgumentException when the name is taken
   */
  public synchronized void addExtension(String name, Target target) {
    if (targets.putIfAbsent(name, target) != null) {
      throw new IllegalArgumentException("a method named '" + name + "' is already registered");
    }
  }

  public boolean remove(String name) {
    return targets.remove(name) != null;
  }

  public Set<String> names() {
    return Collections.unmodifiableSet(new TreeSet<>(targets.keySet()));
  }
}
