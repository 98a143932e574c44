package io.jsonrpc2.server;

import java.util.List;
import java.util.Map;

/**
 * A transport's own header map that {@link TransportContext} may keep as it is instead of copying.
 *
 * <p>An implementation promises what the copy would give: names matched without regard to case, the
 * values of a repeated name gathered in order, every value list immutable, and the map itself
 * read-only ({@code put} and {@code remove} throw). While {@link #isSealed} is false it may still
 * grow, so a {@link TransportContext} copies it; once true its content never changes again and the
 * context keeps the very same map. That lets a transport fill one map per request and hand it over
 * without a second copy.
 */
public interface SealedHeaders extends Map<String, List<String>> {

  /** True once the map's content can no longer change. */
  boolean isSealed();
}
