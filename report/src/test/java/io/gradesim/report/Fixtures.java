package io.gradesim.report;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of the hand-made fixtures under {@code src/test/resources/report}. */
final class Fixtures {
  private Fixtures() {}

  /** A resource folder or file under {@code report/}. */
  static Path resource(String relative) {
    try {
      return Path.of(Fixtures.class.getResource("/report/" + relative).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new AssertionError("test resource report/" + relative + " is missing", e);
    }
  }
}
