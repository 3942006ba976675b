package io.gradesim.probes.thesis;

import java.util.List;

/**
 * One test of a thesis configuration (Hello World, Http server, Database read xs, ...) with its
 * cumulative stage series in legend order.
 *
 * @param name the test's name as the file keys it
 * @param series one per legend entry, in legend order
 */
public record ThesisTest(String name, List<ThesisSeries> series) {

  /** The Hello World test's name. */
  public static final String HELLO_WORLD = "Hello World";

  /** The series of {@code stage}, or an IllegalArgumentException naming the stages there are. */
  public ThesisSeries stage(String stage) {
    for (ThesisSeries s : series) {
      if (s.stage().equals(stage)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "test '"
            + name
            + "' has no stage '"
            + stage
            + "' (has: "
            + String.join(", ", series.stream().map(ThesisSeries::stage).toList())
            + ")");
  }

  /** The last series: the whole test from the start of create, as the thesis plots it. */
  public ThesisSeries whole() {
    return series.get(series.size() - 1);
  }
}
