package io.gradesim.traces.scale;

/** What a scaling aims at: a load factor or a number of students. */
public sealed interface ScaleTarget {

  /** Scale the number of sessions (so of submissions) by {@code factor}, e.g. 2 or 0.5. */
  record Load(double factor) implements ScaleTarget {
    /** Checks that the factor is positive and finite. */
    public Load {
      if (!(factor > 0) || Double.isInfinite(factor)) {
        throw new IllegalArgumentException(
            "--load: '" + factor + "' is not a positive factor (e.g. 2x, 0.5x)");
      }
    }

    /** Parses a load factor as written on the command line: {@code 2x}, {@code 0.5x}, {@code 3}. */
    public static Load parse(String text) {
      String t = text.trim();
      String digits = t.endsWith("x") || t.endsWith("X") ? t.substring(0, t.length() - 1) : t;
      double k;
      try {
        k = Double.parseDouble(digits);
      } catch (NumberFormatException e) {
        k = Double.NaN;
      }
      if (!(k > 0) || Double.isInfinite(k) || digits.isBlank()) {
        throw new IllegalArgumentException(
            "--load: '" + text + "' is not a positive factor (e.g. 2x, 0.5x)");
      }
      return new Load(k);
    }
  }

  /** Scale to {@code count} students (users), cloning or thinning whole sessions. */
  record Students(int count) implements ScaleTarget {
    /** Checks that the count is positive. */
    public Students {
      if (count < 1) {
        throw new IllegalArgumentException(
            "--students: '" + count + "' is not a positive number of students");
      }
    }
  }
}
