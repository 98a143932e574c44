package io.jsonrpc2.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.deser.std.EnumDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One parameter of a bound method, prepared at registration: its name, type and reader, and whether
 * its value can be taken from the current token without going through the reader.
 */
final class ParamSlot {
  enum Kind {
    CONTEXT,
    VALUE,
    VARARGS
  }

  /** Token shapes read without the reader, exactly as Jackson's own deserializer reads them. */
  enum Shortcut {
    NONE,
    STRING,
    INT,
    LONG,
    BOOLEAN,
    /**
     * {@code Object} read by Jackson's plain untyped deserializer: a string, an integer or a
     * boolean token is taken directly (as {@code String}, the smallest of {@code Integer}, {@code
     * Long} and {@code BigInteger}, {@code Boolean}); arrays, objects, null and fractions go
     * through the reader.
     */
    OBJECT
  }

  // Jackson's deserializers that read exactly one scalar token (or, when the mapper unwraps
  // single-value arrays, that token in brackets), consume nothing else and fail without side
  // effects. For these the request's own parser can be bound directly.
  private static final Set<Class<?>> SCALAR_DESERIALIZERS =
      Set.of(
          StringDeserializer.class,
          NumberDeserializers.IntegerDeserializer.class,
          NumberDeserializers.LongDeserializer.class,
          NumberDeserializers.BooleanDeserializer.class,
          NumberDeserializers.DoubleDeserializer.class,
          NumberDeserializers.FloatDeserializer.class,
          NumberDeserializers.ShortDeserializer.class,
          NumberDeserializers.ByteDeserializer.class,
          NumberDeserializers.BigIntegerDeserializer.class,
          NumberDeserializers.BigDecimalDeserializer.class,
          EnumDeserializer.class);

  // The class of Jackson's untyped deserializer when no module or type mapping changes it.
  private static final @Nullable Class<?> PLAIN_UNTYPED_DESERIALIZER =
      deserializerClass(
          new ObjectMapper(), TypeFactory.defaultInstance().constructType(Object.class));

  private final Kind kind;
  private final String name;
  private final @Nullable JavaType type;
  private final @Nullable ObjectReader reader;
  private final boolean wrapOptional;
  private final boolean optional;
  private final boolean scalar;
  private final Shortcut shortcut;

  private ParamSlot(
      Kind kind,
      String name,
      @Nullable JavaType type,
      @Nullable ObjectReader reader,
      boolean wrapOptional,
      boolean optional,
      boolean scalar,
      Shortcut shortcut) {
    this.kind = kind;
    this.name = name;
    this.type = type;
    this.reader = reader;
    this.wrapOptional = wrapOptional;
    this.optional = optional;
    this.scalar = scalar;
    this.shortcut = shortcut;
  }

  static ParamSlot context(String name) {
    return new ParamSlot(Kind.CONTEXT, name, null, null, false, true, true, Shortcut.NONE);
  }

  static ParamSlot value(
      Kind kind,
      String name,
      JavaType type,
      ObjectMapper mapper,
      boolean wrapOptional,
      boolean optional) {
    Class<?> deserializer = scalarReadsAllowed(mapper) ? deserializerClass(mapper, type) : null;
    boolean scalar = deserializer != null && SCALAR_DESERIALIZERS.contains(deserializer);
    return new ParamSlot(
        kind,
        name,
        type,
        mapper.readerFor(type),
        wrapOptional,
        optional,
        scalar,
        deserializer == null
            ? Shortcut.NONE
            : shortcutFor(deserializer, type.getRawClass(), mapper));
  }

