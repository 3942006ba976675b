package io.gradesim.calibration.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Draws stage durations from a profile at a given number of concurrent container operations.
 *
 * <p>Source: for each runtime, measured rows when the profile has any, else its literature rows
 * ({@link #source(String)} tells which). Payload: the one asked for, else {@value #DEFAULT_PAYLOAD}
 * when present, else the first by name. Concurrency: levels {@code c1 < c2 < ...} measured for the
 * (runtime, stage, payload); one uniform {@code u} is drawn and, for {@code ci <= c <= ci+1}, the
 * result is {@code (1 - w) Qi(u) + w Qi+1(u)} with {@code w = (c - ci) / (ci+1 - ci)}, where {@code
 * Qi} is the quantile function of level {@code ci}'s fitted distribution: the same quantile at both
 * levels, interpolated linearly in the level. Below the lowest or above the highest level the
 * nearest level is used (no extrapolation). One {@code nextDouble()} per draw, so a seeded
 * generator gives a repeatable sequence. Instances are immutable after construction and safe to
 * share between threads.
 */
public final class StageCostSampler {

  /** Payload used when the caller names none and the profile has it. */
  public static final String DEFAULT_PAYLOAD = "true";

  private record Level(int concurrency, DoubleUnaryOperator quantile) {}

  private record Key(String runtime, String stage) {}

  private final Map<String, String> sourceByRuntime;
  private final Map<String, OpCpu> opCpu;
  private final Map<Key, SortedMap<String, List<Level>>> levels = new HashMap<>();
  private final SortedMap<String, SortedSet<String>> stagesByRuntime = new TreeMap<>();

  /** A sampler over the usable rows of a profile. */
  public StageCostSampler(CalibrationProfile profile) {
    this.sourceByRuntime = profile.runtimeSources();
    this.opCpu = profile.opCpu();
    Map<Key, List<StageCost>> byKey = new HashMap<>();
    for (StageCost r : profile.rows()) {
      if (r.usable() && r.source().equals(sourceByRuntime.get(r.runtime()))) {
        byKey.computeIfAbsent(new Key(r.runtime(), r.stage()), k -> new ArrayList<>()).add(r);
        stagesByRuntime.computeIfAbsent(r.runtime(), k -> new TreeSet<>()).add(r.stage());
      }
    }
    byKey.forEach(
        (k, rows) -> {
          SortedMap<String, List<Level>> byPayload = new TreeMap<>();
          rows.stream()
              .sorted(Comparator.comparingInt(StageCost::concurrency))
              .forEach(
                  r ->
                      byPayload
                          .computeIfAbsent(r.payload(), p -> new ArrayList<>())
                          .add(new Level(r.concurrency(), QuantileTable.of(r.fit()))));
          levels.put(k, byPayload);
        });
  }

  /**
   * The CPU share of {@code runtime}'s container operations ({@link OpCpu}), 0 when the profile did
   * not measure it or the sampler uses the runtime's literature rows.
   */
  public double opCpuFraction(String runtime) {
    OpCpu o = opCpu.get(runtime);
    return o != null && StageCost.MEASURED.equals(sourceByRuntime.get(runtime)) ? o.fraction() : 0;
  }

  /** Draws one duration in whole microseconds for the default payload. */
  public long sampleMicros(String runtime, String stage, int concurrency, RandomGenerator rng) {
    return sampleMicros(runtime, stage, null, concurrency, rng);
  }

  /** Draws one duration in whole microseconds; {@code payload} null means the default. */
  public long sampleMicros(
      String runtime, String stage, String payload, int concurrency, RandomGenerator rng) {
    return draw(runtime, stage, payload).sampleMicros(concurrency, rng);
  }

  /**
   * The draws of one runtime, stage and payload ({@code null}: the default), resolved once, so that
   * a simulation drawing millions of durations looks nothing up per draw; fails as {@link
   * #sampleMicros} does for what the profile lacks.
   */
  public Draw draw(String runtime, String stage, String payload) {
    return new Draw(levelsOf(runtime, stage, payload));
  }

  /** Draws of one runtime, stage and payload: the same values as {@link #sampleMicros}. */
  public static final class Draw {
    private final List<Level> levels;

    private Draw(List<Level> levels) {
      this.levels = List.copyOf(levels);
    }

    /** Draws one duration in whole microseconds at {@code concurrency}. */
    public long sampleMicros(int concurrency, RandomGenerator rng) {
      double u = rng.nextDouble();
      if (u <= 0) {
        u = Double.MIN_NORMAL;
      }
      return Math.max(0, Math.round(quantileAt(levels, concurrency, u)));
    }
  }

  /** The interpolated quantile {@code u} at {@code concurrency}, microseconds. */
  public double quantileMicros(
      String runtime, String stage, String payload, int concurrency, double u) {
    return quantileAt(levelsOf(runtime, stage, payload), concurrency, u);
  }

  /**
   * True when the profile has a cost for this runtime and stage. A literature runtime may lack a
   * stage its figures fold into another (Kata's {@code start} covers create and start) or that no
   * publication gives (Firecracker's remove): the row's {@code covers} field says which.
   */
  public boolean has(String runtime, String stage) {
    return levels.containsKey(new Key(runtime, stage));
  }

  /** Runtimes the sampler can draw for, each with the stages it has. */
  public SortedMap<String, SortedSet<String>> stages() {
    return stagesByRuntime;
  }

  /** {@code measured} or {@code literature}: where the runtime's costs come from. */
  public String source(String runtime) {
    String s = sourceByRuntime.get(runtime);
    if (s == null) {
      throw unknown(runtime, null);
    }
    return s;
  }

  private static double quantileAt(List<Level> ls, int c, double u) {
    Level first = ls.get(0);
    Level last = ls.get(ls.size() - 1);
    if (c <= first.concurrency()) {
      return first.quantile().applyAsDouble(u);
    }
    if (c >= last.concurrency()) {
      return last.quantile().applyAsDouble(u);
    }
    int i = 0;
    while (ls.get(i + 1).concurrency() < c) {
      i++;
    }
    Level lo = ls.get(i);
    Level hi = ls.get(i + 1);
    double w = (c - lo.concurrency()) / (double) (hi.concurrency() - lo.concurrency());
    return (1 - w) * lo.quantile().applyAsDouble(u) + w * hi.quantile().applyAsDouble(u);
  }

  private List<Level> levelsOf(String runtime, String stage, String payload) {
    SortedMap<String, List<Level>> byPayload = levels.get(new Key(runtime, stage));
    if (byPayload == null) {
      throw unknown(runtime, stage);
    }
    String p = payload;
    if (p == null) {
      p = byPayload.containsKey(DEFAULT_PAYLOAD) ? DEFAULT_PAYLOAD : byPayload.firstKey();
    }
    List<Level> ls = byPayload.get(p);
    if (ls == null) {
      throw new IllegalArgumentException(
          "no calibration for runtime '"
              + runtime
              + "' stage '"
              + stage
              + "' payload '"
              + p
              + "'; payloads in the profile: "
              + byPayload.keySet());
    }
    return ls;
  }

  private IllegalArgumentException unknown(String runtime, String stage) {
    String have =
        stagesByRuntime.entrySet().stream()
            .map(
                e ->
                    e.getKey()
                        + " ("
                        + sourceByRuntime.get(e.getKey())
                        + ": "
                        + String.join(", ", e.getValue())
                        + ")")
            .collect(Collectors.joining("; "));
    String what =
        stage == null
            ? "runtime '" + runtime + "'"
            : "runtime '" + runtime + "' stage '" + stage + "'";
    return new IllegalArgumentException(
        "no calibration for " + what + "; the profile has: " + (have.isEmpty() ? "nothing" : have));
  }
}
