package io.jsonrpc2.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/** Small helpers for reading exceptions. */
public final class Throwables {
  private Throwables() {}

  /** The cause behind the wrappers that futures and reflection put around it. */
  public static Throwable unwrap(Throwable t) {
    Throwable current = t;
    while ((current instanceof CompletionException
            || current instanceof ExecutionException
            || current instanceof InvocationTargetException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /** Jackson's own explanation of a failure, without its source location suffix. */
  public static String reason(Throwable e) {
    Throwable t = e;
    while (!(t instanceof JsonProcessingException) && t.getCause() != null) {
      t = t.getCause();
    }
    String message =
        t instanceof JsonProcessingException j
            ? j.getOriginalMessage()
            : String.valueOf(t.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /**
   * The syntax error or exceeded read limit behind {@code e}, if there is one: a failure of the
   * input itself rather than of a value that does not fit its type (databind may wrap it).
   */
  public static @Nullable IOException streamFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonParseException || t instanceof StreamConstraintsException) {
        return (IOException) t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
