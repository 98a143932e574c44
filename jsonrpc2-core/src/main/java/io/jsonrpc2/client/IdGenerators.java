package io.jsonrpc2.client;

import io.jsonrpc2.message.Id;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The built-in id generators (jsonrpcclient's id iterators). Each call returns a new generator with
 * its own state; every generator is thread-safe and lock-free.
 */
public final class IdGenerators {
  /** The alphabet of {@link #random()}: digits and lower-case letters. */
  public static final String LOWER_ALPHANUMERIC = "0123456789abcdefghijklmnopqrstuvwxyz";

  private IdGenerators() {}

  /** 1, 2, 3, ... as JSON numbers. The default. */
  public static IdGenerator decimal() {
    AtomicLong counter = new AtomicLong();
    return () -> Id.of(counter.incrementAndGet());
  }

  /**
   * "1", "2", ... "9", "a", "b", ... as JSON strings: a counter written in lower-case hexadecimal.
   */
  public static IdGenerator hex() {
    AtomicLong counter = new AtomicLong();
    return () -> Id.of(Long.toHexString(counter.incrementAndGet()));
  }

  /**
   * A random (version 4) UUID string per request, such as "9bfe2c93-717e-4a45-b91b-55422c5af4ff".
   */
  public static IdGenerator uuid() {
    return () -> Id.of(UUID.randomUUID().toString());
  }

  /**
   * A random string of 8 characters from {@link #LOWER_ALPHANUMERIC}, such as "fubui5e6": about 2.8
   * million million possible ids.
   */
  public static IdGenerator random() {
    return random(8, LOWER_ALPHANUMERIC);
  }

  /**
   * A random string of {@code length} characters drawn from {@code alphabet} with a {@link
   * SecureRandom}. Ids are not guaranteed distinct; the client redraws one that a waiting call
   * already uses.
   *
   * @throws IllegalArgumentException if {@code length} is below 1 or {@code alphabet} has fewer
   *     than two distinct characters
   */
  public static IdGenerator random(int length, String alphabet) {
    Objects.requireNonNull(alphabet, "alphabet");
    if (length < 1) {
      throw new IllegalArgumentException("length must be at least 1, got " + length);
    }
    if (alphabet.chars().distinct().count() < 2) {
      throw new IllegalArgumentException(
          "alphabet must have at least two distinct characters, got \"" + alphabet + "\"");
    }
    char[] chars = alphabet.toCharArray();
    SecureRandom random = new SecureRandom();
    return () -> {
      char[] id = new char[length];
      for (int i = 0; i < length; i++) {
        id[i] = chars[random.nextInt(chars.length)];
      }
      return Id.of(new String(id));
    };
  }
}
