package io.gradesim.report;

import io.gradesim.calibration.model.CalibrationProfile;
import io.gradesim.calibration.model.StageCost;
import io.gradesim.probes.jfr.Stage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage costs per runtime from a calibration profile ({@code calibration/README.md}): for each
 * runtime, stage and concurrency level one entry with the sample count, median, p90, p99 and mean,
 * and whether it was measured on the host or taken from the literature.
 *
 * <p>As the simulator's sampler does ({@link CalibrationProfile#runtimeSources()}), a runtime with
 * measured costs is shown by its measured rows only; this is the report's view of the rows the
 * simulator's {@code costs.ProfileStageCosts} draws from. Where a profile holds several payloads
 * for one runtime, stage and level, the row with the most samples stands for them (ties: the
 * payload name), so each mark has one source.
 */
public final class StageCostTable {
  /** One runtime x stage x concurrency entry; times in milliseconds (NaN when absent). */
  public record Entry(
      String runtime,
      String stage,
      String payload,
      int concurrency,
      long n,
      double p50Ms,
      double p90Ms,
      double p99Ms,
      double meanMs,
      boolean literature) {}

  private final List<Entry> entries;
  private final Set<String> literatureOnly;

  private StageCostTable(List<Entry> entries, Set<String> literatureOnly) {
    this.entries = List.copyOf(entries);
    this.literatureOnly = Set.copyOf(literatureOnly);
  }

  /** Reads a profile file (errors name the file and field). */
  public static StageCostTable read(Path file) throws IOException {
    return of(CalibrationProfile.load(file));
  }

  /** The entries of {@code profile}. */
  public static StageCostTable of(CalibrationProfile profile) {
    // The simulator's rule, from its one home: a runtime with measured costs is measured.
    Map<String, String> sources = profile.runtimeSources();
    Set<String> measured = new HashSet<>();
    Set<String> all = new HashSet<>(sources.keySet());
    sources.forEach(
        (runtime, source) -> {
          if (StageCost.MEASURED.equals(source)) {
            measured.add(runtime);
          }
        });
    Map<String, StageCost> chosen = new LinkedHashMap<>();
    for (StageCost r : profile.rows()) {
      if (r.p50Us() == null || (measured.contains(r.runtime()) && r.literature())) {
        continue;
      }
      chosen.merge(
          r.runtime() + '\0' + r.stage() + '\0' + r.concurrency(),
          r,
          (a, b) ->
              n(b) > n(a) || (n(b) == n(a) && b.payload().compareTo(a.payload()) < 0) ? b : a);
    }
    List<Entry> entries =
        chosen.values().stream()
            .map(StageCostTable::entry)
            .sorted(
                Comparator.comparing(Entry::runtime)
                    .thenComparingInt(e -> Stage.rank(e.stage()))
                    .thenComparing(Entry::stage)
                    .thenComparingInt(Entry::concurrency))
            .toList();
    Set<String> lit = new HashSet<>(all);
    lit.removeAll(measured);
    return new StageCostTable(entries, lit);
  }

  /** All entries sorted by runtime, stage order and concurrency. */
  public List<Entry> entries() {
    return entries;
  }

  /** Entries at each runtime's lowest concurrency level. */
  public List<Entry> atLowestConcurrency() {
    Map<String, Integer> lowest = new LinkedHashMap<>();
    for (Entry e : entries) {
      lowest.merge(e.runtime(), e.concurrency(), Math::min);
    }
    return entries.stream().filter(e -> e.concurrency() == lowest.get(e.runtime())).toList();
  }

  /** Whether the profile knows {@code runtime} only from the literature (not measured here). */
  public boolean literatureOnly(String runtime) {
    return literatureOnly.contains(runtime);
  }

  private static Entry entry(StageCost r) {
    return new Entry(
        r.runtime(),
        r.stage(),
        r.payload(),
        r.concurrency(),
        n(r),
        ms(r.p50Us()),
        ms(r.p90Us()),
        ms(r.p99Us()),
        ms(r.meanUs()),
        r.literature());
  }

  private static long n(StageCost r) {
    return r.n() == null ? 0 : r.n();
  }

  private static double ms(Double micros) {
    return micros == null ? Double.NaN : micros / 1000;
  }
}
