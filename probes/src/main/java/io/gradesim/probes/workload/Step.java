package io.gradesim.probes.workload;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One command of a job, timed as its own stage: {@code exec} for the first, {@code respond} for the
 * HTTP client that waits for the server's first response.
 *
 * @param stage the stage name its sample carries
 * @param argv the command run inside the container (a constant argument list)
 * @param check what is wrong with its standard output, or empty when it is the expected result
 */
public record Step(String stage, List<String> argv, Function<String, Optional<String>> check) {

  /** The stage of an HTTP server's first response after its start (the thesis' "1st response"). */
  public static final String RESPOND = "respond";

  /** Copies the argument list. */
  public Step {
    argv = List.copyOf(argv);
  }

  /** A step whose output must contain {@code text}. */
  static Step containing(String stage, List<String> argv, String text) {
    return new Step(
        stage,
        argv,
        out ->
            out.contains(text)
                ? Optional.empty()
                : Optional.of("expected '" + text + "' in its output, got '" + brief(out) + "'"));
  }

  /** A step whose output, stripped, must be exactly {@code expected}. */
  static Step printing(String stage, List<String> argv, String expected) {
    return new Step(
        stage,
        argv,
        out ->
            out.strip().equals(expected)
                ? Optional.empty()
                : Optional.of("expected output '" + expected + "', got '" + brief(out) + "'"));
  }

  /** A step that only has to exit 0. */
  static Step anyOutput(String stage, List<String> argv) {
    return new Step(stage, argv, out -> Optional.empty());
  }

  private static String brief(String out) {
    String s = out.strip().replace('\n', ' ');
    return s.length() > 120 ? s.substring(0, 120) + "..." : s;
  }
}
