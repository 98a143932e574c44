package io.jsonrpc2.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Binds plain params for {@link PlainRequestReader}: each value must be the very token its
 * parameter reads directly (see {@link ParamSlot#readsDirectly}), and is made as that parameter's
 * deserializer would make it. Anything else gives null, and the message goes to Jackson.
 */
final class PlainParams {
  private PlainParams() {}

  /** Binds params the cursor is on; null if they are not plain or do not fit exactly. */
  // ParamBinder.MISSING is a sentinel: identity is the point.
  @SuppressWarnings("ReferenceEquality")
  static @Nullable Object @Nullable [] params(
      PlainCursor in, ParamBinder binder, int depth, int maxDepth, int maxStringLength) {
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
        Object value = value(in, binder.slot(index), maxStringLength);
        if (value == null) {
          return null;
        }
        args[index] = value;
        int next = in.afterValue(']');
        if (next != PlainCursor.MORE) {
          return next == PlainCursor.CLOSED ? args : null;
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
      int nameEnd = in.plainString(PlainRequestReader.MAX_NAME_LENGTH);
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
      Object value = value(in, binder.slot(index), maxStringLength);
      if (value == null) {
        return null;
      }
      args[index] = value;
      int next = in.afterValue('}');
      if (next != PlainCursor.MORE) {
        return next == PlainCursor.CLOSED ? args : null;
      }
    }
  }

  /**
   * The value of one param as its slot's deserializer would read it; null if not plain or not
   * fitting.
   */
  private static @Nullable Object value(PlainCursor in, ParamSlot slot, int maxStringLength) {
    Object value;
    switch (slot.shortcut()) {
      case STRING -> value = string(in, maxStringLength);
      case INT -> {
        int start = in.pos;
        long number = in.integer();
        value =
            in.pos == start || number < Integer.MIN_VALUE || number > Integer.MAX_VALUE
                ? null
                : (int) number;
      }
      case LONG -> {
        int start = in.pos;
        long number = in.integer();
        value = in.pos == start ? null : number;
      }
      case BOOLEAN ->
          value =
              (in.at('t') && in.literal("true"))
                  ? Boolean.TRUE
                  : (in.at('f') && in.literal("false")) ? Boolean.FALSE : null;
      case OBJECT -> {
        if (in.at('"')) {
          value = string(in, maxStringLength);
        } else if (in.at('t') || in.at('f')) {
          value = in.literal("true") ? Boolean.TRUE : in.literal("false") ? Boolean.FALSE : null;
        } else {
          int start = in.pos;
          long number = in.integer();
          if (in.pos == start) {
            value = null;
          } else if (number == (int) number) {
            value = (int) number;
          } else {
            value = number;
          }
        }
      }
      default -> value = null;
    }
    if (value == null) {
      return null;
    }
    return slot.wrapOptional() ? Optional.of(value) : value;
  }

  private static @Nullable String string(PlainCursor in, int maxStringLength) {
    int start = in.pos + 1;
    int end = in.plainString(maxStringLength);
    return end < 0 ? null : new String(in.bytes, start, end - start, StandardCharsets.ISO_8859_1);
  }
}
