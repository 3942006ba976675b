package io.gradesim.probes.thesis;

/**
 * One legend entry of a thesis test: a stage and its samples in seconds. The series are cumulative:
 * each value is the time from the start of {@code Create} to the end of this stage.
 *
 * @param stage the legend entry (Create, Start, Exec, 1st response, Ping)
 * @param seconds the samples as the file lists them (usually 20, 17 to 19 in a few, 0 for some
 *     pings)
 */
public record ThesisSeries(String stage, double[] seconds) {

  /** The thesis' statistic and the project's over these samples. */
  public ThesisStatistics statistics() {
    return ThesisStatistics.of(seconds);
  }
}
