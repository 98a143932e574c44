package io.jsonrpc2.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The mapper of the clients and connections that were given none. One for all of them: a mapper
 * with its factory, symbol tables and caches is about 10 KB, which a server that opens a connection
 * per peer would otherwise pay for every idle connection.
 */
public final class DefaultMapper {
  private static final ObjectMapper SHARED = JsonMapper.builder().build();

  private DefaultMapper() {}

  /** The shared default mapper; callers must not configure it. */
  public static ObjectMapper shared() {
    return SHARED;
  }
}
