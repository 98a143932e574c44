package io.jsonrpc2.netty.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

/**
 * A request's headers as the {@code Map<String, List<String>>} the rules and the transport
 * context take, names matched without regard to case.
 *
 * <p>Netty's headers are walked once, into parallel arrays of names and values; lookups then scan
 * those few names (a request has a handful), or an index once there are many, so an attacker's
 * thousand header lines cost no more than a map would. Not thread-safe; read-only.
 */
final class HeaderMap extends AbstractMap<String, List<String>> {
  private static final int SCAN_LIMIT = 16;

  private String[] names = new String[8];
  private List<String>[] values = newValues(8);
  private int size;
  private Map<String, Integer> index; // only past SCAN_LIMIT names

  HeaderMap(HttpHeaders headers) {
    for (Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence(); it.hasNext(); ) {
      Map.Entry<CharSequence, CharSequence> header = it.next();
      add(header.getKey().toString(), header.getValue().toString());
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String>[] newValues(int length) {
    return new List[length];
  }

  private void add(String name, String value) {
    int at = indexOf(name);
    if (at >= 0) {
      List<String> more = new ArrayList<>(values[at]);
      more.add(value);
      values[at] = List.copyOf(more);
      return;
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
  String first(String name) {
    int at = indexOf(name);
    return at < 0 ? null : values[at].get(0);
  }

  @Override
  public List<String> get(Object name) {
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
