package io.gradesim.report;

import io.gradesim.simulator.output.TimeseriesColumn;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A run's {@code timeseries.csv} reduced to at most {@link #MAX_POINTS} points while streaming:
 * when the points overflow, neighbours merge pairwise (queue and agents keep their maximum, busy
 * slots their time-weighted mean, arrivals their sum), so peaks survive the reduction.
 */
public final class TimeSeries {
  /**
   * Upper bound on the points kept per run: a chart draws each as a step of two points, so at most
   * about 1,000 per line, more than the pixels of the report's widest chart.
   */
  static final int MAX_POINTS = 500;

  /** One span of the run: {@code [startS, endS)} seconds since the run's start. */
  public record Point(
      double startS,
      double endS,
      double queueMax,
      double busyMean,
      double slotsMax,
      double agentsMax,
      double arrivals) {

    /** Arrivals per minute over this span. */
    public double arrivalsPerMinute() {
      return endS > startS ? arrivals * 60 / (endS - startS) : Double.NaN;
    }

    Point merge(Point b) {
      double wa = endS - startS;
      double wb = b.endS - b.startS;
      double busy = wa + wb > 0 ? (busyMean * wa + b.busyMean * wb) / (wa + wb) : busyMean;
      return new Point(
          startS,
          b.endS,
          Math.max(queueMax, b.queueMax),
          busy,
          Math.max(slotsMax, b.slotsMax),
          Math.max(agentsMax, b.agentsMax),
          arrivals + b.arrivals);
    }
  }

  private final List<Point> points;
  private final boolean hasArrivals;
  private final boolean hasSlots;

  private TimeSeries(List<Point> points, boolean hasArrivals, boolean hasSlots) {
    this.points = Collections.unmodifiableList(points);
    this.hasArrivals = hasArrivals;
    this.hasSlots = hasSlots;
  }

  /** The kept points in time order. */
  public List<Point> points() {
    return points;
  }

  /** Whether the file had an arrivals column. */
  public boolean hasArrivals() {
    return hasArrivals;
  }

  /** Whether the file had a slots-up column (the pool's capacity). */
  public boolean hasSlots() {
    return hasSlots;
  }

  /** Streams {@code file} (a run's timeseries.csv, columns of {@code simulator/OUTPUTS.md}). */
  public static TimeSeries read(Path file) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser csv = CSVParser.parse(in, format)) {
      CsvColumns cols = new CsvColumns(file, csv.getHeaderMap());
      // The simulator's columns; t_s, queue_length and busy_slots are those of files written
      // before timeseries.csv had buckets.
      int time = cols.require(List.of(TimeseriesColumn.BUCKET_START.column(), "t_s"));
      int width = cols.find(List.of(TimeseriesColumn.BUCKET_S.column()));
      int queue = cols.require(List.of(TimeseriesColumn.QUEUE_MAX.column(), "queue_length"));
      int busy = cols.require(List.of(TimeseriesColumn.BUSY_SLOTS_MEAN.column(), "busy_slots"));
      int slots = cols.find(List.of(TimeseriesColumn.SLOTS_UP.column()));
      int agents = cols.require(List.of(TimeseriesColumn.AGENTS_UP.column()));
      int arrivals = cols.find(List.of(TimeseriesColumn.ARRIVALS.column()));
      Reducer r = new Reducer();
      double first = Double.NaN;
      for (CSVRecord row : csv) {
        double t = seconds(file, row, time, cols);
        first = Double.isNaN(first) ? t : first;
        r.add(
            t - first,
            cols.number(row, width, "bucket_s"),
            cols.number(row, queue, "queue_max"),
            cols.number(row, busy, "busy_slots_mean"),
            cols.number(row, slots, "slots_up"),
            cols.number(row, agents, "agents_up"),
            cols.number(row, arrivals, "arrivals"));
      }
      return new TimeSeries(r.finish(), arrivals >= 0, slots >= 0);
    }
  }

  private static double seconds(Path file, CSVRecord row, int col, CsvColumns cols)
      throws IOException {
    String s = row.get(col).trim();
    if (s.contains("T")) {
      try {
        Instant i = Instant.parse(s);
        return i.getEpochSecond() + i.getNano() / 1e9;
      } catch (DateTimeParseException e) {
        throw new IOException(
            file
                + ": line "
                + (row.getRecordNumber() + 1)
                + ": field time: not an ISO-8601 instant: '"
                + s
                + "'");
      }
    }
    return cols.number(row, col, "time");
  }

  /**
   * Holds one row back to learn its end from the next row's start when the file gives no {@code
   * bucket_s}.
   */
  private static final class Reducer {
    private final List<Point> out = new ArrayList<>();
    private double[] pending;
    private double lastWidth = 1;

    void add(
        double t,
        double width,
        double queue,
        double busy,
        double slots,
        double agents,
        double arrivals) {
      if (pending != null) {
        lastWidth = Math.max(t - pending[0], 0);
        emit(Double.isNaN(pending[1]) ? t : pending[0] + pending[1]);
      }
      pending = new double[] {t, width, nz(queue), nz(busy), nz(slots), nz(agents), nz(arrivals)};
    }

    List<Point> finish() {
      if (pending != null) {
        emit(pending[0] + (Double.isNaN(pending[1]) ? lastWidth : pending[1]));
      }
      return out;
    }

    private void emit(double end) {
      out.add(
          new Point(pending[0], end, pending[2], pending[3], pending[4], pending[5], pending[6]));
      if (out.size() >= MAX_POINTS) {
        halve();
      }
    }

    private void halve() {
      List<Point> merged = new ArrayList<>(MAX_POINTS / 2 + 1);
      for (int i = 0; i + 1 < out.size(); i += 2) {
        merged.add(out.get(i).merge(out.get(i + 1)));
      }
      if (out.size() % 2 == 1) {
        merged.add(out.get(out.size() - 1));
      }
      out.clear();
      out.addAll(merged);
    }

    private static double nz(double v) {
      return Double.isNaN(v) ? 0 : v;
    }
  }
}
