package io.gradesim.traces.format;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The canonical result vocabulary (INGInious' job results) and the CLICS judgement types mapped
 * onto it. INGInious' own graders report {@code success}, {@code failed}, {@code crash} (the
 * student's program crashed), {@code timeout} and {@code overflow} (memory); the backend adds
 * {@code error} (the grading could not run) and {@code killed}.
 */
public final class Results {
  public static final String SUCCESS = "success";
  public static final String FAILED = "failed";
  public static final String ERROR = "error";
  public static final String CRASH = "crash";
  public static final String TIMEOUT = "timeout";
  public static final String OVERFLOW = "overflow";
  public static final String KILLED = "killed";

  /** Every canonical result. */
  public static final List<String> ALL =
      List.of(SUCCESS, FAILED, ERROR, CRASH, TIMEOUT, OVERFLOW, KILLED);

  /**
   * CLICS judgement type ids (CLICS Contest API, "Judgement Types", with DOMjudge's and the older
   * specification's spellings): accepted is success; a time limit is a timeout; a memory limit an
   * overflow; a run-time error a crash; a compile or judging error an error, since the program
   * never ran to completion against the tests; every other rejection (wrong answer, presentation,
   * output limit, no output, ...) is failed.
   */
  private static final Map<String, String> CLICS =
      Map.ofEntries(
          Map.entry("AC", SUCCESS),
          Map.entry("CORRECT", SUCCESS),
          Map.entry("TLE", TIMEOUT),
          Map.entry("TL", TIMEOUT),
          Map.entry("WTL", TIMEOUT),
          Map.entry("RTL", TIMEOUT),
          Map.entry("TIMELIMIT", TIMEOUT),
          Map.entry("MLE", OVERFLOW),
          Map.entry("ML", OVERFLOW),
          Map.entry("RML", OVERFLOW),
          Map.entry("RTE", CRASH),
          Map.entry("RE", CRASH),
          Map.entry("RRE", CRASH),
          Map.entry("RUN-ERROR", CRASH),
          Map.entry("CE", ERROR),
          Map.entry("CTE", ERROR),
          Map.entry("JE", ERROR),
          Map.entry("IE", ERROR),
          Map.entry("COMPILER-ERROR", ERROR),
          Map.entry("WA", FAILED),
          Map.entry("PE", FAILED),
          Map.entry("APE", FAILED),
          Map.entry("NO", FAILED),
          Map.entry("OLE", FAILED),
          Map.entry("OL", FAILED),
          Map.entry("EO", FAILED),
          Map.entry("IO", FAILED),
          Map.entry("SV", FAILED),
          Map.entry("RCO", FAILED),
          Map.entry("WRONG-ANSWER", FAILED),
          Map.entry("NO-OUTPUT", FAILED),
          Map.entry("OUTPUT-LIMIT", FAILED));

  private Results() {}

  /** The canonical result of a CLICS judgement type id, or null when the id is not known. */
  public static String fromClics(String judgementType) {
    return CLICS.get(judgementType.trim().toUpperCase(Locale.ROOT));
  }

  /** The canonical result named {@code text} (any case), or null when it is not one. */
  public static String canonical(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    return ALL.contains(t) ? t : null;
  }
}
