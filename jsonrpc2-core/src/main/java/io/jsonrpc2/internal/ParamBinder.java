package io.jsonrpc2.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.jsonrpc2.CallContext;
import io.jsonrpc2.JsonRpcException;
import io.jsonrpc2.JsonRpcParam;
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
import java.util.Optional;

/**
 * Turns params tokens into the argument array of one Java method. Everything that can be worked
 * out from the method's signature (names, types, readers) is worked out once, when the method is
 * registered; a call only streams the tokens through the prepared readers.
 */
final class ParamBinder {
  private enum Kind {
    CONTEXT,
    VALUE,
    VARARGS
  }

  private record Slot(
      Kind kind, String name, JavaType type, ObjectReader reader, boolean wrapOptional, boolean optional) {}

  private final String method;
  private final Slot[] slots;
  private final int[] valueSlots;
  private final Map<String, Integer> slotByName;
  private final ObjectMapper mapper;

  ParamBinder(String exportedName, Method javaMethod, ObjectMapper mapper) {
    this.method = exportedName;
    this.mapper = mapper;
    Parameter[] parameters = javaMethod.getParameters();
    this.slots = new Slot[parameters.length];
    this.slotByName = new HashMap<>();
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < parameters.length; i++) {
      Parameter parameter = parameters[i];
      if (parameter.getType() == CallContext.class) {
        slots[i] = new Slot(Kind.CONTEXT, parameter.getName(), null, null, false, true);
        continue;
      }
      JsonRpcParam annotation = parameter.getAnnotation(JsonRpcParam.class);
      String name =
          annotation != null && !annotation.value().isEmpty() ? annotation.value() : parameter.getName();
      Type generic = parameter.getParameterizedType();
      boolean wrapOptional = parameter.getType() == Optional.class;
      Kind kind = parameter.isVarArgs() ? Kind.VARARGS : Kind.VALUE;
      JavaType type;
      if (wrapOptional) {
        type =
            generic instanceof ParameterizedType p
                ? mapper.constructType(p.getActualTypeArguments()[0])
                : mapper.constructType(Object.class);
      } else if (kind == Kind.VARARGS) {
        type = mapper.constructType(generic).getContentType();
      } else {
        type = mapper.constructType(generic);
      }
      boolean optional = wrapOptional || (annotation != null && annotation.optional());
      if (slotByName.put(name, i) != null) {
        throw new IllegalArgumentException(
            "two parameters named '" + name + "' in " + javaMethod + "; rename one with @JsonRpcParam");
      }
      slots[i] = new Slot(kind, name, type, mapper.readerFor(type), wrapOptional, optional);
      values.add(i);
    }
    this.valueSlots = values.stream().mapToInt(Integer::intValue).toArray();
  }

  Object[] bind(TokenBuffer params, CallContext context) {
    Object[] args = new Object[slots.length];
    boolean[] filled = new boolean[slots.length];
    if (params != null) {
      try (JsonParser parser = params.asParser(mapper)) {
        if (parser.nextToken() == JsonToken.START_ARRAY) {
          bindPositional(parser, args, filled);
        } else {
          bindNamed(parser, args, filled);
        }
      } catch (IOException e) {
        throw TokenParams.invalid("params of " + method + " could not be read: " + Throwables.reason(e));
      }
    }
    for (int i = 0; i < slots.length; i++) {
      if (!filled[i]) {
        args[i] = absent(slots[i], context);
      }
    }
    return args;
  }

  private void bindPositional(JsonParser parser, Object[] args, boolean[] filled) throws IOException {
    int next = 0;
    List<Object> rest = null;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (next < valueSlots.length && slots[valueSlots[next]].kind == Kind.VALUE) {
        int index = valueSlots[next++];
        args[index] = read(slots[index], parser);
        filled[index] = true;
      } else if (next < valueSlots.length) {
        if (rest == null) {
          rest = new ArrayList<>();
        }
        rest.add(read(slots[valueSlots[next]], parser));
      } else {
        throw TokenParams.invalid(
            method + " takes " + valueSlots.length + " params, got more than that");
      }
    }
    if (rest != null) {
      int index = valueSlots[next];
      args[index] = toArray(slots[index], rest);
      filled[index] = true;
    }
  }

  private void bindNamed(JsonParser parser, Object[] args, boolean[] filled) throws IOException {
    String name;
    while ((name = parser.nextFieldName()) != null) {
      parser.nextToken();
      Integer index = slotByName.get(name);
      if (index == null) {
        throw TokenParams.invalid(method + " has no parameter named '" + name + "'");
      }
      if (filled[index]) {
        throw TokenParams.invalid("parameter '" + name + "' of " + method + " given twice");
      }
      Slot slot = slots[index];
      if (slot.kind == Kind.VARARGS) {
        List<Object> rest = new ArrayList<>();
        if (parser.currentToken() != JsonToken.START_ARRAY) {
          throw TokenParams.invalid("parameter '" + name + "' of " + method + " expects an array");
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          rest.add(read(slot, parser));
        }
        args[index] = toArray(slot, rest);
      } else {
        args[index] = read(slot, parser);
      }
      filled[index] = true;
    }
  }

  private Object read(Slot slot, JsonParser parser) {
    Object value;
    try {
      value = slot.reader.readValue(parser);
    } catch (IOException e) {
      throw TokenParams.invalid(
          "parameter '" + slot.name + "' of " + method + " expects " + typeName(slot.type) + ": "
              + Throwables.reason(e));
    }
    return slot.wrapOptional ? Optional.ofNullable(value) : value;
  }

  private Object absent(Slot slot, CallContext context) {
    switch (slot.kind) {
      case CONTEXT:
        return context;
      case VARARGS:
        return Array.newInstance(slot.type.getRawClass(), 0);
      default:
        break;
    }
    Object given = context.values().get(slot.name);
    if (given != null) {
      try {
        Object value = mapper.convertValue(given, slot.type);
        return slot.wrapOptional ? Optional.ofNullable(value) : value;
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "the value given for parameter '" + slot.name + "' of " + method + " is not a "
                + typeName(slot.type), e);
      }
    }
    if (!slot.optional) {
      throw TokenParams.invalid("parameter '" + slot.name + "' of " + method + " is missing");
    }
    if (slot.wrapOptional) {
      return Optional.empty();
    }
    return slot.type.isPrimitive() ? Array.get(Array.newInstance(slot.type.getRawClass(), 1), 0) : null;
  }

  private static Object toArray(Slot slot, List<Object> values) {
    Object array = Array.newInstance(slot.type.getRawClass(), values.size());
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
