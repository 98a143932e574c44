package io.jsonrpc2.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A read-only view of a servlet request's headers as the {@code Map<String, List<String>>} the
 * rules and the transport context take; the container matches names without regard to case.
 * Lookups go to the request; the entries are listed once, only when someone walks the map.
 */
final class RequestHeaders extends AbstractMap<String, List<String>> {
  private final HttpServletRequest request;
  private Set<Map.Entry<String, List<String>>> entries;

  RequestHeaders(HttpServletRequest request) {
    this.request = request;
  }

  @Override
  public List<String> get(Object name) {
    return name instanceof String key ? valuesOf(key) : null;
  }

  @Override
  public boolean containsKey(Object name) {
    return name instanceof String key && request.getHeader(key) != null;
  }

  private List<String> valuesOf(String name) {
    Enumeration<String> values = request.getHeaders(name);
    if (values == null || !values.hasMoreElements()) {
      return null;
    }
    String first = values.nextElement();
    if (!values.hasMoreElements()) {
      return List.of(first);
    }
    List<String> all = new ArrayList<>();
    all.add(first);
    while (values.hasMoreElements()) {
      all.add(values.nextElement());
    }
    return List.copyOf(all);
  }

  @Override
  public Set<Map.Entry<String, List<String>>> entrySet() {
    if (entries == null) {
      List<Map.Entry<String, List<String>>> list = new ArrayList<>();
      Enumeration<String> names = request.getHeaderNames();
      while (names != null && names.hasMoreElements()) {
        String name = names.nextElement();
        List<String> values = valuesOf(name);
        if (values != null) {
          list.add(Map.entry(name, values));
        }
      }
      // The container lists each name once: a plain list serves as the set, with no hashing.
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
