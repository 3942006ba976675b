package io.gradesim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The report module's test fixtures (runs, scenarios, a profile), read from its source tree: under
 * {@code verify} they sit inside a test jar, where they are not files.
 */
final class ReportFixtures {
  private ReportFixtures() {}

  /** The fixture at {@code relative} below the report's {@code src/test/resources/report}. */
  static Path of(String relative) {
    return Path.of("")
        .toAbsolutePath()
        .getParent()
        .resolve("report/src/test/resources/report")
        .resolve(relative);
  }

  /** Writes the 240-row trace the small scenarios replay (a submission every 4 s, 3 tasks). */
  static Path trace(Path file) throws IOException {
    StringBuilder csv = new StringBuilder("id,submitted_at,course,task,users\n");
    for (int i = 0; i < 240; i++) {
      csv.append(
          String.format(
              Locale.ROOT,
              "s%d,2024-03-08T09:%02d:%02d.000Z,c,t%d,u%d%n",
              i,
              i * 4 / 60,
              i * 4 % 60,
              i % 3,
              i % 60));
    }
    return Files.writeString(file, csv);
  }
}
