package io.gradesim.traces.format.inginious;

import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Estimates the offset of INGInious' server clock from UTC. INGInious stores {@code submitted_on}
 * as {@code datetime.now()}, a naive local time that MongoDB keeps as if it were UTC, while the
 * {@code _id} ObjectId carries the true UTC second of the insert. The offset is the median of
 * (submitted_on - _id second) rounded to the nearest 15 minutes (all zones are whole quarter
 * hours), robust to a few slow inserts or edited documents.
 *
 * <p>The differences are counted per whole second in a sorted map, so memory grows with the number
 * of distinct differences (a handful), not with the number of documents.
 *
 * @param offset the estimated offset
 * @param documents documents that had both an ObjectId {@code _id} and {@code submitted_on}
 * @param medianSeconds the median difference in seconds (before rounding)
 * @param agreeing documents whose difference lies within 7.5 minutes of {@code offset}
 */
record ServerOffset(ZoneOffset offset, long documents, double medianSeconds, long agreeing) {
  private static final int QUARTER_HOUR = 900;

  /** Estimates the offset from the documents of an export. */
  static ServerOffset estimate(Iterator<InginiousDocument> docs) {
    TreeMap<Long, Long> counts = new TreeMap<>();
    long n = 0;
    while (docs.hasNext()) {
      InginiousDocument d = docs.next();
      Long second = d.idSecond();
      if (second == null) {
        continue;
      }
      long diffMs = d.submittedOnLocal().toEpochMilli() - second * 1000;
      counts.merge(Math.floorDiv(diffMs, 1000), 1L, Long::sum);
      n++;
    }
    if (n == 0) {
      return new ServerOffset(ZoneOffset.UTC, 0, 0, 0);
    }
    double median = median(counts, n);
    long rounded = Math.round(median / QUARTER_HOUR) * QUARTER_HOUR;
    if (Math.abs(rounded) > 18 * 3600) {
      throw new IllegalArgumentException(
          "submitted_on differs from the _id time by a median of "
              + Math.round(median)
              + " s, more than any time zone: give the zone with --tz");
    }
    long agreeing =
        counts
            .subMap(rounded - QUARTER_HOUR / 2, true, rounded + QUARTER_HOUR / 2, false)
            .values()
            .stream()
            .mapToLong(Long::longValue)
            .sum();
    return new ServerOffset(ZoneOffset.ofTotalSeconds((int) rounded), n, median, agreeing);
  }

  /** The median of per-second counts; a difference of k seconds stands for k + 0.5 s. */
  private static double median(TreeMap<Long, Long> counts, long n) {
    long half = (n + 1) / 2;
    long seen = 0;
    for (Map.Entry<Long, Long> e : counts.entrySet()) {
      seen += e.getValue();
      if (seen >= half) {
        return e.getKey() + 0.5;
      }
    }
    throw new IllegalStateException("empty histogram");
  }

  /** One line for the user: the offset and how well the documents agree on it. */
  String describe() {
    if (documents == 0) {
      return "submitted_on offset: no document has an ObjectId _id to compare with, so "
          + "+00:00 is assumed; give the server's zone with --tz";
    }
    String line =
        String.format(
            Locale.ROOT,
            "submitted_on offset %s inferred from %d"
                + " documents (median submitted_on - _id time %.1f s; %d of %d within 7.5 min)",
            offset.getId().equals("Z") ? "+00:00" : offset.getId(),
            documents,
            medianSeconds,
            agreeing,
            documents);
    if (agreeing < documents * 0.99) {
      line +=
          "; WARNING: the offsets disagree (daylight saving time?): give the server's zone"
              + " with --tz, e.g. --tz Europe/Brussels";
    }
    return line;
  }
}
