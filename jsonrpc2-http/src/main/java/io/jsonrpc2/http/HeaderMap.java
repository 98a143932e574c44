package io.jsonrpc2.http;

import io.jsonrpc2.server.SealedHeaders;
import io.jsonrpc2.server.TransportContext;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Request headers as the {@code Map<String, List<String>>} that {@link HttpRules}, {@link
 * HttpAuthenticator}s and {@link TransportContext} take: names matched without regard to case, the
 * values of a repeated name gathered in order, each list immutable.
 *
 * <p>Made for a server's hot path: a server adds each header line once, as it reads them; lookups
 * then scan the few names a request has, or an index once there are many, so a thousand header
 * lines cost no more than a tree map would. The map itself is read-only ({@code put} and {@code
 * remove} throw). Not thread-safe while being filled; safe to read from any thread once handed
 * over. Once {@link #seal sealed} nothing can be added, and a {@link TransportContext} keeps it as
 * it is instead of copying it.
 */
public final class HeaderMap extends AbstractMap<String, List<String>> implements SealedHeaders {
  private static final int SCAN_LIMIT = 16;

  private String[] names = new String[8];
  private List<String>[] values = newValues(8);
  private int size;
  private @Nullable Map<String, Integer> index; // only past SCAN_LIMIT names
  private boolean sealed;

  /** An empty map, to fill with {@link #add}. */
  public HeaderMap() {}

  @SuppressWarnings("unchecked")
  private static List<String>[] newValues(int length) {
    return (List<String>[]) new List<?>[length];
  }

  /** Adds one header line; a name seen before (in any case) gets one more value. */
  public HeaderMap add(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (sealed) {
      throw new IllegalStateException("the header map is sealed");
    }
    int at = indexOf(name);
    if (at >= 0) {
      List<String> more = new ArrayList<>(values[at]);
      more.add(value);
      values[at] = List.copyOf(more);
      return this;
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    names[size] = name;
    values[size] = List.of(value);
    if (index != null) {
      index.put(name, size);
    } else if (size + 1 > SCAN_LIMIT) {
      index = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (int i = 0; i <= size; i++) {
        index.put(names[i], i);
      }
    }
    size++;
    return this;
  }

  /** Ends filling: {@link #add} throws from now on. Returns this map. */
  public HeaderMap seal() {
    sealed = true;
    return this;
  }

  /** True once {@link #seal} was called. */
  @Override
  public boolean isSealed() {
    return sealed;
  }

  private int indexOf(String name) {
    if (index != null) {
      Integer at = index.get(name);
      return at == null ? -1 : at;
    }
    for (int i = 0; i < size; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The first value of a header, or null. */
  public @Nullable String first(String name) {
    int at = indexOf(name);
    return at < 0 ? null : values[at].get(0);
  }

  @Override
  public @Nullable List<String> get(Object name) {
    if (!(name instanceof String key)) {
      return null;
    }
    int at = indexOf(key);
    return at < 0 ? null : values[at];
  }

  @Override
  public boolean containsKey(Object name) {
    return name instanceof String key && indexOf(key) >= 0;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Set<Map.Entry<String, List<String>>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, List<String>>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Map.Entry<String, List<String>> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int at = next++;
            return Map.entry(names[at], values[at]);
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