  /**
   * False when the mapper's configuration can make a reader do more than read the value's own
   * tokens (problem handlers may consume input; root wrapping and the trailing-token check look
   * beyond the value). Then every value goes through the reader, as configured.
   */
  static boolean scalarReadsAllowed(ObjectMapper mapper) {
    return mapper.getDeserializationConfig().getProblemHandlers() == null
        && !mapper.isEnabled(DeserializationFeature.UNWRAP_ROOT_VALUE)
        && !mapper.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  private static @Nullable Class<?> deserializerClass(ObjectMapper mapper, JavaType type) {
    try {
      DefaultDeserializationContext context =
          ((DefaultDeserializationContext) mapper.getDeserializationContext())
              .createInstance(
                  mapper.getDeserializationConfig(), null, mapper.getInjectableValues());
      JsonDeserializer<Object> deserializer = context.findRootValueDeserializer(type);
      return deserializer == null ? null : deserializer.getClass();
    } catch (IOException | RuntimeException e) {
      // No deserializer yet (or a broken one): the reader reports it at call time, as before.
      return null;
    }
  }

  private static Shortcut shortcutFor(Class<?> deserializer, Class<?> raw, ObjectMapper mapper) {
    if (deserializer == StringDeserializer.class && raw == String.class) {
      return Shortcut.STRING;
    }
    if (deserializer == NumberDeserializers.IntegerDeserializer.class) {
      return Shortcut.INT;
    }
    if (deserializer == NumberDeserializers.LongDeserializer.class) {
      return Shortcut.LONG;
    }
    if (deserializer == NumberDeserializers.BooleanDeserializer.class) {
      return Shortcut.BOOLEAN;
    }
    // These two features make the untyped deserializer widen every integer.
    if (deserializer == PLAIN_UNTYPED_DESERIALIZER
        && !mapper.isEnabled(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
        && !mapper.isEnabled(DeserializationFeature.USE_LONG_FOR_INTS)) {
      return Shortcut.OBJECT;
    }
    return Shortcut.NONE;
  }

  /** True when the value starting with {@code token} is taken straight from the parser. */
  boolean readsDirectly(JsonToken token) {
    return switch (shortcut) {
      case STRING -> token == JsonToken.VALUE_STRING;
      case INT, LONG -> token == JsonToken.VALUE_NUMBER_INT;
      case BOOLEAN -> token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
      case OBJECT ->
          token == JsonToken.VALUE_STRING
              || token == JsonToken.VALUE_NUMBER_INT
              || token == JsonToken.VALUE_TRUE
              || token == JsonToken.VALUE_FALSE;
      default -> false;
    };
  }

  /**
   * Reads the value the parser is on, for which {@link #readsDirectly} is true, the way its
   * deserializer reads it from a token buffer: a string's characters as a buffer copy takes them
   * (no other checks than copying applies), an int's value (out of range throws the same
   * exception), a boolean; for {@code Object}, whichever of these the token is, an integer as the
   * smallest type that holds it. A long plain string comes straight from {@code request} when
   * given. The string-length limit is checked by the caller.
   */
  Object readDirectly(JsonParser parser, @Nullable RequestBytes request) throws IOException {
    return switch (shortcut) {
      case STRING -> string(parser, request);
      case INT -> parser.getIntValue();
      case LONG -> parser.getLongValue();
      case OBJECT ->
          switch (parser.currentToken()) {
            case VALUE_STRING -> string(parser, request);
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            default -> parser.currentToken() == JsonToken.VALUE_TRUE ? Boolean.TRUE : Boolean.FALSE;
          };
      default -> parser.currentToken() == JsonToken.VALUE_TRUE ? Boolean.TRUE : Boolean.FALSE;
    };
  }

  private static String string(JsonParser parser, @Nullable RequestBytes request)
      throws IOException {
    String plain = request == null ? null : request.plainString(parser);
    return plain != null ? plain : parser.getText();
  }

  /** Reads the value the parser is on with the slot's reader. */
  @Nullable Object readWithReader(JsonParser parser) throws IOException {
    return Objects.requireNonNull(reader, "the context slot reads nothing").readValue(parser);
  }

  Kind kind() {
    return kind;
  }

  String name() {
    return name;
  }

  /** The value type (for varargs, the element type); the context slot has none. */
  JavaType type() {
    return Objects.requireNonNull(type, "the context slot has no type");
  }

  boolean wrapOptional() {
    return wrapOptional;
  }

  boolean optional() {
    return optional;
  }

  /** The token shape this slot reads without its reader, or NONE. */
  Shortcut shortcut() {
    return shortcut;
  }

  /** True when the value is one scalar token read by one of Jackson's own deserializers. */
  boolean isScalar() {
    return scalar;
  }
}
