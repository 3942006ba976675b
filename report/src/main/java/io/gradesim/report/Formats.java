package io.gradesim.report;

import java.util.Locale;

/** Fixed, locale-independent number formats shared by the table, the CSV and the page. */
final class Formats {
  private Formats() {}

  /** Seconds for people: one decimal, "-" when unknown. */
  static String seconds(double s) {
    return Double.isNaN(s) ? "-" : String.format(Locale.ROOT, "%.1f", s);
  }

  /** Cost for people: two decimals, "-" when unknown. */
  static String cost(double c) {
    return Double.isNaN(c) ? "-" : String.format(Locale.ROOT, "%.2f", c);
  }

  /** A fraction as a whole percentage, "-" when unknown. */
  static String percent(double f) {
    return Double.isNaN(f) ? "-" : String.format(Locale.ROOT, "%.0f%%", f * 100);
  }

  /** A count: an integer when integral, "-" when unknown. */
  static String count(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  /** "agents x slots", "-" when either is unknown. */
  static String pool(ReportRow s) {
    return Double.isNaN(s.agents()) || Double.isNaN(s.slotsPerAgent())
        ? "-"
        : count(s.agents()) + " x " + count(s.slotsPerAgent());
  }

  /** A machine-readable number with {@code decimals} places; empty when unknown. */
  static String fixed(double v, int decimals) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
