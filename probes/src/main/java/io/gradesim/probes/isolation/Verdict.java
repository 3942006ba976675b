package io.gradesim.probes.isolation;

/**
 * The outcome of one isolation check.
 *
 * @param outcome pass, fail or unsupported
 * @param detail what was observed (exit codes, connections), for people
 */
public record Verdict(Outcome outcome, String detail) {
  /** Whether the limit or isolation held. */
  public enum Outcome {
    PASS,
    FAIL,
    UNSUPPORTED;

    /** The lower-case name used in tables and CSV. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The limit held. */
  static Verdict pass(String detail) {
    return new Verdict(Outcome.PASS, detail);
  }

  /** The limit did not hold. */
  static Verdict fail(String detail) {
    return new Verdict(Outcome.FAIL, detail);
  }

  /** The runtime (as driven here) has no way to ask for it. */
  static Verdict unsupported(String detail) {
    return new Verdict(Outcome.UNSUPPORTED, detail);
  }
}
