package io.jsonrpc2.netty.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A read-only view of a request's Netty headers as the {@code Map<String, List<String>>} the
 * rules and the transport context take, matched without regard to case like the headers
 * themselves. Lookups go straight to Netty's hashed headers; the entries are listed only when
 * someone walks the whole map, once.
 */
final class HeaderMap extends AbstractMap<String, List<String>> {
  private final HttpHeaders headers;
  private Set<Map.Entry<String, List<String>>> entries;

  HeaderMap(HttpHeaders headers) {
    this.headers = headers;
  }

  @Override
  public List<String> get(Object name) {
    if (!(name instanceof String key)) {
      return null;
    }
    List<String> values = headers.getAll(key);
    return values.isEmpty() ? null : Collections.unmodifiableList(values);
  }

  @Override
  public boolean containsKey(Object name) {
    return name instanceof String key && headers.contains(key);
  }

  @Override
  public boolean isEmpty() {
    return headers.isEmpty();
  }

  @Override
  public Set<Map.Entry<String, List<String>>> entrySet() {
    if (entries == null) {
      Set<String> names = headers.names();
      List<Map.Entry<String, List<String>>> list = new ArrayList<>(names.size());
      for (String name : names) {
        list.add(Map.entry(name, List.copyOf(headers.getAll(name))));
      }
      // Netty already made the names unique: a plain list serves as the set, with no hashing.
      entries =
          new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, List<String>>> iterator() {
              return Collections.unmodifiableList(list).iterator();
            }

            @Override
            public int size() {
              return list.size();
            }
          };
    }
    return entries;
  }
}
