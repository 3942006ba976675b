package io.gradesim.probes.report;

import io.gradesim.probes.jfr.Stage;
import io.gradesim.probes.jfr.StageSample;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Groups samples into {@link StageSummary} cells and prints them as a table in milliseconds. */
public final class SummaryTable {
  private SummaryTable() {}

  /** One summary per cell, ordered by runtime (first seen), payload, concurrency and stage. */
  public static List<StageSummary> summarise(List<StageSample> samples) {
    Map<String, Integer> runtimeOrder = new LinkedHashMap<>();
    Map<List<Object>, List<StageSample>> cells = new LinkedHashMap<>();
    for (StageSample s : samples) {
      runtimeOrder.putIfAbsent(s.runtime(), runtimeOrder.size());
      cells
          .computeIfAbsent(
              List.of(s.runtime(), s.stage(), s.payload(), s.concurrency()), k -> new ArrayList<>())
          .add(s);
    }
    List<StageSummary> out = new ArrayList<>();
    for (List<StageSample> cell : cells.values()) {
      StageSample first = cell.get(0);
      long[] ok =
          cell.stream().filter(StageSample::ok).mapToLong(StageSample::durationNs).toArray();
      out.add(
          StageSummary.of(
              first.runtime(),
              first.stage(),
              first.payload(),
              first.concurrency(),
              ok,
              cell.size() - ok.length));
    }
    out.sort(
        (a, b) -> {
          int c = Integer.compare(runtimeOrder.get(a.runtime()), runtimeOrder.get(b.runtime()));
          c = c != 0 ? c : a.payload().compareTo(b.payload());
          c = c != 0 ? c : Integer.compare(a.concurrency(), b.concurrency());
          return c != 0 ? c : Integer.compare(rank(a.stage()), rank(b.stage()));
        });
    return out;
  }

  /** Prints the table. */
  public static void print(List<StageSummary> rows, PrintWriter out) {
    out.printf(
        "%-16s %-7s %-6s %4s %5s %4s %10s %10s %10s %23s%n",
        "runtime",
        "stage",
        "payload",
        "conc",
        "n",
        "fail",
        "median ms",
        "p90 ms",
        "p99 ms",
        "95% CI of median ms");
    for (StageSummary r : rows) {
      String ci =
          r.ciLowNs() < 0
              ? "n too small"
              : String.format(Locale.ROOT, "[%.2f, %.2f]", ms(r.ciLowNs()), ms(r.ciHighNs()));
      out.printf(
          Locale.ROOT,
          "%-16s %-7s %-6s %4d %5d %4d %10s %10s %10s %23s%n",
          r.runtime(),
          r.stage(),
          r.payload(),
          r.concurrency(),
          r.n(),
          r.failed(),
          fmt(r.medianNs()),
          fmt(r.p90Ns()),
          fmt(r.p99Ns()),
          ci);
    }
  }

  private static int rank(String stage) {
    return Stage.rank(stage);
  }

  private static double ms(long ns) {
    return ns / 1e6;
  }

  private static String fmt(long ns) {
    return ns < 0 ? "-" : String.format(Locale.ROOT, "%.2f", ms(ns));
  }
}
