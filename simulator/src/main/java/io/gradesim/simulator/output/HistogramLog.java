package io.gradesim.simulator.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes a run's durations as an HdrHistogram log ({@code HistogramLogWriter}, format 1.3): the raw
 * distribution behind the percentiles of {@code summary.json}, in microseconds, one interval
 * spanning the run. Its start and base time are the run's epoch (virtual time), never the wall
 * clock, so the same events give the same bytes. Source: Gil Tene's HdrHistogram, {@code
 * HistogramLogWriter} and {@code HistogramLogReader}.
 */
final class HistogramLog {
  /** Interval values are microseconds; the log's max column shows seconds. */
  static final double MICROS_PER_SECOND = 1e6;

  private HistogramLog() {}

  /**
   * Writes {@code stats} to {@code file} as one interval from virtual time {@code fromMicros} to
   * {@code toMicros}, with start time {@code epochMicros} (µs since 1970, virtual time 0).
   */
  static void write(
      Path file, String what, DurationStats stats, long epochMicros, long fromMicros, long toMicros)
      throws IOException {
    try (PrintStream out =
        new PrintStream(
            new BufferedOutputStream(Files.newOutputStream(file)), false, StandardCharsets.UTF_8)) {
      HistogramLogWriter log = new HistogramLogWriter(out);
      log.outputLogFormatVersion();
      log.outputComment(
          "["
              + what
              + " of the run in microseconds; one interval, its times in"
              + " seconds of virtual time since StartTime]");
      // outputStartTime would add the local time zone's rendering of the date: write it in UTC.
      log.outputComment(
          String.format(
              Locale.ROOT,
              "[StartTime: %.3f (seconds since epoch), %s]",
              epochMicros / MICROS_PER_SECOND,
              CsvSink.formatInstant(epochMicros)));
      log.outputBaseTime(Math.floorDiv(epochMicros, 1000));
      log.outputLegend();
      log.outputIntervalHistogram(
          fromMicros / MICROS_PER_SECOND,
          toMicros / MICROS_PER_SECOND,
          stats.histogram(),
          MICROS_PER_SECOND);
      if (out.checkError()) {
        throw new IOException(file + ": could not be written (is the disk full?)");
      }
    }
  }
}
