package io.gradesim.report;

import io.gradesim.simulator.output.SubmissionColumn;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Feedback and wait times of one run as fixed-size histograms (HdrHistogram, microseconds, three
 * significant digits, the unit and precision of the simulator's summary). A run's {@code wait.hlog}
 * and {@code feedback.hlog} hold them ready-made ({@link #readLogs}); only a run written before
 * those logs existed has its {@code submissions.csv} streamed instead ({@link #read}), memory not
 * growing with the number of rows. Rows without a {@code feedback_s} (rejected, crashed before
 * delivery) are left out of the feedback histogram and counted.
 */
public final class FeedbackDistribution {
  /** Precision of the histograms: that of the simulator's own. */
  static final int SIGNIFICANT_DIGITS = 3;

  private static final double MICROS_PER_SECOND = 1e6;

  /** Quantiles at which the CDF is drawn: every 0.5 %, then the tail up to 99.9 %. */
  static final double[] CDF_QUANTILES = cdfQuantiles();

  private final Micros feedback;
  private final Micros wait;
  private long withoutFeedback;

  private FeedbackDistribution() {
    this(new Micros(newHistogram()), new Micros(newHistogram()));
  }

  private FeedbackDistribution(Micros feedback, Micros wait) {
    this.feedback = feedback;
    this.wait = wait;
  }

  /**
   * Reads the histogram logs of a run ({@code wait.hlog}, {@code feedback.hlog}, see {@code
   * simulator/OUTPUTS.md}): every interval of each log summed. The exact maxima and the number of
   * submissions come from the run's summary ({@code NaN} when it lacks them), so that a percentile
   * here is the summary's and the submissions without feedback are counted.
   */
  static FeedbackDistribution readLogs(
      Path waitLog, Path feedbackLog, double waitMaxS, double feedbackMaxS, double submissions)
      throws IOException {
    FeedbackDistribution d =
        new FeedbackDistribution(
            Micros.of(HistogramLogs.sum(feedbackLog), feedbackMaxS),
            Micros.of(HistogramLogs.sum(waitLog), waitMaxS));
    if (!Double.isNaN(submissions)) {
      d.withoutFeedback = Math.max(0, (long) submissions - d.delivered());
    }
    return d;
  }

  /** Streams {@code file} (a run's submissions.csv); {@code bytesRead} reports progress. */
  public static FeedbackDistribution read(Path file, LongConsumer bytesRead) throws IOException {
    FeedbackDistribution d = new FeedbackDistribution();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser csv = CSVParser.parse(in, format)) {
      CsvColumns cols = new CsvColumns(file, csv.getHeaderMap());
      int feedback = cols.require(List.of(SubmissionColumn.FEEDBACK_S.column()));
      int wait = cols.require(List.of(SubmissionColumn.WAIT_S.column()));
      long rows = 0;
      for (CSVRecord row : csv) {
        d.add(
            cols.number(row, feedback, "feedback_s"), cols.number(row, wait, "wait_s"), file, row);
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
      throw new IOException(
          file
              + ": line "
              + (row.getRecordNumber() + 1)
              + ": field "
              + (feedbackS < 0 ? "feedback_s" : "wait_s")
              + ": negative time");
    }
    if (Double.isNaN(feedbackS)) {
      withoutFeedback++;
    } else {
      feedback.record(feedbackS);
    }
    if (!Double.isNaN(waitS)) {
      wait.record(waitS);
    }
  }

  /** Number of submissions with a feedback time. */
  public long delivered() {
    return feedback.histogram.getTotalCount();
  }

  /** Bytes the two histograms hold: bounded by their range, not by the number of rows. */
  public long footprintBytes() {
    return feedback.histogram.getEstimatedFootprintInBytes()
        + wait.histogram.getEstimatedFootprintInBytes();
  }

  /** Number of rows without a feedback time. */
  public long withoutFeedback() {
    return withoutFeedback;
  }

  /** Feedback time in seconds at quantile {@code q} in [0, 1]; NaN when nothing was delivered. */
  public double feedbackAt(double q) {
    return at(feedback, q);
  }

  /** Wait time in seconds at quantile {@code q} in [0, 1]; NaN when no wait was recorded. */
  public double waitAt(double q) {
    return at(wait, q);
  }

  /**
   * Feedback seconds at each of {@link #CDF_QUANTILES}: the x values of the CDF, each equal to
   * {@link #feedbackAt} of its quantile, found in one walk over the histogram's recorded values
   * instead of one walk per quantile.
   */
  public double[] feedbackCdf() {
    return quantiles(feedback, CDF_QUANTILES);
  }

  /**
   * {@link #at} of every quantile of {@code qs} (ascending), in one walk: the quantiles' target
   * counts only grow, so the walk that HdrHistogram's {@code getValueAtPercentile} makes per
   * quantile goes on from where the previous quantile stopped.
   */
  private static double[] quantiles(Micros m, double[] qs) {
    double[] xs = new double[qs.length];
    Histogram h = m.histogram;
    long total = h.getTotalCount();
    if (total == 0) {
      Arrays.fill(xs, Double.NaN);
      return xs;
    }
    int i = 0;
    long seen = 0;
    for (HistogramIterationValue v : h.recordedValues()) {
      seen += v.getCountAtValueIteratedTo();
      for (; i < qs.length && seen >= countAt(qs[i] * 100, total); i++) {
        long value =
            qs[i] == 0 ? h.lowestEquivalentValue(v.getValueIteratedTo()) : v.getValueIteratedTo();
        xs[i] = Math.max(m.min, Math.min(value, m.max)) / MICROS_PER_SECOND;
      }
    }
    for (; i < qs.length; i++) {
      xs[i] = at(m, qs[i]); // not reached with consistent counts; the library's answer then
    }
    return xs;
  }

  /** The count {@code getValueAtPercentile(percentile)} walks to (HdrHistogram 2.2's rule). */
  private static long countAt(double percentile, long total) {
    double p = Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0), 100);
    return Math.max((long) Math.ceil(p * total / 100.0), 1);
  }

  private static double at(Micros m, double q) {
    if (m.histogram.getTotalCount() == 0) {
      return Double.NaN;
    }
    // Histogram values are the highest equivalent of their bucket: keep within the exact range.
    long v = m.histogram.getValueAtPercentile(q * 100);
    return Math.max(m.min, Math.min(v, m.max)) / MICROS_PER_SECOND;
  }

  private static Histogram newHistogram() {
    Histogram h = new Histogram(SIGNIFICANT_DIGITS);
    h.setAutoResize(true);
    return h;
  }

  /** A histogram of microseconds with the extremes beside it (exact when known). */
  private static final class Micros {
    final Histogram histogram;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;

    Micros(Histogram histogram) {
      this.histogram = histogram;
    }

    /** A log's histogram: its smallest value is known to its precision, its largest exactly. */
    static Micros of(Histogram h, double exactMaxS) {
      Micros m = new Micros(h);
      if (h.getTotalCount() > 0) {
        m.min = h.getMinValue();
        m.max =
            Double.isNaN(exactMaxS) ? h.getMaxValue() : Math.round(exactMaxS * MICROS_PER_SECOND);
      }
      return m;
    }

    void record(double seconds) {
      long us = Math.round(seconds * MICROS_PER_SECOND);
      histogram.recordValue(us);
      min = Math.min(min, us);
      max = Math.max(max, us);
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
