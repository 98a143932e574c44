package io.jsonrpc2.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks documented terminal output against a process's two streams: the documented lines must be
 * the stdout lines and the stderr lines, each stream in its own order, interleaved in some way (a
 * terminal shows them as they come). A documented line ending in "..." matches any line that starts
 * with the text before it.
 */
final class Interleaving {
  private static final String OUT = "1";
  private static final String ERR = "2";

  private Interleaving() {}

  /** A line a shell builtin printed on stdout, tagged as {@link #tagged} tags them. */
  static String stdout(String line) {
    return OUT + line;
  }

  /** Each stdout line prefixed by "1" and each stderr line by "2". */
  static List<String> tagged(CliProcess.Result result) {
    List<String> lines = new ArrayList<>();
    result.outLines().forEach(line -> lines.add(OUT + line));
    result.errLines().forEach(line -> lines.add(ERR + line));
    return lines;
  }

  static boolean matches(List<String> expected, List<String> tagged) {
    List<String> out = new ArrayList<>();
    List<String> err = new ArrayList<>();
    for (String line : tagged) {
      (line.startsWith(OUT) ? out : err).add(line.substring(1));
    }
    if (out.size() + err.size() != expected.size()) {
      return false;
    }
    // can[i][j]: the first i+j expected lines are the first i stdout and first j stderr lines.
    boolean[][] can = new boolean[out.size() + 1][err.size() + 1];
    can[0][0] = true;
    for (int i = 0; i <= out.size(); i++) {
      for (int j = 0; j <= err.size(); j++) {
        if (i + j == 0) {
          continue;
        }
        String line = expected.get(i + j - 1);
        can[i][j] =
            (i > 0 && can[i - 1][j] && same(line, out.get(i - 1)))
                || (j > 0 && can[i][j - 1] && same(line, err.get(j - 1)));
      }
    }
    return can[out.size()][err.size()];
  }

  private static boolean same(String documented, String actual) {
    return documented.endsWith("...")
        ? actual.startsWith(documented.substring(0, documented.length() - 3))
        : actual.equals(documented);
  }
}
