package io.gradesim.calibration.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.gradesim.calibration.fit.Family;
import io.gradesim.calibration.fit.KsSelection;
import io.gradesim.calibration.fit.StageDistribution;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The fitted distribution of one row as stored in the profile.
 *
 * @param family lognormal, gamma, empirical or fixed
 * @param params the family's parameters (lognormal: mu, sigma of ln microseconds; gamma: shape,
 *     scale in microseconds; fixed: value_us); empty for empirical
 * @param quantilesUs for empirical only: 101 quantiles (0 %, 1 %, ..., 100 %) in microseconds
 * @param ksDistance KS distance of every candidate family to the samples (absent for literature)
 */
@JsonPropertyOrder({"family", "params", "quantilesUs", "ksDistance"})
public record Fit(
    String family,
    SortedMap<String, Double> params,
    List<Double> quantilesUs,
    SortedMap<String, Double> ksDistance) {

  /** The stored form of a KS selection. */
  public static Fit of(KsSelection selection) {
    StageDistribution d = selection.chosen();
    List<Double> q = null;
    if (d instanceof StageDistribution.Empirical e) {
      q = java.util.Arrays.stream(e.quantiles()).map(Fit::round).boxed().toList();
    }
    return new Fit(
        d.family().label(),
        new TreeMap<>(d.params()),
        q,
        selection.distances().isEmpty() ? null : roundedDistances(selection.distances()));
  }

  private static SortedMap<String, Double> roundedDistances(SortedMap<String, Double> d) {
    SortedMap<String, Double> out = new TreeMap<>();
    d.forEach((k, v) -> out.put(k, Math.round(v * 1e6) / 1e6));
    return out;
  }

  /** A single published value in microseconds. */
  public static Fit fixed(double valueUs) {
    return new Fit(
        Family.FIXED.label(), new TreeMap<>(java.util.Map.of("value_us", valueUs)), null, null);
  }

  /** The distribution this fit describes. */
  public StageDistribution distribution() {
    double[] q =
        quantilesUs == null
            ? null
            : quantilesUs.stream().mapToDouble(Double::doubleValue).toArray();
    return Family.ofLabel(family).restore(params, q);
  }

  /** Rounds microseconds to the nanosecond, so profiles hold no noise digits. */
  public static double round(double micros) {
    return Math.round(micros * 1000.0) / 1000.0;
  }
}
