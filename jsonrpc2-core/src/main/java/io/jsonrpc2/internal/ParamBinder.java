package io.jsonrpc2.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.jsonrpc2.CallContext;
import io.jsonrpc2.JsonRpcException;
import io.jsonrpc2.JsonRpcParam;
import io.jsonrpc2.message.Id;
import io.jsonrpc2.server.TransportContext;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns params tokens into the argument array of one Java method. Everything that can be worked out
 * from the method's signature (names, types, readers) is worked out once, when the method is
 * registered; a call only streams the tokens through the prepared readers.
 *
 * <p>Params are read either from a token buffer or, when every parameter is a plain scalar (see
 * {@link ParamSlot#isScalar()}), straight from the request's own parser while it is being decoded:
 * no copy of the tokens is made. Reading is split in two: {@link #read} takes what the params say,
 * leaving {@link #MISSING} where they say nothing, and {@link #complete} fills the context and the
 * left-out parameters once the call is dispatched.
 */
final class ParamBinder {
  /** Marks an argument the params did not give; never passed to a method. */
  static final Object MISSING = new Object();

  private final String method;
  private final ParamSlot[] slots;
  private final int[] valueSlots;
  private final Map<String, Integer> slotByName;
  private final ObjectMapper mapper;
  private final boolean direct;
  private final boolean needsContext;
  private final byte @Nullable [][] plainNames;

  ParamBinder(String exportedName, Method javaMethod, ObjectMapper mapper) {
    this.method = exportedName;
    this.mapper = mapper;
    Parameter[] parameters = javaMethod.getParameters();
    this.slots = new ParamSlot[parameters.length];
    this.slotByName = new HashMap<>();
    List<Integer> values = new ArrayList<>();
    boolean allScalar = ParamSlot.scalarReadsAllowed(mapper);
    boolean context = false;
    for (int i = 0; i < parameters.length; i++) {
      Parameter parameter = parameters[i];
      if (parameter.getType() == CallContext.class) {
        slots[i] = ParamSlot.context(parameter.getName());
        context = true;
        continue;
      }
      JsonRpcParam annotation = parameter.getAnnotation(JsonRpcParam.class);
      String name =
          annotation != null && !annotation.value().isEmpty()
              ? annotation.value()
              : parameter.getName();
      Type generic = parameter.getParameterizedType();
      boolean wrapOptional = parameter.getType() == Optional.class;
      ParamSlot.Kind kind = parameter.isVarArgs() ? ParamSlot.Kind.VARARGS : ParamSlot.Kind.VALUE;
      JavaType type;
      if (wrapOptional) {
        type =
            generic instanceof ParameterizedType p
                ? mapper.constructType(p.getActualTypeArguments()[0])
                : mapper.constructType(Object.class);
      } else if (kind == ParamSlot.Kind.VARARGS) {
        type = mapper.constructType(generic).getContentType();
      } else {
        type = mapper.constructType(generic);
      }
      boolean optional = wrapOptional || (annotation != null && annotation.optional());
      if (slotByName.put(name, i) != null) {
        throw new IllegalArgumentException(
            "two parameters named '"
                + name
                + "' in "
                + javaMethod
                + "; rename one with @JsonRpcParam");
      }
      slots[i] = ParamSlot.value(kind, name, type, mapper, wrapOptional, optional);
      allScalar &= slots[i].isScalar();
      values.add(i);
    }
    this.valueSlots = values.stream().mapToInt(Integer::intValue).toArray();
    this.direct = allScalar;
    this.needsContext = context;
    this.plainNames = plainNames(slots);
  }

  /**
   * The ASCII names of the slots, or null unless every value slot has a shortcut, none is varargs,
   * and every name is plain ASCII: then {@link PlainRequestReader} can bind the params.
   */
  private static byte @Nullable [][] plainNames(ParamSlot[] slots) {
    byte[][] names = new byte[slots.length][];
    for (int i = 0; i < slots.length; i++) {
      ParamSlot slot = slots[i];
      if (slot.kind() == ParamSlot.Kind.CONTEXT) {
        continue;
      }
      if (slot.kind() != ParamSlot.Kind.VALUE || slot.shortcut() == ParamSlot.Shortcut.NONE) {
        return null;
      }
      for (int c = 0; c < slot.name().length(); c++) {
        char ch = slot.name().charAt(c);
        if (ch < 0x20 || ch > 0x7E || ch == '"' || ch == '\\') {
          return null;
        }
      }
      names[i] = slot.name().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
    return names;
  }

  /** True when {@link PlainRequestReader} can bind params for this method. */
  boolean readsPlainly() {
    return plainNames != null;
  }

  /** The number of parameters that take a value from params. */
  int valueCount() {
    return valueSlots.length;
  }

  /** The slot index of the {@code n}th parameter that takes a value. */
  int valueSlot(int n) {
    return valueSlots[n];
  }

  ParamSlot slot(int index) {
    return slots[index];
  }

  /** The slot whose name is the ASCII text {@code bytes[start..start+length)}, or -1. */
  int slotNamed(byte[] bytes, int start, int length) {
    byte[][] names = Objects.requireNonNull(plainNames, "only a binder that reads plainly");
    for (int i = 0; i < names.length; i++) {
      byte[] name = names[i];
      if (name != null
          && name.length == length
          && java.util.Arrays.equals(name, 0, length, bytes, start, start + length)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * True when params may be read straight from the request's parser: every parameter reads one
   * scalar token with Jackson's own deserializer, so reading consumes exactly what copying the
   * tokens would have read, and fails the same way.
   */
  boolean isDirect() {
    return direct;
  }

  /**
   * Binds buffered params (null when absent) and fills the rest; throws -32602 when they do not
   * fit.
   */
  Object[] bind(@Nullable TokenBuffer params, CallContext context) {
    Object[] args;
    if (params != null) {
      try (JsonParser parser = params.asParser(mapper)) {
        parser.nextToken();
        args = read(parser, null);
      } catch (IOException e) {
        throw TokenParams.invalid(
            "params of " + method + " could not be read: " + Throwables.reason(e));
      }
    } else {
      args = absentArgs();
    }
    fill(args, context, context.values());
    return args;
  }

  /**
   * Reads the params the parser is on (their START_ARRAY or START_OBJECT) and leaves it on their
   * last token. Arguments they do not give are {@link #MISSING}.
   *
   * @param request the message when the parser reads the request itself (null for a token buffer):
   *     then a syntax error or an exceeded limit is thrown as the IOException it is (the whole
   *     message is bad), while a value that does not fit its parameter is a -32602 {@code
   *     JsonRpcException}
   */
  Object[] read(JsonParser parser, @Nullable RequestBytes request) throws IOException {
    Object[] args = absentArgs();
    if (parser.currentToken() == JsonToken.START_ARRAY) {
      readPositional(parser, args, request);
    } else {
      readNamed(parser, args, request);
    }
    return args;
  }

  /** The arguments for absent params: every one still to be filled. */
  Object[] absentArgs() {
    Object[] args = new Object[slots.length];
    for (int i = 0; i < args.length; i++) {
      args[i] = MISSING;
    }
    return args;
  }

  /**
   * Fills what {@link #read} left: the context, values given to {@code handle} for named parameters
   * the params left out, and the defaults of optional ones.
   *
   * @throws io.jsonrpc2.JsonRpcException -32602 when a required parameter is missing
   */
  Object[] complete(
      Object[] args,
      @Nullable Id id,
      String calledAs,
      TransportContext transport,
      Map<String, Object> values) {
    CallContext context = needsContext ? new CallContext(id, calledAs, transport, values) : null;
    fill(args, context, values);
    return args;
  }

  private void fill(Object[] args, @Nullable CallContext context, Map<String, Object> values) {
    for (int i = 0; i < slots.length; i++) {
      if (args[i] == MISSING) {
        args[i] = absent(slots[i], context, values);
      }
    }
  }

  private void readPositional(JsonParser parser, Object[] args, @Nullable RequestBytes request)
      throws IOException {
    int next = 0;
    List<Object> rest = null;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (next < valueSlots.length && slots[valueSlots[next]].kind() == ParamSlot.Kind.VALUE) {
        int index = valueSlots[next++];
        args[index] = read(slots[index], parser, request);
      } else if (next < valueSlots.length) {
        if (rest == null) {
          rest = new ArrayList<>();
        }
        rest.add(read(slots[valueSlots[next]], parser, request));
      } else {
        throw TokenParams.invalid(
            method + " takes " + valueSlots.length + " params, got more than that");
      }
    }
    if (rest != null) {
      int index = valueSlots[next];
      args[index] = toArray(slots[index], rest);
    }
  }

  private void readNamed(JsonParser parser, Object[] args, @Nullable RequestBytes request)
      throws IOException {
    String name;
    while ((name = parser.nextFieldName()) != null) {
      parser.nextToken();
      Integer index = slotByName.get(name);
      if (index == null) {
        throw TokenParams.invalid(method + " has no parameter named '" + name + "'");
      }
      if (args[index] != MISSING) {
        throw TokenParams.invalid("parameter '" + name + "' of " + method + " given twice");
      }
      ParamSlot slot = slots[index];
      if (slot.kind() == ParamSlot.Kind.VARARGS) {
        List<Object> rest = new ArrayList<>();
        if (parser.currentToken() != JsonToken.START_ARRAY) {
          throw TokenParams.invalid("parameter '" + name + "' of " + method + " expects an array");
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          rest.add(read(slot, parser, request));
        }
        args[index] = toArray(slot, rest);
      } else {
        args[index] = read(slot, parser, request);
      }
    }
  }

  private @Nullable Object read(ParamSlot slot, JsonParser parser, @Nullable RequestBytes request)
      throws IOException {
    checkStringLength(parser);
    Object value;
    if (slot.readsDirectly(parser.currentToken())) {
      try {
        value = slot.readDirectly(parser, request);
      } catch (IOException e) {
        IOException streamFailure = request != null ? Throwables.streamFailure(e) : null;
        if (streamFailure != null) {
          throw streamFailure;
        }
        throw doesNotFit(slot, e);
      }
    } else if (request != null) {
      // Anything else is read as it always was: from a buffered copy of the value, so that the
      // deserializer sees exactly the tokens, and the checks, that it saw before. Copying fails
      // only on broken input, which fails the whole message.
      TokenBuffer copy = new TokenBuffer(parser);
      copy.copyCurrentStructure(parser);
      try (JsonParser buffered = copy.asParser(parser.getCodec())) {
        buffered.nextToken();
        value = slot.readWithReader(buffered);
      } catch (IOException e) {
        throw doesNotFit(slot, e);
      }
    } else {
      try {
        value = slot.readWithReader(parser);
      } catch (IOException e) {
        throw doesNotFit(slot, e);
      }
    }
    return slot.wrapOptional() ? Optional.ofNullable(value) : value;
  }

  /**
   * Enforces the string-length limit (JsonLimits) on a string param itself: Jackson checks it only
   * for strings that outgrow its text buffer's first segment, and only on some ways of reading.
   */
  private static void checkStringLength(JsonParser parser) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      int length = parser.getTextLength();
      int max = parser.streamReadConstraints().getMaxStringLength();
      if (length > max) {
        throw new StreamConstraintsException(
            "String value length ("
                + length
                + ") exceeds the maximum allowed ("
                + max
                + ", from `StreamReadConstraints.getMaxStringLength()`)");
      }
    }
  }

  private JsonRpcException doesNotFit(ParamSlot slot, IOException e) {
    return TokenParams.invalid(
        "parameter '"
            + slot.name()
            + "' of "
            + method
            + " expects "
            + typeName(slot.type())
            + ": "
            + Throwables.reason(e));
  }

  private @Nullable Object absent(
      ParamSlot slot, @Nullable CallContext context, Map<String, Object> values) {
    switch (slot.kind()) {
      case CONTEXT -> {
        return context;
      }
      case VARARGS -> {
        return Array.newInstance(slot.type().getRawClass(), 0);
      }
      default -> {}
    }
    Object given = values.get(slot.name());
    if (given != null) {
      try {
        Object value = mapper.convertValue(given, slot.type());
        return slot.wrapOptional() ? Optional.ofNullable(value) : value;
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "the value given for parameter '"
                + slot.name()
                + "' of "
                + method
                + " is not a "
                + typeName(slot.type()),
            e);
      }
    }
    if (!slot.optional()) {
      throw TokenParams.invalid("parameter '" + slot.name() + "' of " + method + " is missing");
    }
    if (slot.wrapOptional()) {
      return Optional.empty();
    }
    return slot.type().isPrimitive()
        ? Array.get(Array.newInstance(slot.type().getRawClass(), 1), 0)
        : null;
  }

  private static Object toArray(ParamSlot slot, List<Object> values) {
    Object array = Array.newInstance(slot.type().getRawClass(), values.size());
    for (int i = 0; i < values.size(); i++) {
      Array.set(array, i, values.get(i));
    }
    return array;
  }

  /** A type as a reader would write it: {@code int}, {@code String}, {@code List<Point>}. */
  static String typeName(JavaType type) {
    if (type.containedTypeCount() == 0) {
      return type.getRawClass().getSimpleName();
    }
    StringBuilder name = new StringBuilder(type.getRawClass().getSimpleName()).append('<');
    for (int i = 0; i < type.containedTypeCount(); i++) {
      name.append(i == 0 ? "" : ", ").append(typeName(type.containedType(i)));
    }
    return name.append('>').toString();
  }
}
