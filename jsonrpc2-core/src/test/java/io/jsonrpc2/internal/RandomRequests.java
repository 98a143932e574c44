package io.jsonrpc2.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Random JSON-RPC messages, mostly well formed, with every kind of value in every place. */
final class RandomRequests {
  private static final String[] METHODS = {
    "echo", "subtract", "twice", "not", "maybe", "context", "count", "sum", "any", "nope", "nothing"
  };
  private static final String[] NAMES = {
    "value", "minuend", "subtrahend", "n", "values", "context", "x", "value\\u0020"
  };
  private static final String SPACE = " \t\n\r";
  private static final String EDITS = "{}[],:\"\\ 0123456789-+.eEtfnul\u00e9\u0001\u000bx";

  private RandomRequests() {}

  static String message(Random random) {
    if (random.nextInt(5) == 0) {
      List<String> entries = new ArrayList<>();
      int size = random.nextInt(6);
      for (int i = 0; i < size; i++) {
        entries.add(random.nextInt(10) == 0 ? value(random, 2) : entry(random));
      }
      return space(random) + "[" + String.join("," + space(random), entries) + "]" + space(random);
    }
    return space(random) + entry(random) + space(random);
  }

  static String entry(Random random) {
    List<String> members = new ArrayList<>();
    if (random.nextInt(20) != 0) {
      members.add(
          "\"jsonrpc\":" + space(random) + (random.nextInt(20) == 0 ? "\"1.0\"" : "\"2.0\""));
    }
    if (random.nextInt(20) != 0) {
      members.add("\"method\":\"" + METHODS[random.nextInt(METHODS.length)] + "\"");
    }
    if (random.nextInt(4) != 0) {
      members.add("\"params\":" + space(random) + params(random));
    }
    if (random.nextInt(4) != 0) {
      members.add("\"id\":" + id(random));
    }
    if (random.nextInt(8) == 0) {
      members.add("\"" + NAMES[random.nextInt(NAMES.length)] + "\":" + value(random, 3));
    }
    if (random.nextInt(4) != 0) {
      // Mostly the order clients use; sometimes any order.
      if (random.nextInt(3) == 0) {
        Collections.shuffle(members, random);
      }
    }
    if (random.nextInt(30) == 0 && !members.isEmpty()) {
      members.add(members.get(random.nextInt(members.size())));
    }
    return "{" + space(random) + String.join("," + space(random), members) + space(random) + "}";
  }

  private static String params(Random random) {
    int count = random.nextInt(4);
    List<String> values = new ArrayList<>();
    boolean named = random.nextInt(3) == 0;
    for (int i = 0; i < count; i++) {
      String value = value(random, 2);
      values.add(
          named
              ? "\""
                  + NAMES[random.nextInt(NAMES.length)]
                  + "\""
                  + space(random)
                  + ":"
                  + space(random)
                  + value
              : value);
    }
    return named
        ? "{" + String.join(",", values) + "}"
        : "[" + String.join("," + space(random), values) + "]";
  }

  private static String id(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> "\"" + word(random) + "\"";
      case 1 -> "null";
      case 2 -> Long.toString(random.nextLong());
      case 3 -> "1.5";
      case 4 -> "-0";
      case 5 -> "true";
      default -> Integer.toString(random.nextInt(2000));
    };
  }

  static String value(Random random, int depth) {
    int kind = random.nextInt(depth > 0 ? 12 : 9);
    return switch (kind) {
      case 0 -> "\"" + word(random) + "\"";
      case 1 -> Integer.toString(random.nextInt());
      case 2 -> Long.toString(random.nextLong());
      case 3 -> random.nextBoolean() ? "true" : "false";
      case 4 -> "null";
      case 5 -> random.nextInt(100) + "." + random.nextInt(100);
      case 6 -> "\"" + word(random) + "\\n\\u00e9\"";
      case 7 -> "\"\u00e9" + word(random) + "\"";
      case 8 -> "12345678901234567890";
      case 9 -> "[" + value(random, depth - 1) + "," + value(random, depth - 1) + "]";
      case 10 -> "{\"" + word(random) + "\":" + value(random, depth - 1) + "}";
      default -> "[]";
    };
  }

  private static String word(Random random) {
    StringBuilder word = new StringBuilder();
    int length = random.nextInt(8);
    for (int i = 0; i < length; i++) {
      word.append((char) (0x20 + random.nextInt(0x5F)));
    }
    return word.toString().replace("\\", "").replace("\"", "");
  }

  private static String space(Random random) {
    return random.nextInt(3) == 0
        ? String.valueOf(SPACE.charAt(random.nextInt(SPACE.length())))
        : "";
  }

  static String mutate(String message, Random random) {
    StringBuilder text = new StringBuilder(message);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits && text.length() > 0; i++) {
      int at = random.nextInt(text.length());
      char c = EDITS.charAt(random.nextInt(EDITS.length()));
      switch (random.nextInt(3)) {
        case 0 -> text.deleteCharAt(at);
        case 1 -> text.insert(at, c);
        default -> text.setCharAt(at, c);
      }
    }
    return text.toString();
  }
}
