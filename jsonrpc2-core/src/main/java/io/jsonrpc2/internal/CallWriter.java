package io.jsonrpc2.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonrpc2.message.Id;
import io.jsonrpc2.message.Message;
import io.jsonrpc2.message.Notification;
import io.jsonrpc2.message.Request;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes outgoing requests and notifications as JSON, members in the specification's order: {@code
 * jsonrpc}, {@code method}, {@code params} (left out when null), {@code id} (left out for a
 * notification). Thread-safe.
 */
public final class CallWriter {
  private final ObjectMapper mapper;

  public CallWriter(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Writes {@code messages} as one message.
   *
   * @param asBatch write a JSON array (even of one element) instead of a single object
   * @throws IllegalArgumentException if the params cannot be written as JSON
   */
  public byte[] write(List<? extends Message> messages, boolean asBatch) {
    BufferRecycler recycler = mapper.getFactory()._getBufferRecycler();
    MessageOutput out = new MessageOutput(recycler);
    try (JsonGenerator gen = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      gen.setCodec(mapper);
      if (asBatch) {
        gen.writeStartArray();
      }
      for (Message message : messages) {
        if (message instanceof Request request) {
          writeCall(gen, request.method(), request.params(), request.id());
        } else {
          Notification notification = (Notification) message;
          writeCall(gen, notification.method(), notification.params(), null);
        }
      }
      if (asBatch) {
        gen.writeEndArray();
      }
      gen.flush();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "params could not be written as JSON: " + Throwables.reason(e), e);
    } finally {
      out.release();
      recycler.releaseToPool();
    }
  }

  private void writeCall(JsonGenerator gen, String method, @Nullable Object params, @Nullable Id id)
      throws IOException {
    gen.writeStartObject();
    gen.writeStringField("jsonrpc", "2.0");
    gen.writeStringField("method", method);
    if (params != null) {
      gen.writeFieldName("params");
      mapper.writeValue(gen, params);
    }
    if (id != null) {
      gen.writeFieldName("id");
      ResponseEncoder.writeId(gen, id);
    }
    gen.writeEndObject();
  }
}
