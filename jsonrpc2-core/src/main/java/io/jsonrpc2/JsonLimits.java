package io.jsonrpc2;

/**
 * Hard limits on incoming JSON, so that hostile input becomes a JSON-RPC error instead of a {@code
 * StackOverflowError}, an {@code OutOfMemoryError} or a hung thread.
 *
 * <p>A message that exceeds a limit is answered with a single -32600 Invalid Request error whose
 * message names the limit. The size of a whole message is the transport's limit (frame or body
 * size), not this one's.
 *
 * @param maxNestingDepth the deepest nesting of arrays and objects, counting the message itself
 * @param maxBatchLength the most elements a batch may have
 * @param maxStringLength the longest string (in chars) anywhere in a message
 */
public record JsonLimits(int maxNestingDepth, int maxBatchLength, int maxStringLength) {
  /** 128 levels, 1,000 elements, 16 Mi chars. */
  public static final JsonLimits DEFAULTS = new JsonLimits(128, 1_000, 16 * 1024 * 1024);

  public JsonLimits {
    if (maxNestingDepth < 2 || maxBatchLength < 1 || maxStringLength < 1) {
      throw new IllegalArgumentException(
          "limits must allow a request: nesting >= 2, batch >= 1, string >= 1");
    }
  }

  public JsonLimits withMaxNestingDepth(int depth) {
    return new JsonLimits(depth, maxBatchLength, maxStringLength);
  }

  public JsonLimits withMaxBatchLength(int length) {
    return new JsonLimits(maxNestingDepth, length, maxStringLength);
  }

  public JsonLimits withMaxStringLength(int length) {
    return new JsonLimits(maxNestingDepth, maxBatchLength, length);
  }
}
