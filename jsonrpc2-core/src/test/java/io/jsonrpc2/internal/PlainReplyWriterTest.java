package io.jsonrpc2.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.message.ErrorObject;
import io.jsonrpc2.message.Id;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The plain writer writes the same bytes as Jackson's generator, or is not used at all. */
class PlainReplyWriterTest {
  private static final ObjectMapper MAPPER = JsonRpcService.builder().build().mapper();

  private static String randomText(Random random) {
    int length = random.nextInt(40);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(5)) {
        case 0 -> text.append((char) random.nextInt(0x80));
        case 1 -> text.append((char) (0x80 + random.nextInt(0x780)));
        case 2 -> text.append((char) (0x800 + random.nextInt(0xF800)));
        case 3 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
        default -> text.append("abc \"\\/\n");
      }
    }
    return text.toString();
  }

  private static Id randomId(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> Id.of(random.nextLong());
      case 1 -> Id.of(randomText(random));
      case 2 -> Id.ofNumberText("-1.25e" + random.nextInt(100));
      default -> Id.NULL;
    };
  }

  private static Object randomResult(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> null;
      case 1 -> random.nextInt();
      case 2 -> random.nextLong();
      case 3 -> random.nextBoolean();
      default -> randomText(random);
    };
  }

  @Test
  void writesWhatTheGeneratorWritesForRandomReplies() {
    ResponseEncoder encoder = new ResponseEncoder(MAPPER);
    assertThat(encoder.writesPlainReplies()).isTrue();
    PlainReplyWriter writer = new PlainReplyWriter(true);
    Random random = new Random(20260101);
    for (int round = 0; round < 2000; round++) {
      List<Outcome> batch = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(4); i++) {
        Id id = randomId(random);
        batch.add(
            random.nextInt(4) == 0
                ? Outcome.failure(id, ErrorObject.of(random.nextInt(), randomText(random)))
                : Outcome.success(id, randomResult(random)));
      }
      assertThat(
              new String(
                  encoder.writePlain(writer, batch, true), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(
              new String(
                  encoder.encodeWithGenerator(batch, true),
                  java.nio.charset.StandardCharsets.UTF_8));
      assertThat(encoder.writePlain(writer, batch.subList(0, 1), false))
          .isEqualTo(encoder.encodeWithGenerator(batch.subList(0, 1), false));
    }
  }

  @Test
  void isNotUsedWhenTheMapperWritesOtherwise() {
    for (JsonWriteFeature feature :
        List.of(
            JsonWriteFeature.ESCAPE_NON_ASCII,
            JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS,
            JsonWriteFeature.ESCAPE_FORWARD_SLASHES)) {
      assertThat(
              new ResponseEncoder(JsonMapper.builder().enable(feature).build())
                  .writesPlainReplies())
          .as(feature.name())
          .isFalse();
    }
    assertThat(
            new ResponseEncoder(
                    JsonMapper.builder().disable(JsonWriteFeature.QUOTE_FIELD_NAMES).build())
                .writesPlainReplies())
        .isFalse();
  }
}
