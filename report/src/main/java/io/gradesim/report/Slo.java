package io.gradesim.report;

import io.gradesim.simulator.output.SummaryKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service-level objective, {@code metric <= limit}, written as {@code "feedback_p95 <= 60s"}.
 * The metric is a numeric key of {@code summary.json} ({@link SummaryKey}), named with or without
 * its {@code _s} suffix; a limit in seconds takes a unit ({@code ms}, {@code s}, {@code min},
 * {@code h}), other limits are plain numbers. {@code compare} and {@code plan} read the same text.
 *
 * @param metric the summary figure the objective bounds
 * @param limit the largest value that meets it (seconds for a time)
 */
public record Slo(SummaryKey metric, double limit) {
  private static final Pattern FORM =
      Pattern.compile("\\s*([a-z0-9_]+)\\s*<=\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([a-z]*)\\s*");
  private static final Set<String> UNITS =
      Set.of("s", "submissions", "ratio", "price unit", "core-h", "agent-h", "agents", "slots");

  /** Feedback p95 at most {@code seconds}: the default objective. */
  public static Slo feedbackP95(double seconds) {
    return new Slo(SummaryKey.FEEDBACK_P95_S, seconds);
  }

  /** Parses {@code text}; an error message names {@code option} and what is wrong. */
  public static Slo parse(String option, String text) {
    Matcher m = FORM.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          option + " '" + text + "': expected METRIC <= LIMIT, e.g. \"feedback_p95 <= 60s\"");
    }
    SummaryKey key = metric(option, text, m.group(1));
    double value = Double.parseDouble(m.group(2));
    String unit = m.group(3);
    double limit;
    if (key.unit().equals("s")) {
      limit = value * secondsPer(option, text, unit);
    } else if (unit.isEmpty()) {
      limit = value;
    } else {
      throw new IllegalArgumentException(
          option + " '" + text + "': " + m.group(1) + " is a count or ratio, give no unit");
    }
    if (!(limit > 0)) {
      throw new IllegalArgumentException(option + " '" + text + "': the limit must be positive");
    }
    return new Slo(key, limit);
  }

  /** Parses every text of a repeatable option. */
  public static List<Slo> parseAll(String option, List<String> texts) {
    List<Slo> out = new ArrayList<>();
    for (String t : texts) {
      out.add(parse(option, t));
    }
    return List.copyOf(out);
  }

  /** The metric's short name, e.g. {@code feedback_p95}. */
  public String name() {
    return shortName(metric);
  }

  /** Whether {@code value} meets the objective (NaN, an unknown figure, does not). */
  public boolean meets(double value) {
    return !Double.isNaN(value) && value <= limit;
  }

  /** The objective as text, e.g. {@code feedback_p95 <= 60.0 s}. */
  @Override
  public String toString() {
    return name() + " <= " + limitText();
  }

  /** The limit for people: seconds with one decimal and " s", else the number. */
  public String limitText() {
    return metric.unit().equals("s") ? Formats.seconds(limit) + " s" : Formats.count(limit);
  }

  private static String shortName(SummaryKey k) {
    String key = k.key();
    return key.endsWith("_s") ? key.substring(0, key.length() - 2) : key;
  }

  private static SummaryKey metric(String option, String text, String name) {
    List<String> known = new ArrayList<>();
    for (SummaryKey k : SummaryKey.values()) {
      if (!UNITS.contains(k.unit()) || k == SummaryKey.SEED) {
        continue;
      }
      known.add(shortName(k));
      if (name.equals(k.key()) || name.equals(shortName(k))) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        option
            + " '"
            + text
            + "': unknown metric '"
            + name
            + "'; known: "
            + String.join(", ", known));
  }

  private static double secondsPer(String option, String text, String unit) {
    return switch (unit) {
      case "ms" -> 1e-3;
      case "s" -> 1;
      case "min" -> 60;
      case "h" -> 3600;
      default ->
          throw new IllegalArgumentException(
              option
                  + " '"
                  + text
                  + "': "
                  + (unit.isEmpty() ? "the limit needs a unit" : "unknown unit '" + unit + "'")
                  + " (ms, s, min, h)");
    };
  }
}
