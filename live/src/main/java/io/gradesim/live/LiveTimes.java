package io.gradesim.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * When each submission of a live run arrived, was dispatched and had its container removed (µs of
 * the run's clock, by arrival ordinal): what the scoring resamples, handed over instead of re-read
 * from {@code submissions.csv}. Written by the backend only, read once the run ended.
 */
public final class LiveTimes {
  private final long[] arrived;
  private final long[] dispatched;
  private final long[] removed;

  LiveTimes(int submissions) {
    arrived = new long[submissions];
    dispatched = new long[submissions];
    removed = new long[submissions];
  }

  void arrived(int n, long t) {
    arrived[n] = t;
  }

  void dispatched(int n, long t) {
    dispatched[n] = t;
  }

  void removed(int n, long t) {
    removed[n] = t;
  }

  /**
   * The instants of a finished live run, read back from its {@code submissions.csv} (columns {@code
   * arrival}, {@code dispatched}, {@code removed}; rows put in arrival order), to score it again.
   *
   * @throws IllegalArgumentException naming the file, line and column of a bad row
   */
  public static LiveTimes read(Path submissionsCsv) throws IOException {
    List<long[]> rows = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(submissionsCsv, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new IllegalArgumentException(submissionsCsv + ": empty, no header line");
      }
      List<String> cols = List.of(header.split(",", -1));
      int[] at = new int[3];
      String[] names = {"arrival", "dispatched", "removed"};
      for (int i = 0; i < 3; i++) {
        at[i] = cols.indexOf(names[i]);
        if (at[i] < 0) {
          throw new IllegalArgumentException(
              submissionsCsv + ": line 1: no column '" + names[i] + "': not a live run's output");
        }
      }
      String line;
      int lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        String[] f = line.split(",", -1);
        long[] row = new long[3];
        for (int i = 0; i < 3; i++) {
          String v = at[i] < f.length ? f[at[i]] : "";
          try {
            Instant t = Instant.parse(v);
            row[i] = t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
          } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                submissionsCsv
                    + ": line "
                    + lineNo
                    + ": "
                    + names[i]
                    + ": '"
                    + v
                    + "' is not an instant (a submission the live run did not finish?)");
          }
        }
        rows.add(row);
      }
    }
    rows.sort(Comparator.comparingLong(r -> r[0]));
    LiveTimes t = new LiveTimes(rows.size());
    for (int n = 0; n < rows.size(); n++) {
      t.arrived(n, rows.get(n)[0]);
      t.dispatched(n, rows.get(n)[1]);
      t.removed(n, rows.get(n)[2]);
    }
    return t;
  }

  /** Number of submissions. */
  public int size() {
    return arrived.length;
  }

  /** Waits (dispatch - arrival) in seconds, in arrival order. */
  public double[] waitsSeconds() {
    return diff(dispatched, arrived);
  }

  /** Feedback times (removal, when the result is sent, - arrival) in seconds, in arrival order. */
  public double[] feedbacksSeconds() {
    return diff(removed, arrived);
  }

  /** Slot holding times (removal - dispatch) in seconds, in arrival order. */
  public double[] holdsSeconds() {
    return diff(removed, dispatched);
  }

  /** The last removal, in µs: the run's length. */
  public long lastMicros() {
    return Arrays.stream(removed).max().orElse(0);
  }

  private static double[] diff(long[] later, long[] earlier) {
    double[] out = new double[later.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (later[i] - earlier[i]) / 1e6;
    }
    return out;
  }
}
