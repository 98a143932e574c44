package io.jsonrpc2.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jsonrpc2.message.Id;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the client must know about a message its caller wrote as JSON: whether it is one, and the
 * ids of the requests in it (kept as their exact text, so the responses match).
 *
 * @param requestIds the ids of the requests, in order; empty when it holds notifications only
 * @param batch whether the message is a JSON array
 */
record RawMessage(List<Id> requestIds, boolean batch) {

  /**
   * @throws IllegalArgumentException unless {@code json} is one request or notification object or a
   *     non-empty array of them, with a string {@code method}, a string, number or null {@code id}
   *     when there is one, and no id twice
   */
  static RawMessage inspect(byte[] json, JsonFactory factory) {
    try (JsonParser parser = factory.createParser(json)) {
      JsonToken first = parser.nextToken();
      List<Id> ids = new ArrayList<>();
      Set<Id> unique = new HashSet<>();
      boolean batch = first == JsonToken.START_ARRAY;
      if (batch) {
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          readCall(parser, "element " + index++, ids, unique);
        }
        if (index == 0) {
          throw new IllegalArgumentException("an empty batch cannot be sent");
        }
      } else {
        readCall(parser, "the message", ids, unique);
      }
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("content after the end of the JSON value");
      }
      return new RawMessage(List.copyOf(ids), batch);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + Throwables.reason(e), e);
    }
  }

  private static void readCall(JsonParser parser, String what, List<Id> ids, Set<Id> unique)
      throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw new IllegalArgumentException(what + " is not a request or notification object");
    }
    boolean hasMethod = false;
    Id id = null;
    String name;
    while ((name = parser.nextFieldName()) != null) {
      JsonToken value = parser.nextToken();
      if (name.equals("method")) {
        hasMethod = value == JsonToken.VALUE_STRING;
      } else if (name.equals("id")) {
        id =
            switch (value) {
              case VALUE_STRING -> Id.of(parser.getText());
              case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Id.ofNumberText(parser.getText());
              case VALUE_NULL -> Id.NULL;
              default ->
                  throw new IllegalArgumentException(
                      what + ": 'id' must be a string, a number or null");
            };
      } else {
        parser.skipChildren();
      }
    }
    if (!hasMethod) {
      throw new IllegalArgumentException(
          what + " has no string 'method'; use sendRawAsync to send anything at all");
    }
    if (id != null) {
      if (!unique.add(id)) {
        throw new IllegalArgumentException(
            "the id " + id + " appears twice; the responses could not be told apart");
      }
      ids.add(id);
    }
  }
}
