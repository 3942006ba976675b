package io.gradesim.traces.synth;

import java.time.Duration;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * A distribution of durations, written as users type it: {@code const:2s}, {@code exp:mean=4s},
 * {@code lognormal:median=3s,sigma=0.5}, {@code uniform:min=1s,max=3s}. Durations take the units
 * {@code us}, {@code ms}, {@code s}, {@code min} (or a bare number of seconds). Samples are whole
 * microseconds drawn from a caller-supplied generator, so a seeded generator gives a repeatable
 * sequence.
 */
public sealed interface DurationDistribution {

  /** Draws one duration in microseconds (never negative). */
  long sampleMicros(RandomGenerator rng);

  /** The mean in microseconds. */
  double meanMicros();

  /** The specification this distribution was parsed from, normalised. */
  String spec();

  /** Always the same duration. */
  record Constant(long micros) implements DurationDistribution {
    @Override
    public long sampleMicros(RandomGenerator rng) {
      return micros;
    }

    @Override
    public double meanMicros() {
      return micros;
    }

    @Override
    public String spec() {
      return "const:" + micros + "us";
    }
  }

  /** Exponential with the given mean. */
  record Exponential(double meanMicros) implements DurationDistribution {
    @Override
    public long sampleMicros(RandomGenerator rng) {
      return Math.round(-meanMicros * Math.log(1.0 - rng.nextDouble()));
    }

    @Override
    public String spec() {
      return "exp:mean=" + Math.round(meanMicros) + "us";
    }
  }

  /** Log-normal with the given median ({@code exp(mu)}) and shape {@code sigma}. */
  record LogNormal(double medianMicros, double sigma) implements DurationDistribution {
    @Override
    public long sampleMicros(RandomGenerator rng) {
      return Math.round(medianMicros * Math.exp(sigma * rng.nextGaussian()));
    }

    @Override
    public double meanMicros() {
      return medianMicros * Math.exp(sigma * sigma / 2);
    }

    @Override
    public String spec() {
      return "lognormal:median=" + Math.round(medianMicros) + "us,sigma=" + sigma;
    }
  }

  /** Uniform between {@code min} and {@code max}. */
  record Uniform(long minMicros, long maxMicros) implements DurationDistribution {
    @Override
    public long sampleMicros(RandomGenerator rng) {
      return minMicros + Math.round(rng.nextDouble() * (maxMicros - minMicros));
    }

    @Override
    public double meanMicros() {
      return (minMicros + maxMicros) / 2.0;
    }

    @Override
    public String spec() {
      return "uniform:min=" + minMicros + "us,max=" + maxMicros + "us";
    }
  }

  /** Parses a specification; the error message says what is wrong and what is accepted. */
  static DurationDistribution parse(String spec) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    int colon = s.indexOf(':');
    if (colon < 0) {
      throw bad(spec, "expected KIND:PARAMS");
    }
    String kind = s.substring(0, colon);
    String params = s.substring(colon + 1);
    switch (kind) {
      case "const":
        return new Constant(micros(spec, params));
      case "exp":
        return new Exponential(micros(spec, param(spec, params, "mean")));
      case "lognormal":
        {
          double sigma = number(spec, param(spec, params, "sigma"));
          return new LogNormal(micros(spec, param(spec, params, "median")), sigma);
        }
      case "uniform":
        {
          long min = micros(spec, param(spec, params, "min"));
          long max = micros(spec, param(spec, params, "max"));
          if (max < min) {
            throw bad(spec, "max is below min");
          }
          return new Uniform(min, max);
        }
      default:
        throw bad(spec, "unknown kind '" + kind + "'");
    }
  }

  /** Parses one duration such as {@code 250ms}, {@code 2s}, {@code 1.5min} into microseconds. */
  static long micros(String spec, String value) {
    String v = value.trim();
    double factor;
    String digits;
    if (v.endsWith("us")) {
      factor = 1;
      digits = v.substring(0, v.length() - 2);
    } else if (v.endsWith("ms")) {
      factor = 1e3;
      digits = v.substring(0, v.length() - 2);
    } else if (v.endsWith("min")) {
      factor = 60e6;
      digits = v.substring(0, v.length() - 3);
    } else if (v.endsWith("s")) {
      factor = 1e6;
      digits = v.substring(0, v.length() - 1);
    } else {
      factor = 1e6;
      digits = v;
    }
    double d = number(spec, digits) * factor;
    if (d < 0 || d > Duration.ofDays(365).toNanos() / 1000.0) {
      throw bad(spec, "duration out of range: '" + value + "'");
    }
    return Math.round(d);
  }

  private static String param(String spec, String params, String name) {
    for (String kv : params.split(",")) {
      int eq = kv.indexOf('=');
      if (eq > 0 && kv.substring(0, eq).trim().equals(name)) {
        return kv.substring(eq + 1);
      }
    }
    throw bad(spec, "missing parameter '" + name + "'");
  }

  private static double number(String spec, String v) {
    try {
      double d = Double.parseDouble(v.trim());
      if (!Double.isFinite(d) || d < 0) {
        throw bad(spec, "not a finite non-negative number: '" + v + "'");
      }
      return d;
    } catch (NumberFormatException e) {
      throw bad(spec, "not a number: '" + v + "'");
    }
  }

  private static IllegalArgumentException bad(String spec, String why) {
    return new IllegalArgumentException(
        "bad distribution '"
            + spec
            + "': "
            + why
            + " (accepted: const:2s, exp:mean=4s, lognormal:median=3s,sigma=0.5,"
            + " uniform:min=1s,max=3s)");
  }
}
