package io.gradesim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * One finished run as the report sees it: its summary figures, its feedback-time distribution
 * and its reduced time series.
 */
public record RunResult(Path dir, ReportRow summary, FeedbackDistribution feedback,
    TimeSeries series) {

  /** Reads a run directory; {@code bytesRead} reports progress through submissions.csv. */
  public static RunResult read(Path dir, LongConsumer bytesRead) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + ": not a directory (expected a finished run directory)");
    }
    ReportRow summary = ReportRow.read(dir);
    FeedbackDistribution feedback =
        FeedbackDistribution.read(require(dir, "submissions.csv"), bytesRead);
    TimeSeries series = TimeSeries.read(require(dir, "timeseries.csv"));
    return new RunResult(dir, summary.fillFrom(feedback), feedback, series);
  }

  /** The scenario's name. */
  public String name() {
    return summary.scenario();
  }

  static Path require(Path dir, String name) throws IOException {
    Path p = dir.resolve(name);
    if (!Files.isRegularFile(p)) {
      throw new IOException(p + ": missing (is " + dir + " a finished run directory?)");
    }
    return p;
  }
}
