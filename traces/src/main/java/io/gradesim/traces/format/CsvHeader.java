package io.gradesim.traces.format;

import io.gradesim.traces.Excerpt;
import io.gradesim.traces.TraceFormatException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The header row of a CSV input: finds columns by name (exactly, else ignoring case) and fails on
 * line 1 naming a required column that is missing.
 */
public final class CsvHeader {
  private static final int LISTED = 20;
  private final Path file;
  private final List<String> names;

  /** The header of {@code file}, with its column names in order. */
  public CsvHeader(Path file, List<String> names) {
    this.file = file;
    this.names = List.copyOf(names);
  }

  /** The column names, in file order. */
  public List<String> names() {
    return names;
  }

  /** The index of column {@code name}, or -1 when the file has no such column. */
  public int index(String name) {
    int exact = names.indexOf(name);
    if (exact >= 0) {
      return exact;
    }
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    return -1;
  }

  /** The index of column {@code name}, failing on line 1 when it is missing. */
  public int require(String name) {
    int at = index(name);
    if (at < 0) {
      throw missing(name, "required column is missing");
    }
    return at;
  }

  /** An error on line 1 about column {@code name}, listing (the first) columns the file has. */
  public TraceFormatException missing(String name, String reason) {
    List<String> shown = names.stream().limit(LISTED).map(Excerpt::of).toList();
    String more = names.size() > LISTED ? " and " + (names.size() - LISTED) + " more" : "";
    return new TraceFormatException(
        file,
        1,
        name,
        reason
            + "; the header has: "
            + (names.isEmpty() ? "(nothing)" : String.join(", ", shown) + more));
  }
}
