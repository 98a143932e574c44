package io.jsonrpc2.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}, plain seconds ({@code 1.5}) or ISO-8601
 * ({@code PT5S}).
 */
final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    Duration duration;
    try {
      if (value.startsWith("pt")) {
        duration = Duration.parse(value.toUpperCase(Locale.ROOT));
      } else if (value.endsWith("ms")) {
        duration = Duration.ofNanos(nanos(value.substring(0, value.length() - 2), 1_000_000L));
      } else if (value.endsWith("s")) {
        duration = Duration.ofNanos(nanos(value.substring(0, value.length() - 1), 1_000_000_000L));
      } else if (value.endsWith("m")) {
        duration = Duration.ofNanos(nanos(value.substring(0, value.length() - 1), 60_000_000_000L));
      } else if (value.endsWith("h")) {
        duration =
            Duration.ofNanos(nanos(value.substring(0, value.length() - 1), 3_600_000_000_000L));
      } else {
        duration = Duration.ofNanos(nanos(value, 1_000_000_000L));
      }
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      throw new TypeConversionException(
          "'" + text + "' is not a duration (say 30s, 500ms, 2m or 1.5)");
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new TypeConversionException("'" + text + "' is not a positive duration");
    }
    return duration;
  }

  private static long nanos(String number, long unit) {
    return new BigDecimal(number.trim()).multiply(BigDecimal.valueOf(unit)).longValueExact();
  }
}
