package io.gradesim.calibration.fit;

import java.util.Locale;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * The distribution families a stage duration can be fitted with. The fitted candidates are the ones
 * with a fitter; {@link #FIXED} only describes published single figures.
 */
public enum Family {
  /** Lognormal, maximum likelihood. */
  LOGNORMAL(StageDistribution.Lognormal::fit),
  /** Gamma, maximum likelihood. */
  GAMMA(StageDistribution.Gamma::fit),
  /** The samples' own quantiles. */
  EMPIRICAL(StageDistribution.Empirical::fit),
  /** A single value (no spread known). */
  FIXED(null);

  private final Function<double[], StageDistribution> fitter;

  Family(Function<double[], StageDistribution> fitter) {
    this.fitter = fitter;
  }

  /** Fits this family to positive samples. */
  public StageDistribution fit(double[] samples) {
    if (fitter == null) {
      throw new IllegalStateException(label() + " is not fitted from samples");
    }
    return fitter.apply(samples);
  }

  /** The name used in profiles: lower case. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The family of a profile name. */
  public static Family ofLabel(String label) {
    for (Family f : values()) {
      if (f.label().equals(label)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown distribution family '" + label + "' (known: lognormal, gamma, empirical, fixed)");
  }

  /** Rebuilds a distribution of this family from its stored parameters and quantile table. */
  public StageDistribution restore(SortedMap<String, Double> params, double[] quantiles) {
    return switch (this) {
      case LOGNORMAL ->
          new StageDistribution.Lognormal(require(params, "mu"), require(params, "sigma"));
      case GAMMA -> new StageDistribution.Gamma(require(params, "shape"), require(params, "scale"));
      case EMPIRICAL -> {
        if (quantiles == null || quantiles.length < 2) {
          throw new IllegalArgumentException("empirical fit without its quantiles_us table");
        }
        yield new StageDistribution.Empirical(quantiles);
      }
      case FIXED -> new StageDistribution.Fixed(require(params, "value_us"));
    };
  }

  private double require(SortedMap<String, Double> params, String key) {
    Double v = params == null ? null : params.get(key);
    if (v == null || !Double.isFinite(v)) {
      throw new IllegalArgumentException(label() + " fit without a finite parameter '" + key + "'");
    }
    return v;
  }
}
