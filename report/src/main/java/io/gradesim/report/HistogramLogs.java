package io.gradesim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/** Reads a run's HdrHistogram log ({@code wait.hlog}, {@code feedback.hlog}) into one histogram. */
final class HistogramLogs {
  private HistogramLogs() {}

  /** Whether {@code dir} holds both histogram logs of a run. */
  static boolean present(Path dir, String... names) {
    for (String name : names) {
      if (!Files.isRegularFile(dir.resolve(name))) {
        return false;
      }
    }
    return true;
  }

  /** The sum of every interval histogram of {@code log}; an IOException names a bad file. */
  static Histogram sum(Path log) throws IOException {
    Histogram total = new Histogram(FeedbackDistribution.SIGNIFICANT_DIGITS);
    total.setAutoResize(true);
    try (HistogramLogReader reader = new HistogramLogReader(log.toFile())) {
      for (EncodableHistogram h = reader.nextIntervalHistogram();
          h != null;
          h = reader.nextIntervalHistogram()) {
        if (!(h instanceof Histogram)) {
          throw new IOException(
              log
                  + ": holds a "
                  + h.getClass().getSimpleName()
                  + ", expected integer microseconds (an HdrHistogram Histogram)");
        }
        total.add((Histogram) h);
      }
    } catch (RuntimeException e) {
      // The reader reports a damaged line or payload as an unchecked exception.
      throw new IOException(log + ": not a readable HdrHistogram log: " + e, e);
    }
    return total;
  }
}
