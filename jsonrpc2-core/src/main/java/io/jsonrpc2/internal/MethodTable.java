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

  public boolean remove(String name) {
    return targets.remove(name) != null;
  }

  public Set<String> names() {
    return Collections.unmodifiableSet(new TreeSet<>(targets.keySet()));
  }
}
