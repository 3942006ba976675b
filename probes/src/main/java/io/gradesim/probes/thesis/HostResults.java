package io.gradesim.probes.thesis;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A probe's {@code probe.csv} turned into the thesis' shape: per runtime, the cumulative times of
 * Hello World (create; create + start; create + start + exec) of every lifecycle whose three stages
 * all succeeded, payload {@code true}, concurrency 1, in seconds.
 *
 * @param byRuntime runtime label to its series, keyed by the thesis' legend (Create, Start, Exec)
 * @param load1 runtime label to the mean 1-minute load average of its samples
 */
public record HostResults(Map<String, Map<String, double[]>> byRuntime, Map<String, Double> load1) {

  /** The thesis' Hello World legend, which the cumulative series follow. */
  public static final List<String> LEGEND = List.of("Create", "Start", "Exec");

  private static final List<String> STAGES = List.of("create", "start", "exec");

  /** No results: every configuration shows only the thesis' figures. */
  public static HostResults none() {
    return new HostResults(Map.of(), Map.of());
  }

  /** These results with {@code other}'s added; a runtime in both keeps {@code other}'s. */
  public HostResults merge(HostResults other) {
    Map<String, Map<String, double[]>> runs = new TreeMap<>(byRuntime);
    runs.putAll(other.byRuntime);
    Map<String, Double> loads = new TreeMap<>(load1);
    loads.putAll(other.load1);
    return new HostResults(runs, loads);
  }

  /**
   * Reads {@code dir/probe.csv}, or, in the output of {@code probe --matrix}, the {@code probe.csv}
   * of every configuration's folder; errors name the file, line and column.
   */
  public static HostResults read(Path dir) throws IOException {
    if (Files.isRegularFile(dir.resolve("probe.csv"))) {
      return readCsv(dir.resolve("probe.csv"));
    }
    List<Path> folders = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (var list = Files.list(dir)) {
        list.filter(p -> Files.isRegularFile(p.resolve("probe.csv")))
            .sorted()
            .forEach(folders::add);
      }
    }
    if (folders.isEmpty()) {
      throw new IllegalArgumentException(
          dir.resolve("probe.csv")
              + ": no probe results (run gradesim probe --out "
              + dir
              + " or probe --matrix thesis --out "
              + dir
              + " first)");
    }
    HostResults all = none();
    for (Path f : folders) {
      all = all.merge(readCsv(f.resolve("probe.csv")));
    }
    return all;
  }

  private static HostResults readCsv(Path csv) throws IOException {
    // runtime -> (iteration, slot) -> stage durations in ns
    Map<String, Map<String, long[]>> lifecycles = new TreeMap<>();
    Map<String, double[]> loads = new HashMap<>();
    try (Reader r = Files.newBufferedReader(csv)) {
      Iterable<CSVRecord> records =
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
      for (CSVRecord rec : records) {
        String stage = field(csv, rec, "stage");
        int index = STAGES.indexOf(stage);
        if (index < 0
            || !field(csv, rec, "payload").equals("true")
            || !field(csv, rec, "concurrency").equals("1")) {
          continue;
        }
        String runtime = field(csv, rec, "runtime");
        String key = field(csv, rec, "iteration") + "/" + field(csv, rec, "slot");
        long[] d =
            lifecycles
                .computeIfAbsent(runtime, k -> new TreeMap<>())
                .computeIfAbsent(key, k -> new long[] {-1, -1, -1});
        boolean ok = Boolean.parseBoolean(field(csv, rec, "ok"));
        d[index] = ok ? number(csv, rec, "duration_ns") : -1;
        double[] load = loads.computeIfAbsent(runtime, k -> new double[2]);
        load[0] += decimal(csv, rec, "load1");
        load[1]++;
      }
    }
    Map<String, Map<String, double[]>> byRuntime = new TreeMap<>();
    lifecycles.forEach(
        (runtime, cycles) -> {
          List<double[]> rows = new ArrayList<>();
          for (long[] d : cycles.values()) {
            if (d[0] >= 0 && d[1] >= 0 && d[2] >= 0) {
              rows.add(new double[] {d[0] / 1e9, (d[0] + d[1]) / 1e9, (d[0] + d[1] + d[2]) / 1e9});
            }
          }
          Map<String, double[]> series = new TreeMap<>();
          for (int i = 0; i < LEGEND.size(); i++) {
            final int stage = i;
            series.put(LEGEND.get(i), rows.stream().mapToDouble(x -> x[stage]).toArray());
          }
          byRuntime.put(runtime, series);
        });
    Map<String, Double> load1 = new TreeMap<>();
    loads.forEach((k, v) -> load1.put(k, v[0] / v[1]));
    return new HostResults(byRuntime, load1);
  }

  /** Column {@code column} of {@code rec} in {@code csv}, or an error naming file, line, column. */
  static String field(Path csv, CSVRecord rec, String column) {
    if (!rec.isMapped(column) || !rec.isSet(column)) {
      throw new IllegalArgumentException(
          csv + ": line " + (rec.getRecordNumber() + 1) + ": column " + column + " is missing");
    }
    return rec.get(column);
  }

  /** Column {@code column} of {@code rec} in {@code csv}, or an error naming file, line, column. */
  static double decimal(Path csv, CSVRecord rec, String column) {
    String v = field(csv, rec, column);
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          csv
              + ": line "
              + (rec.getRecordNumber() + 1)
              + ": column "
              + column
              + ": '"
              + v
              + "' is not a number");
    }
  }

  /** Column {@code column} of {@code rec} in {@code csv}, or an error naming file, line, column. */
  static long number(Path csv, CSVRecord rec, String column) {
    String v = field(csv, rec, column);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          csv
              + ": line "
              + (rec.getRecordNumber() + 1)
              + ": column "
              + column
              + ": '"
              + v
              + "' is not a whole number of nanoseconds");
    }
  }
}
