package io.jsonrpc2.internal;

import com.fasterxml.jackson.core.StreamReadConstraints;
import io.jsonrpc2.message.Id;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the plain requests that make up most traffic without a Jackson parser: well-formed calls
 * (or batches of them) whose strings are printable ASCII without escapes, whose numbers are
 * integers of up to 18 digits, and whose params bind to parameters that read such tokens directly
 * (see {@link ParamBinder#readsPlainly()}).
 *
 * <p>It either returns exactly what {@link RequestDecoder}'s Jackson path returns for the same
 * bytes, or null. It returns null at the first thing outside that subset: any escape, non-ASCII
 * byte, fraction or exponent, comment, stray character, unusual whitespace, limit reached, member
 * given twice, missing or invalid member, params before the method, a method it cannot bind, or a
 * value that does not fit its parameter. Then the Jackson path reads the message and decides every
 * error, so only valid input is ever accepted here, read as Jackson reads it.
 *
 * <p>Thread-safe; each call uses its own {@link PlainCursor}.
 */
final class PlainRequestReader {
  private static final int JSONRPC = 1;
  private static final int METHOD = 2;
  private static final int PARAMS = 4;
  private static final int ID = 8;
  private static final int MAX_DEPTH = 32;
  static final int MAX_NAME_LENGTH = 256;
  private static final Id[] SMALL_IDS = new Id[1024];

  static {
    for (int i = 0; i < SMALL_IDS.length; i++) {
      SMALL_IDS[i] = Id.of(i);
    }
  }

  /** Method names seen recently, so that a name is not made again for every call. */
  private final String[] names = new String[256];

  private final boolean enabled;
  private final int maxDepth;
  private final int maxStringLength;
  private final int maxBatchLength;

  PlainRequestReader(StreamReadConstraints constraints, int maxBatchLength) {
    // Limits this reader does not count keep every message on the Jackson path.
    this.enabled =
        !constraints.hasMaxDocumentLength()
            && constraints.getMaxTokenCount() <= 0
            && constraints.getMaxStringLength() >= 3;
    this.maxDepth = Math.min(constraints.getMaxNestingDepth(), MAX_DEPTH);
    this.maxStringLength = constraints.getMaxStringLength();
    this.maxBatchLength = maxBatchLength;
  }

  /** The message, or null when it is not plain and the Jackson path must read it. */
  @Nullable Incoming read(byte[] bytes, int offset, int length, MethodTable methods) {
    if (!enabled) {
      return null;
    }
    PlainCursor in = new PlainCursor(bytes, offset, offset + length);
    in.skipSpace();
    Incoming message;
    if (in.at('{')) {
      message = entry(in, methods, 1);
    } else if (in.at('[')) {
      message = batch(in, methods);
    } else {
      return null;
    }
    if (message == null) {
      return null;
    }
    in.skipSpace();
    return in.pos == in.end ? message : null;
  }

  private @Nullable Incoming batch(PlainCursor in, MethodTable methods) {
    in.pos++;
    in.skipSpace();
    List<Incoming.Entry> entries = new ArrayList<>();
    while (true) {
      if (!in.at('{') || entries.size() == maxBatchLength || maxDepth < 2) {
        return null;
      }
      Incoming.Call call = entry(in, methods, 2);
      if (call == null) {
        return null;
      }
      entries.add(call);
      int next = in.afterValue(']');
      if (next != PlainCursor.MORE) {
        return next == PlainCursor.CLOSED ? new Incoming.Batch(entries) : null;
      }
    }
  }

  /** One request object at {@code depth}; the cursor is on its '{' and is left after its '}'. */
  private Incoming.@Nullable Call entry(PlainCursor in, MethodTable methods, int depth) {
    if (depth > maxDepth) {
      return null;
    }
    in.pos++;
    in.skipSpace();
    int seen = 0;
    String method = null;
    Id id = null;
    ReflectiveTarget target = null;
    Object[] args = null;
    if (in.at('}')) {
      return null;
    }
    while (true) {
      int nameStart = in.pos + 1;
      int nameEnd = in.plainString(MAX_NAME_LENGTH);
      if (nameEnd < 0) {
        return null;
      }
      in.skipSpace();
      if (!in.at(':')) {
        return null;
      }
      in.pos++;
      in.skipSpace();
      int member = member(in.bytes, nameStart, nameEnd - nameStart);
      if ((seen & member) != 0) {
        return null;
      }
      seen |= member;
      switch (member) {
        case JSONRPC -> {
          if (!in.version2()) {
            return null;
          }
        }
        case METHOD -> {
          int start = in.pos + 1;
          int end = in.plainString(maxStringLength);
          if (end < 0) {
            return null;
          }
          method = name(in.bytes, start, end - start);
        }
        case PARAMS -> {
          Target found = method == null ? null : methods.get(method);
          target = found == null ? null : found.bound();
          if (target == null || !target.binder().readsPlainly()) {
            return null;
          }
          args = PlainParams.params(in, target.binder(), depth + 1, maxDepth, maxStringLength);
          if (args == null) {
            return null;
          }
        }
        case ID -> {
          id = id(in);
          if (id == null) {
            return null;
          }
        }
        default -> {
          if (!in.skipValue(depth + 1, maxDepth, maxStringLength)) {
            return null;
          }
        }
      }
      int next = in.afterValue('}');
      if (next == PlainCursor.CLOSED) {
        break;
      }
      if (next == PlainCursor.BROKEN) {
        return null; // a member name must follow a comma: the loop's plainString checks that
      }
    }
    if ((seen & JSONRPC) == 0 || method == null) {
      return null;
    }
    return target == null
        ? Incoming.Call.buffered(id, method, null)
        : new Incoming.Call(id, method, null, target, args, null);
  }

  /** The method name in {@code bytes}, as a String seen before when there is one. */
  private String name(byte[] bytes, int start, int length) {
    int hash = length;
    for (int i = start; i < start + length; i++) {
      hash = 31 * hash + bytes[i];
    }
    int slot = (hash ^ (hash >>> 8)) & (names.length - 1);
    String seen = names[slot];
    if (seen != null && seen.length() == length) {
      int i = 0;
      while (i < length && seen.charAt(i) == bytes[start + i]) {
        i++;
      }
      if (i == length) {
        return seen;
      }
    }
    // Strings are immutable and a reference write is atomic: racing threads at worst replace
    // each other's entries.
    String name = new String(bytes, start, length, StandardCharsets.ISO_8859_1);
    names[slot] = name;
    return name;
  }

  private static int member(byte[] bytes, int start, int length) {
    return switch (length) {
      case 2 -> bytes[start] == 'i' && bytes[start + 1] == 'd' ? ID : 0;
      case 6 ->
          matches(bytes, start, "method") ? METHOD : matches(bytes, start, "params") ? PARAMS : 0;
      case 7 -> matches(bytes, start, "jsonrpc") ? JSONRPC : 0;
      default -> 0;
    };
  }

  private static boolean matches(byte[] bytes, int start, String name) {
    for (int i = 0; i < name.length(); i++) {
      if (bytes[start + i] != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private @Nullable Id id(PlainCursor in) {
    if (in.at('"')) {
      int start = in.pos + 1;
      int end = in.plainString(maxStringLength);
      return end < 0
          ? null
          : Id.of(new String(in.bytes, start, end - start, StandardCharsets.ISO_8859_1));
    }
    if (in.at('n')) {
      return in.literal("null") ? Id.NULL : null;
    }
    int start = in.pos;
    long value = in.integer();
    if (in.pos == start) {
      return null;
    }
    if (value >= 0 && value < SMALL_IDS.length && in.pos - start == digits(value)) {
      return SMALL_IDS[(int) value];
    }
    return Id.ofNumberText(
        new String(in.bytes, start, in.pos - start, StandardCharsets.ISO_8859_1));
  }

  private static int digits(long value) {
    return value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : 4;
  }
}
