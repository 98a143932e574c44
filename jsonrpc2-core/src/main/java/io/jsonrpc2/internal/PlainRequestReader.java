package io.jsonrpc2.internal;

import com.fasterxml.jackson.core.StreamReadConstraints;
import io.jsonrpc2.message.Id;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the plain requests that make up most traffic without a Jackson parser: well-formed calls
 * (or batches of them) whose strings are printable ASCII without escapes, whose numbers are
 * integers of up to 18 digits, and whose params bind to parameters that read such tokens
 * directly (see {@link ParamBinder#readsPlainly()}).
 *
 * <p>It either returns exactly what {@link RequestDecoder}'s Jackson path returns for the same
 * bytes, or null. It returns null at the first thing outside that subset: any escape, non-ASCII
 * byte, fraction or exponent, comment, stray character, unusual whitespace, limit reached, member
 * given twice, missing or invalid member, params before the method, a method it cannot bind, or a
 * value that does not fit its parameter. Then the Jackson path reads the message and decides
 * every error, so only valid input is ever accepted here, read as Jackson reads it.
 *
 * <p>Thread-safe; each call uses its own {@link Cursor}.
 */
final class PlainRequestReader {
  private static final int JSONRPC = 1;
  private static final int METHOD = 2;
  private static final int PARAMS = 4;
  private static final int ID = 8;
  private static final int MAX_DEPTH = 32;
  private static final int MAX_NAME_LENGTH = 256;
  private static final int MAX_DIGITS = 18;
  private static final Id[] SMALL_IDS = new Id[1024];

  static {
    for (int i = 0; i < SMALL_IDS.length; i++) {
      SMALL_IDS[i] = Id.of(i);
    }
  }

  private final boolean enabled;
  private final int maxDepth;
  private final int maxStringLength;
  private final int maxBatchLength;

  PlainRequestReader(StreamReadConstraints constraints, int maxBatchLength) {
    // Limits this reader does not count keep every message on the Jackson path.
    this.enabled =
        !constraints.hasMaxDocumentLength() && constraints.getMaxTokenCount() <= 0
            && constraints.getMaxStringLength() >= 3;
    this.maxDepth = Math.min(constraints.getMaxNestingDepth(), MAX_DEPTH);
    this.maxStringLength = constraints.getMaxStringLength();
    this.maxBatchLength = maxBatchLength;
  }

  /** The message, or null when it is not plain and the Jackson path must read it. */
  Incoming read(byte[] bytes, int offset, int length, MethodTable methods) {
    if (!enabled) {
      return null;
    }
    Cursor in = new Cursor(bytes, offset, offset + length);
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

  private Incoming batch(Cursor in, MethodTable methods) {
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
      in.skipSpace();
      if (in.at(',')) {
        in.pos++;
        in.skipSpace();
      } else if (in.at(']')) {
        in.pos++;
        return new Incoming.Batch(entries);
      } else {
        return null;
      }
    }
  }

  /** One request object at {@code depth}; the cursor is on its '{' and is left after its '}'. */
  private Incoming.Call entry(Cursor in, MethodTable methods, int depth) {
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
          method = new String(in.bytes, start, end - start, StandardCharsets.ISO_8859_1);
        }
        case PARAMS -> {
          Target found = method == null ? null : methods.get(method);
          target = found == null ? null : found.direct();
          if (target == null || !target.binder().readsPlainly()) {
            return null;
          }
          args = params(in, target.binder(), depth + 1);
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
          if (!skipValue(in, depth + 1)) {
            return null;
          }
        }
      }
      in.skipSpace();
      if (in.at(',')) {
        in.pos++;
        in.skipSpace();
        if (!in.at('"')) {
          return null;
        }
      } else if (in.at('}')) {
        in.pos++;
        break;
      } else {
        return null;
      }
    }
    if ((seen & JSONRPC) == 0 || method == null) {
      return null;
    }
    return target == null
        ? Incoming.Call.buffered(id, method, null)
        : new Incoming.Call(id, method, null, target, args, null);
  }

  private static int member(byte[] bytes, int start, int length) {
    return switch (length) {
      case 2 -> bytes[start] == 'i' && bytes[start + 1] == 'd' ? ID : 0;
      case 6 -> matches(bytes, start, "method") ? METHOD : matches(bytes, start, "params") ? PARAMS : 0;
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

  private Id id(Cursor in) {
    if (in.at('"')) {
      int start = in.pos + 1;
      int end = in.plainString(maxStringLength);
      return end < 0 ? null : Id.of(new String(in.bytes, start, end - start, StandardCharsets.ISO_8859_1));
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
    return Id.ofNumberText(new String(in.bytes, start, in.pos - start, StandardCharsets.ISO_8859_1));
  }

  private static int digits(long value) {
    return value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : 4;
  }

  /** Binds params the cursor is on; null if they are not plain or do not fit exactly. */
  private Object[] params(Cursor in, ParamBinder binder, int depth) {
    if (depth > maxDepth) {
      return null;
    }
    Object[] args = binder.absentArgs();
    if (in.at('[')) {
      in.pos++;
      in.skipSpace();
      if (in.at(']')) {
        in.pos++;
        return args;
      }
      for (int n = 0; ; n++) {
        if (n == binder.valueCount()) {
          return null;
        }
        int index = binder.valueSlot(n);
        Object value = value(in, binder.slot(index));
        if (value == null) {
          return null;
        }
        args[index] = value;
        in.skipSpace();
        if (in.at(',')) {
          in.pos++;
          in.skipSpace();
        } else if (in.at(']')) {
          in.pos++;
          return args;
        } else {
          return null;
        }
      }
    }
    if (!in.at('{')) {
      return null;
    }
    in.pos++;
    in.skipSpace();
    if (in.at('}')) {
      in.pos++;
      return args;
    }
    while (true) {
      int nameStart = in.pos + 1;
      int nameEnd = in.plainString(MAX_NAME_LENGTH);
      if (nameEnd < 0) {
        return null;
      }
      int index = binder.slotNamed(in.bytes, nameStart, nameEnd - nameStart);
      if (index < 0 || args[index] != ParamBinder.MISSING) {
        return null;
      }
      in.skipSpace();
      if (!in.at(':')) {
        return null;
      }
      in.pos++;
      in.skipSpace();
      Object value = value(in, binder.slot(index));
      if (value == null) {
        return null;
      }
      args[index] = value;
      in.skipSpace();
      if (in.at(',')) {
        in.pos++;
        in.skipSpace();
      } else if (in.at('}')) {
        in.pos++;
        return args;
      } else {
        return null;
      }
    }
  }

  /** The value of one param as its slot's deserializer would read it; null if not plain or not fitting. */
  private Object value(Cursor in, ParamSlot slot) {
    Object value;
    switch (slot.shortcut()) {
      case STRING -> {
        int start = in.pos + 1;
        int end = in.at('"') ? in.plainString(maxStringLength) : -1;
        value = end < 0 ? null : new String(in.bytes, start, end - start, StandardCharsets.ISO_8859_1);
      }
      case INT -> {
        int start = in.pos;
        long number = in.integer();
        value = in.pos == start || number < Integer.MIN_VALUE || number > Integer.MAX_VALUE ? null : (int) number;
      }
      case LONG -> {
        int start = in.pos;
        long number = in.integer();
        value = in.pos == start ? null : number;
      }
      case BOOLEAN -> value = in.at('t') && in.literal("true") ? Boolean.TRUE
          : in.at('f') && in.literal("false") ? Boolean.FALSE : null;
      default -> value = null;
    }
    if (value == null) {
      return null;
    }
    return slot.wrapOptional() ? Optional.of(value) : value;
  }

  /** Skips a value of a member nobody reads; false if it is not plain. */
  private boolean skipValue(Cursor in, int depth) {
    if (in.at('"')) {
      return in.plainString(maxStringLength) >= 0;
    }
    if (in.at('{') || in.at('[')) {
      if (depth > maxDepth) {
        return false;
      }
      char close = in.at('{') ? '}' : ']';
      boolean object = close == '}';
      in.pos++;
      in.skipSpace();
      if (in.at(close)) {
        in.pos++;
        return true;
      }
      while (true) {
        if (object) {
          if (!in.at('"') || in.plainString(MAX_NAME_LENGTH) < 0) {
            return false;
          }
          in.skipSpace();
          if (!in.at(':')) {
            return false;
          }
          in.pos++;
          in.skipSpace();
        }
        if (!skipValue(in, depth + 1)) {
          return false;
        }
        in.skipSpace();
        if (in.at(',')) {
          in.pos++;
          in.skipSpace();
        } else if (in.at(close)) {
          in.pos++;
          return true;
        } else {
          return false;
        }
      }
    }
    if (in.at('t')) {
      return in.literal("true");
    }
    if (in.at('f')) {
      return in.literal("false");
    }
    if (in.at('n')) {
      return in.literal("null");
    }
    int start = in.pos;
    in.integer();
    return in.pos != start;
  }

  /** A position in the message; one per read. */
  private static final class Cursor {
    final byte[] bytes;
    final int end;
    int pos;

    Cursor(byte[] bytes, int pos, int end) {
      this.bytes = bytes;
      this.pos = pos;
      this.end = end;
    }

    boolean at(char c) {
      return pos < end && bytes[pos] == c;
    }

    /** JSON's four whitespace characters; nothing else counts as space. */
    void skipSpace() {
      while (pos < end) {
        byte b = bytes[pos];
        if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
          return;
        }
        pos++;
      }
    }

    /**
     * On a '"': moves past a string of printable ASCII without escapes, of at most
     * {@code maxLength} characters, and returns the index of its closing quote; -1 otherwise.
     */
    int plainString(int maxLength) {
      if (!at('"')) {
        return -1;
      }
      int i = pos + 1;
      int limit = (int) Math.min(end, (long) i + maxLength + 1);
      while (i < limit) {
        byte b = bytes[i];
        if (b == '"') {
          pos = i + 1;
          return i;
        }
        if (b < 0x20 || b == '\\' || b == 0x7F) { // control characters, escapes, non-ASCII
          return -1;
        }
        i++;
      }
      return -1;
    }

    /** On "2.0" exactly (a string), moves past it. */
    boolean version2() {
      if (pos + 5 <= end && bytes[pos] == '"' && bytes[pos + 1] == '2' && bytes[pos + 2] == '.'
          && bytes[pos + 3] == '0' && bytes[pos + 4] == '"') {
        pos += 5;
        return true;
      }
      return false;
    }

    /** On the given literal followed by a delimiter, moves past it. */
    boolean literal(String word) {
      int after = pos + word.length();
      if (after > end) {
        return false;
      }
      for (int i = 0; i < word.length(); i++) {
        if (bytes[pos + i] != word.charAt(i)) {
          return false;
        }
      }
      if (after < end && !delimiter(bytes[after])) {
        return false;
      }
      pos = after;
      return true;
    }

    /**
     * On an integer of at most 18 digits without leading zeros, fraction or exponent, followed
     * by a delimiter: moves past it and returns its value. Otherwise leaves the cursor in place
     * (callers compare positions) and returns 0.
     */
    long integer() {
      int i = pos;
      boolean negative = i < end && bytes[i] == '-';
      if (negative) {
        i++;
      }
      int first = i;
      long value = 0;
      while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
        value = value * 10 + (bytes[i] - '0');
        i++;
      }
      int digits = i - first;
      if (digits == 0 || digits > MAX_DIGITS || (digits > 1 && bytes[first] == '0')
          || (i < end && !delimiter(bytes[i]))) {
        return 0;
      }
      pos = i;
      return negative ? -value : value;
    }

    private static boolean delimiter(byte b) {
      return b == ',' || b == ']' || b == '}' || b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
  }
}
