package io.jsonrpc2.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.BooleanSerializer;
import com.fasterxml.jackson.databind.ser.std.NumberSerializers;
import io.jsonrpc2.message.ErrorObject;
import io.jsonrpc2.message.Id;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@link Outcome}s as response bytes, in the member order of the specification's examples
 * ({@code jsonrpc}, {@code result} or {@code error}, {@code id}). {@code "result": null} is always
 * written out. Common replies are written by {@link PlainReplyWriter} when it was found to write
 * exactly what the mapper's generator writes; every other reply goes through Jackson's streaming
 * generator and the mapper.
 */
public final class ResponseEncoder {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseEncoder.class);

  private final ObjectMapper mapper;
  private final JsonFactory factory;
  private final boolean plainScalars;
  private final @Nullable PlainReplyWriter
      plain; // null when it does not write what the generator writes

  /** True when common replies skip the generator (see {@link PlainReplyWriter}). */
  boolean writesPlainReplies() {
    return plain != null;
  }

  public ResponseEncoder(ObjectMapper mapper) {
    this.mapper = mapper;
    this.factory = mapper.getFactory();
    this.plainScalars = writesPlainScalars(mapper);
    PlainReplyWriter writer = new PlainReplyWriter(plainScalars);
    this.plain = writesAsTheGenerator(writer) ? writer : null;
  }

  /**
   * Whether {@code writer} writes the same bytes as this mapper's generator: the generator must be
   * Jackson's UTF-8 one with the default escaping (no escaped non-ASCII, no custom escapes, upper
   * case hex, slashes and surrogates as by default, quoted names and numbers written as numbers),
   * and replies made of plain ASCII values must come out the same (which covers the quote
   * character, separators and any output decorator). A factory set up otherwise has its generator
   * write every reply.
   *
   * <p>The samples are plain ASCII on purpose: exotic characters here would teach the JIT that the
   * generator's rare paths are common, and make it slower on long strings for the rest of the run.
   */
  private boolean writesAsTheGenerator(PlainReplyWriter writer) {
    try (JsonGenerator gen =
        factory.createGenerator(new ByteArrayOutputStream(), JsonEncoding.UTF8)) {
      if (gen.getClass() != UTF8JsonGenerator.class
          || gen.getCharacterEscapes() != null
          || gen.getHighestEscapedChar() != 0
          || gen.getPrettyPrinter() != null
          || !gen.isEnabled(JsonWriteFeature.QUOTE_FIELD_NAMES.mappedFeature())
          || !gen.isEnabled(JsonWriteFeature.WRITE_HEX_UPPER_CASE.mappedFeature())
          || gen.isEnabled(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature())
          || gen.isEnabled(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS.mappedFeature())
          || gen.isEnabled(JsonGenerator.Feature.ESCAPE_FORWARD_SLASHES)
          || gen.isEnabled(JsonGenerator.Feature.COMBINE_UNICODE_SURROGATES_IN_UTF8)) {
        return false;
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
    List<Outcome> samples = new ArrayList<>();
    for (Id id :
        List.of(
            Id.of(1),
            Id.of(-42),
            Id.ofNumberText("12345678901234567890.5e-3"),
            Id.NULL,
            Id.of("k/1"))) {
      samples.add(Outcome.success(id, null));
      samples.add(Outcome.success(id, "a b/c"));
      samples.add(Outcome.failure(id, ErrorObject.of(-32601, "Method not found")));
    }
    for (Object result : List.of(0, Integer.MIN_VALUE, Long.MAX_VALUE, true, false)) {
      samples.add(Outcome.success(Id.of(7), result));
    }
    List<Outcome> written = new ArrayList<>();
    for (Outcome sample : samples) {
      if (writer.canWrite(sample)) {
        written.add(sample);
        if (!Arrays.equals(
            writePlain(writer, List.of(sample), false),
            encodeWithGenerator(List.of(sample), false))) {
          return false;
        }
      }
    }
    return Arrays.equals(writePlain(writer, written, true), encodeWithGenerator(written, true));
  }

  /**
   * True when the mapper writes Integer, Long and Boolean results with Jackson's own serializers
   * and nothing around them (no root wrapping, no type ids, no pretty printer that it would set on
   * the generator): then the encoder writes them itself, without a serializer provider per reply,
   * and the bytes are the same.
   */
  private static boolean writesPlainScalars(ObjectMapper mapper) {
    SerializationConfig config = mapper.getSerializationConfig();
    if (config.isEnabled(SerializationFeature.INDENT_OUTPUT)
        || config.isEnabled(SerializationFeature.WRAP_ROOT_VALUE)
        || (config.getFullRootName() != null && !config.getFullRootName().isEmpty())) {
      return false;
    }
    try {
      SerializerProvider provider = mapper.getSerializerProviderInstance();
      return provider.findTypedValueSerializer(Integer.class, true, null).getClass()
              == NumberSerializers.IntegerSerializer.class
          && provider.findTypedValueSerializer(Long.class, true, null).getClass()
              == NumberSerializers.LongSerializer.class
          && provider.findTypedValueSerializer(Boolean.class, true, null).getClass()
              == BooleanSerializer.class
          && mapper.writeValueAsString(-7).equals("-7")
          && mapper.writeValueAsString(9_007_199_254_740_993L).equals("9007199254740993")
          && mapper.writeValueAsString(true).equals("true");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  public byte[] encode(Outcome outcome) {
    if (plain != null && plain.canWrite(outcome)) {
      return writePlain(plain, List.of(outcome), false);
    }
    return encodeWithGenerator(List.of(outcome), false);
  }

  /** Writes a batch reply: a JSON array of the outcomes, in the given order. */
  public byte[] encodeBatch(List<Outcome> outcomes) {
    if (plain != null && allPlain(plain, outcomes)) {
      return writePlain(plain, outcomes, true);
    }
    return encodeWithGenerator(outcomes, true);
  }

  private static boolean allPlain(PlainReplyWriter plain, List<Outcome> outcomes) {
    for (Outcome outcome : outcomes) {
      if (!plain.canWrite(outcome)) {
        return false;
      }
    }
    return true;
  }

  byte[] writePlain(PlainReplyWriter writer, List<Outcome> outcomes, boolean asArray) {
    int length = asArray ? 1 + outcomes.size() : 0; // brackets and commas
    for (int i = 0; i < outcomes.size(); i++) {
      length += writer.length(outcomes.get(i));
    }
    byte[] reply = new byte[length];
    int at = 0;
    if (asArray) {
      reply[at++] = '[';
    }
    for (int i = 0; i < outcomes.size(); i++) {
      if (i > 0) {
        reply[at++] = ',';
      }
      at = writer.write(outcomes.get(i), reply, at);
    }
    if (asArray) {
      reply[at++] = ']';
    }
    if (at != length) {
      throw new IllegalStateException("reply of " + at + " bytes, " + length + " expected");
    }
    return reply;
  }

  byte[] encodeWithGenerator(List<Outcome> outcomes, boolean asArray) {
    BufferRecycler recycler = factory._getBufferRecycler();
    MessageOutput out = new MessageOutput(recycler);
    try {
      // A result that cannot be serialised is found only while writing; it is replaced by an
      // internal error and the message written again, so one bad result never spoils the others.
      List<Outcome> current = outcomes;
      while (true) {
        int failed = write(current, asArray, out);
        if (failed < 0) {
          return out.toByteArray();
        }
        out.reset();
        current = new ArrayList<>(current);
        current.set(failed, Outcome.failure(current.get(failed).id(), ErrorObject.INTERNAL_ERROR));
      }
    } finally {
      out.release();
      recycler.releaseToPool();
    }
  }

  private int write(List<Outcome> outcomes, boolean asArray, MessageOutput out) {
    int index = 0;
    try (JsonGenerator gen = factory.createGenerator(out, JsonEncoding.UTF8)) {
      gen.setCodec(mapper);
      if (asArray) {
        gen.writeStartArray();
      }
      for (; index < outcomes.size(); index++) {
        writeOne(gen, outcomes.get(index));
      }
      if (asArray) {
        gen.writeEndArray();
      }
      return -1;
    } catch (IOException e) {
      if (outcomes.get(index).error() != null) {
        throw new UncheckedIOException("writing an error object failed", e);
      }
      LOG.error(
          "The result of request {} could not be written as JSON", outcomes.get(index).id(), e);
      return index;
    }
  }

  private void writeOne(JsonGenerator gen, Outcome outcome) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("jsonrpc", "2.0");
    ErrorObject error = outcome.error();
    if (error != null) {
      gen.writeFieldName("error");
      writeError(gen, error);
    } else {
      gen.writeFieldName("result");
      Object result = outcome.result();
      if (result == null) {
        gen.writeNull();
      } else if (result instanceof String s) {
        gen.writeString(s);
      } else if (plainScalars && result instanceof Integer i) {
        gen.writeNumber(i.intValue());
      } else if (plainScalars && result instanceof Long l) {
        gen.writeNumber(l.longValue());
      } else if (plainScalars && result instanceof Boolean b) {
        gen.writeBoolean(b);
      } else if (result instanceof JsonNode node) {
        gen.writeTree(node);
      } else {
        mapper.writeValue(gen, result);
      }
    }
    gen.writeFieldName("id");
    writeId(gen, outcome.id());
    gen.writeEndObject();
  }

  static void writeError(JsonGenerator gen, ErrorObject error) throws IOException {
    gen.writeStartObject();
    gen.writeNumberField("code", error.code());
    gen.writeStringField("message", error.message());
    if (error.data() != null) {
      gen.writeFieldName("data");
      gen.writeTree(error.data());
    }
    gen.writeEndObject();
  }

  static void writeId(JsonGenerator gen, Id id) throws IOException {
    switch (id.kind()) {
      case STRING -> gen.writeString(id.text());
      case NUMBER -> gen.writeNumber(id.text());
      case NULL -> gen.writeNull();
    }
  }
}
