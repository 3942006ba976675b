package io.gradesim.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;
import org.HdrHistogram.Histogram;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Feedback and wait times of one run as fixed-size histograms (HdrHistogram, milliseconds, three
 * significant digits), built while streaming {@code submissions.csv}: memory does not grow with
 * the number of submissions. Rows without a {@code feedback_s} (rejected, crashed before
 * delivery) are left out of the feedback histogram and counted.
 */
public final class FeedbackDistribution {
  /** Quantiles at which the CDF is drawn: every 0.5 %, then the tail up to 99.9 %. */
  static final double[] CDF_QUANTILES = cdfQuantiles();

  private final Millis feedbackMs = new Millis();
  private final Millis waitMs = new Millis();
  private long withoutFeedback;

  private FeedbackDistribution() {}

  /** Streams {@code file} (a run's submissions.csv); {@code bytesRead} reports progress. */
  public static FeedbackDistribution read(Path file, LongConsumer bytesRead) throws IOException {
    FeedbackDistribution d = new FeedbackDistribution();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser csv = CSVParser.parse(in, format)) {
      CsvColumns cols = new CsvColumns(file, csv.getHeaderMap());
      int feedback = cols.require(List.of("feedback_s"));
      int wait = cols.require(List.of("wait_s"));
      long rows = 0;
      for (CSVRecord row : csv) {
        d.add(cols.number(row, feedback, "feedback_s"), cols.number(row, wait, "wait_s"),
            file, row);
        if (++rows % 65536 == 0) {
          bytesRead.accept(row.getCharacterPosition());
        }
      }
    }
    bytesRead.accept(Files.size(file));
    return d;
  }

  private void add(double feedbackS, double waitS, Path file, CSVRecord row) throws IOException {
    if (feedbackS < 0 || waitS < 0) {
      throw new IOException(file + ": line " + (row.getRecordNumber() + 1) + ": field "
          + (feedbackS < 0 ? "feedback_s" : "wait_s") + ": negative time");
    }
    if (Double.isNaN(feedbackS)) {
      withoutFeedback++;
    } else {
      feedbackMs.record(feedbackS);
    }
    if (!Double.isNaN(waitS)) {
      waitMs.record(waitS);
    }
  }

  /** Number of submissions with a feedback time. */
  public long delivered() {
    return feedbackMs.histogram.getTotalCount();
  }

  /** Bytes the two histograms hold: bounded by their range, not by the number of rows. */
  public long footprintBytes() {
    return feedbackMs.histogram.getEstimatedFootprintInBytes()
        + waitMs.histogram.getEstimatedFootprintInBytes();
  }

  /** Number of rows without a feedback time. */
  public long withoutFeedback() {
    return withoutFeedback;
  }

  /** Feedback time in seconds at quantile {@code q} in [0, 1]; NaN when nothing was delivered. */
  public double feedbackAt(double q) {
    return at(feedbackMs, q);
  }

  /** Wait time in seconds at quantile {@code q} in [0, 1]; NaN when no wait was recorded. */
  public double waitAt(double q) {
    return at(waitMs, q);
  }

  /** Feedback seconds at each of {@link #CDF_QUANTILES}: the x values of the CDF. */
  public double[] feedbackCdf() {
    double[] xs = new double[CDF_QUANTILES.length];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = feedbackAt(CDF_QUANTILES[i]);
    }
    return xs;
  }

  private static double at(Millis m, double q) {
    if (m.histogram.getTotalCount() == 0) {
      return Double.NaN;
    }
    // Histogram values are the highest equivalent of their bucket: keep within the exact range.
    long v = m.histogram.getValueAtPercentile(q * 100);
    return Math.max(m.min, Math.min(v, m.max)) / 1000.0;
  }

  /** A histogram of milliseconds with the exact extremes beside it. */
  private static final class Millis {
    final Histogram histogram = new Histogram(3);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;

    Millis() {
      histogram.setAutoResize(true);
    }

    void record(double seconds) {
      long ms = Math.round(seconds * 1000);
      histogram.recordValue(ms);
      min = Math.min(min, ms);
      max = Math.max(max, ms);
    }
  }

  private static double[] cdfQuantiles() {
    double[] tail = {0.9925, 0.995, 0.9975, 0.999, 1.0};
    double[] q = new double[199 + tail.length];
    for (int i = 0; i < 199; i++) {
      q[i] = i / 200.0;
    }
    System.arraycopy(tail, 0, q, 199, tail.length);
    return q;
  }
}
