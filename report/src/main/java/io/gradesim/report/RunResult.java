package io.gradesim.report;

import io.gradesim.simulator.output.RunOutputWriter;
import io.gradesim.simulator.output.SummaryKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * One finished run as the report sees it: its summary figures, its feedback-time distribution (from
 * its histogram logs) and its reduced time series.
 */
public record RunResult(
    Path dir, ReportRow summary, FeedbackDistribution feedback, TimeSeries series) {

  /**
   * Reads a run directory: its summary, its histogram logs and its time series; a run written
   * before the logs existed has its submissions.csv streamed instead. {@code bytesRead} reports
   * progress through what it reads of the distributions (see {@link #bytesToRead}).
   */
  public static RunResult read(Path dir, LongConsumer bytesRead) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + ": not a directory (expected a finished run directory)");
    }
    SummaryFile file = SummaryFile.read(dir.resolve(RunOutputWriter.SUMMARY));
    ReportRow summary = ReportRow.of(dir, file);
    FeedbackDistribution feedback;
    if (HistogramLogs.present(dir, RunOutputWriter.WAIT_LOG, RunOutputWriter.FEEDBACK_LOG)) {
      feedback =
          FeedbackDistribution.readLogs(
              dir.resolve(RunOutputWriter.WAIT_LOG),
              dir.resolve(RunOutputWriter.FEEDBACK_LOG),
              file.number(SummaryKey.WAIT_MAX_S),
              file.number(SummaryKey.FEEDBACK_MAX_S),
              file.number(SummaryKey.SUBMISSIONS));
      bytesRead.accept(bytesToRead(dir));
    } else {
      feedback = FeedbackDistribution.read(require(dir, RunOutputWriter.SUBMISSIONS), bytesRead);
    }
    TimeSeries series = TimeSeries.read(require(dir, RunOutputWriter.TIMESERIES));
    return new RunResult(dir, summary.fillFrom(feedback), feedback, series);
  }

  /**
   * Bytes {@link #read} goes through for the distributions of {@code dir}: its two logs, or its
   * submissions.csv for a run without them; 0 for files missing (reported when read).
   */
  public static long bytesToRead(Path dir) {
    List<String> files =
        HistogramLogs.present(dir, RunOutputWriter.WAIT_LOG, RunOutputWriter.FEEDBACK_LOG)
            ? List.of(RunOutputWriter.WAIT_LOG, RunOutputWriter.FEEDBACK_LOG)
            : List.of(RunOutputWriter.SUBMISSIONS);
    long total = 0;
    for (String f : files) {
      try {
        total += Files.size(dir.resolve(f));
      } catch (IOException e) {
        // Missing files are reported with their name when read; count them as empty here.
      }
    }
    return total;
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
