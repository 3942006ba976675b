package io.gradesim.probes.thesis;

import io.gradesim.probes.jfr.Stage;
import io.gradesim.probes.workload.Step;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The workloads' results of {@code probe --matrix thesis --payload ...} ({@code
 * DIR/workloads/NAME/probe.csv}) in the thesis' shape: per result name and payload, the whole test
 * of every lifecycle whose stages all succeeded, cumulative from the start of create (create +
 * start + exec, + respond for the HTTP server), in seconds, at concurrency 1.
 *
 * @param whole result name to payload label to the lifecycles' whole-test seconds
 * @param load1 result name to payload label to the mean 1-minute load average of its samples
 */
public record WorkloadResults(
    Map<String, Map<String, double[]>> whole, Map<String, Map<String, Double>> load1) {

  private static final List<String> STAGES =
      List.of(Stage.CREATE.label(), Stage.START.label(), Stage.EXEC.label(), Step.RESPOND);

  /** No results. */
  public static WorkloadResults none() {
    return new WorkloadResults(Map.of(), Map.of());
  }

  /** Reads every {@code DIR/workloads/NAME/probe.csv} there is (none: no results). */
  public static WorkloadResults read(Path dir) throws IOException {
    Path folder = dir.resolve(MatrixRun.WORKLOADS);
    Map<String, Map<String, double[]>> whole = new TreeMap<>();
    Map<String, Map<String, Double>> load = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return new WorkloadResults(whole, load);
    }
    List<Path> csvs = new ArrayList<>();
    try (var list = Files.list(folder)) {
      // A folder still being measured (.partial-NAME) is no result yet.
      list.filter(p -> !p.getFileName().toString().startsWith("."))
          .map(p -> p.resolve("probe.csv"))
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(csvs::add);
    }
    for (Path csv : csvs) {
      readCsv(csv, whole, load);
    }
    return new WorkloadResults(whole, load);
  }

  private static void readCsv(
      Path csv, Map<String, Map<String, double[]>> whole, Map<String, Map<String, Double>> load)
      throws IOException {
    // runtime -> payload -> (iteration/slot) -> summed ns, or -1 once a stage failed
    Map<String, Map<String, Map<String, long[]>>> cycles = new TreeMap<>();
    Map<String, Map<String, double[]>> loads = new TreeMap<>();
    try (Reader r = Files.newBufferedReader(csv)) {
      for (CSVRecord rec :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        String stage = HostResults.field(csv, rec, "stage");
        if (!STAGES.contains(stage) || !HostResults.field(csv, rec, "concurrency").equals("1")) {
          continue;
        }
        String runtime = HostResults.field(csv, rec, "runtime");
        String payload = HostResults.field(csv, rec, "payload");
        long[] sum =
            cycles
                .computeIfAbsent(runtime, k -> new TreeMap<>())
                .computeIfAbsent(payload, k -> new TreeMap<>())
                .computeIfAbsent(
                    HostResults.field(csv, rec, "iteration")
                        + "/"
                        + HostResults.field(csv, rec, "slot"),
                    k -> new long[2]);
        boolean ok = Boolean.parseBoolean(HostResults.field(csv, rec, "ok"));
        if (!ok || sum[0] < 0) {
          sum[0] = -1;
        } else {
          sum[0] += HostResults.number(csv, rec, "duration_ns");
        }
        sum[1] |= 1L << STAGES.indexOf(stage);
        double[] l =
            loads
                .computeIfAbsent(runtime, k -> new TreeMap<>())
                .computeIfAbsent(payload, k -> new double[2]);
        l[0] += HostResults.decimal(csv, rec, "load1");
        l[1]++;
      }
    }
    cycles.forEach(
        (runtime, byPayload) ->
            byPayload.forEach(
                (payload, byCycle) -> {
                  // create, start and exec are always there; the whole needs every stage seen.
                  long full =
                      byCycle.values().stream().mapToLong(s -> s[1]).reduce(0, (a, b) -> a | b);
                  double[] seconds =
                      byCycle.values().stream()
                          .filter(s -> s[0] >= 0 && s[1] == full && (s[1] & 7) == 7)
                          .mapToDouble(s -> s[0] / 1e9)
                          .toArray();
                  whole.computeIfAbsent(runtime, k -> new TreeMap<>()).put(payload, seconds);
                  double[] l = loads.get(runtime).get(payload);
                  load.computeIfAbsent(runtime, k -> new TreeMap<>()).put(payload, l[0] / l[1]);
                }));
  }
}
