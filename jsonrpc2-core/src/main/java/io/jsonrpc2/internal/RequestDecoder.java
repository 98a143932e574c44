package io.jsonrpc2.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.jsonrpc2.JsonLimits;
import io.jsonrpc2.message.ErrorObject;
import io.jsonrpc2.message.Id;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads request bytes into {@link Incoming}. Plain requests are read by {@link PlainRequestReader}
 * without a parser; everything else, and every error, by Jackson's streaming parser: the envelope
 * is read token by token. When the method is known before its {@code params} and takes plain
 * scalars, the params are bound right off the parser; otherwise they are kept as a token buffer for
 * the binder. The whole text is read before anything runs, so invalid JSON anywhere, even late in a
 * batch, becomes one parse error.
 */
public final class RequestDecoder {
  private static final Logger LOG = LoggerFactory.getLogger(RequestDecoder.class);
  private static final int SEEN_JSONRPC = 1;
  private static final int SEEN_METHOD = 2;
  private static final int SEEN_PARAMS = 4;
  private static final int SEEN_ID = 8;

  private final JsonFactory factory;
  private final ObjectMapper mapper;
  private final int maxBatchLength;
  private final int maxStringLength;
  private final PlainRequestReader plain;

  public RequestDecoder(ObjectMapper mapper, JsonLimits limits) {
    this.mapper = mapper;
    this.maxBatchLength = limits.maxBatchLength();
    this.maxStringLength = limits.maxStringLength();
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxNestingDepth())
                    .maxStringLength(limits.maxStringLength())
                    .build())
            .build();
    this.plain = new PlainRequestReader(factory.streamReadConstraints(), maxBatchLength);
  }

  /**
   * Decodes one message.
   *
   * @param methods where to find the methods whose params can be bound while decoding
   */
  public Incoming decode(byte[] bytes, int offset, int length, MethodTable methods) {
    Incoming plainMessage = plain.read(bytes, offset, length, methods);
    return plainMessage != null ? plainMessage : decodeWithJackson(bytes, offset, length, methods);
  }

  /** What {@link PlainRequestReader} makes of the message: null when it leaves it to Jackson. */
  @Nullable Incoming decodePlain(byte[] bytes, int offset, int length, MethodTable methods) {
    return plain.read(bytes, offset, length, methods);
  }

  /** Decodes with Jackson's parser, whatever the message: the reference for every other path. */
  Incoming decodeWithJackson(byte[] bytes, int offset, int length, MethodTable methods) {
    RequestBytes request = new RequestBytes(bytes, offset, length);
    try (JsonParser parser = factory.createParser(bytes, offset, length)) {
      parser.setCodec(mapper);
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new Incoming.Unparseable("empty message");
      }
      Incoming result;
      if (first == JsonToken.START_OBJECT) {
        result = readEntry(parser, methods, request);
      } else if (first == JsonToken.START_ARRAY) {
        result = readBatch(parser, methods, request);
      } else {
        parser.skipChildren();
        result = new Incoming.Invalid(Id.NULL, invalid("not a request object"));
      }
      if (parser.nextToken() != null) {
        return new Incoming.Unparseable("content after the end of the JSON value");
      }
      return result;
    } catch (StreamConstraintsException e) {
      return new Incoming.Refused(limitExceeded(e.getOriginalMessage()));
    } catch (IOException e) {
      return new Incoming.Unparseable(String.valueOf(e.getMessage()));
    }
  }

  private Incoming readBatch(JsonParser parser, MethodTable methods, RequestBytes request)
      throws IOException {
    List<Incoming.Entry> entries = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (entries.size() == maxBatchLength) {
        // Keep reading, so that a parse error later on still wins over this refusal.
        parser.skipChildren();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          parser.skipChildren();
        }
        return new Incoming.Refused(
            limitExceeded("a batch may have at most " + maxBatchLength + " elements"));
      }
      if (token == JsonToken.START_OBJECT) {
        entries.add(readEntry(parser, methods, request));
      } else {
        parser.skipChildren();
        entries.add(
            new Incoming.Invalid(Id.NULL, invalid("batch element is not a request object")));
      }
    }
    if (entries.isEmpty()) {
      return new Incoming.Refused(invalid("empty batch"));
    }
    return new Incoming.Batch(entries);
  }

  /** Reads one object; the parser is on its START_OBJECT and is left on its END_OBJECT. */
  private Incoming.Entry readEntry(JsonParser parser, MethodTable methods, RequestBytes request)
      throws IOException {
    int seen = 0;
    String problem = null;
    String method = null;
    TokenBuffer params = null;
    ReflectiveTarget bound = null;
    Object[] args = null;
    RuntimeException bindFailure = null;
    Id id = null;
    boolean idReadable = true;
    String name;
    while ((name = parser.nextFieldName()) != null) {
      JsonToken value = parser.nextToken();
      int member = memberBit(name);
      if (member != 0) {
        if ((seen & member) != 0 && problem == null) {
          problem = "duplicate member '" + name + "'";
        }
        seen |= member;
      }
      switch (member) {
        case SEEN_JSONRPC -> {
          if (value != JsonToken.VALUE_STRING || !isVersion2(parser)) {
            problem = problem != null ? problem : "'jsonrpc' must be exactly \"2.0\"";
          }
          parser.skipChildren();
        }
        case SEEN_METHOD -> {
          if (value == JsonToken.VALUE_STRING) {
            method = parser.getText();
          } else {
            problem = problem != null ? problem : "'method' must be a string";
            parser.skipChildren();
          }
        }
        case SEEN_PARAMS -> {
          ReflectiveTarget direct =
              problem == null
                      && method != null
                      && (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT)
                  ? directTarget(methods, method)
                  : null;
          if (direct != null) {
            JsonStreamContext entry = parser.getParsingContext().getParent();
            try {
              args = direct.binder().read(parser, request);
            } catch (RuntimeException e) {
              bindFailure = e;
              skipRest(parser, entry);
            }
            bound = direct;
          } else if (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT) {
            params = copyParams(parser);
            bound = null;
          } else {
            problem = problem != null ? problem : "'params' must be an array or an object";
            parser.skipChildren();
          }
        }
        case SEEN_ID -> {
          switch (value) {
            case VALUE_STRING -> id = Id.of(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> id = Id.ofNumberText(parser.getText());
            case VALUE_NULL -> id = Id.NULL;
            default -> {
              idReadable = false;
              problem = problem != null ? problem : "'id' must be a string, a number or null";
              parser.skipChildren();
            }
          }
        }
        default -> parser.skipChildren();
      }
    }
    if (problem == null) {
      if ((seen & SEEN_JSONRPC) == 0) {
        problem = "'jsonrpc' member missing";
      } else if (method == null) {
        problem = "'method' member missing";
      }
    }
    if (problem != null) {
      return new Incoming.Invalid(idReadable && id != null ? id : Id.NULL, invalid(problem));
    }
    String methodName = Objects.requireNonNull(method, "a request without a problem has a method");
    if (bound != null && params == null) {
      return new Incoming.Call(id, methodName, null, bound, args, bindFailure);
    }
    return Incoming.Call.buffered(id, methodName, params);
  }

  /**
   * Buffers the params the parser is on, checking every string against the length limit on the way:
   * Jackson's own check covers only strings that outgrow its text buffer's first segment.
   */
  private TokenBuffer copyParams(JsonParser parser) throws IOException {
    TokenBuffer copy = new TokenBuffer(parser);
    int depth = 0;
    JsonToken token = parser.currentToken();
    while (true) {
      if (token == JsonToken.VALUE_STRING && parser.getTextLength() > maxStringLength) {
        throw new StreamConstraintsException(
            "String value length ("
                + parser.getTextLength()
                + ") exceeds the maximum allowed ("
                + maxStringLength
                + ", from `StreamReadConstraints.getMaxStringLength()`)");
      }
      copy.copyCurrentEvent(parser);
      if (token.isStructStart()) {
        depth++;
      } else if (token.isStructEnd()) {
        depth--;
      }
      if (depth == 0) {
        return copy;
      }
      token = parser.nextToken();
    }
  }

  private static @Nullable ReflectiveTarget directTarget(MethodTable methods, String method) {
    Target target = methods.get(method);
    ReflectiveTarget bound = target == null ? null : target.bound();
    return bound != null && bound.binder().isDirect() ? bound : null;
  }

  /**
   * Moves the parser past params whose binding failed midway. Strings on the way are taken as
   * copying them into a token buffer would have taken them, so the same input checks apply as when
   * params were always copied.
   */
  // Identity on purpose: the parser's context object for the value being skipped, not an equal one.
  @SuppressWarnings("ReferenceEquality")
  private static void skipRest(JsonParser parser, JsonStreamContext entry) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      takeString(parser);
    }
    while (parser.getParsingContext() != entry) {
      if (parser.nextToken() == JsonToken.VALUE_STRING) {
        takeString(parser);
      }
    }
  }

  private static void takeString(JsonParser parser) throws IOException {
    if (parser.hasTextCharacters()) {
      parser.getTextCharacters();
      parser.getTextOffset();
      parser.getTextLength();
    } else {
      parser.getText();
    }
  }

  // Compares without making a String; a value of any other length is read as text, which also
  // applies the string length limit to it as before.
  private boolean isVersion2(JsonParser parser) throws IOException {
    if (parser.getTextLength() == 3 && maxStringLength >= 3) {
      char[] text = parser.getTextCharacters();
      int at = parser.getTextOffset();
      return text[at] == '2' && text[at + 1] == '.' && text[at + 2] == '0';
    }
    return "2.0".equals(parser.getText());
  }

  private static int memberBit(String name) {
    return switch (name) {
      case "jsonrpc" -> SEEN_JSONRPC;
      case "method" -> SEEN_METHOD;
      case "params" -> SEEN_PARAMS;
      case "id" -> SEEN_ID;
      default -> 0;
    };
  }

  // The message stays the specification's own text, so replies match its examples exactly; the
  // reason is for the server's log.
  private static ErrorObject invalid(String detail) {
    LOG.debug("Invalid Request: {}", detail);
    return ErrorObject.INVALID_REQUEST;
  }

  private static ErrorObject limitExceeded(String detail) {
    LOG.debug("Request refused: {}", detail);
    return ErrorObject.INVALID_REQUEST.withData(TextNode.valueOf(detail));
  }
}
