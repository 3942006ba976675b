package io.gradesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.files.Sha256;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Group 5 of the hostile cases: errors end as one line and a documented exit code, never as a stack
 * trace or JVM exit 255, and leave no partial output.
 */
@Tag("hostile-5")
class ErrorExitTest {

  /** Overloaded: 1 agent x 2 slots of 2 s jobs against 100 arrivals per second. */
  private static final String OVERLOADED =
      "agents = 1\ncores = 2\nslots = 2\n" + "grading { default = 2s }\n";

  @Test
  @DisplayName("hostile-5: compare of 4 overloaded scenarios out of memory: one line, exit 3")
  void compareOutOfMemoryIsOneLineNamingTheRemedyExitThreeAndNoPartialOutput(@TempDir Path tmp)
      throws Exception {
    Path trace = tmp.resolve("trace.csv");
    writeTrace(trace, 400_000);
    List<Path> inputs = new ArrayList<>(List.of(trace));
    for (int i = 1; i <= 4; i++) {
      Path s = tmp.resolve("overloaded-" + i + ".conf");
      Files.writeString(s, OVERLOADED + "seed = " + i + "\n");
      inputs.add(s);
    }
    Map<Path, String> before = hashes(inputs);
    Path out = tmp.resolve("out");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                javaBin(),
                "-Xmx40m",
                "-Xss512k",
                "-cp",
                System.getProperty("java.class.path"),
                GradesimCommand.class.getName(),
                "compare",
                "--parallel",
                "2",
                "--trace",
                trace.toString()));
    inputs.subList(1, inputs.size()).forEach(p -> cmd.add(p.toString()));
    cmd.addAll(List.of("--out", out.toString()));
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(err).isEqualTo(3);
    List<String> messages = err.lines().filter(l -> l.startsWith("gradesim:")).toList();
    assertThat(messages).as(err).hasSize(1);
    assertThat(messages.get(0)).contains("out of memory", "GRADESIM_JAVA_OPTS=-Xmx");
    assertNoStackTrace(err);
    assertThat(hashes(inputs)).isEqualTo(before);
    assertThat(filesUnder(out))
        .noneMatch(f -> f.endsWith(".partial"))
        .noneMatch(f -> f.endsWith("summary.json") || f.endsWith("submissions.csv"))
        .noneMatch(f -> f.endsWith("compare.csv") || f.endsWith("report.html"));
  }

  @Test
  @DisplayName("hostile-5: simulate --out EXISTING_FILE is a clear error, exit 2")
  void simulateIntoAnExistingFileIsAClearErrorExitTwo(@TempDir Path tmp) throws Exception {
    Path trace = tmp.resolve("trace.csv");
    writeTrace(trace, 100);
    Path scenario = tmp.resolve("s.conf");
    Files.writeString(scenario, OVERLOADED);
    Path file = tmp.resolve("results");
    Files.writeString(file, "the user's notes\n");
    Map<Path, String> before = hashes(List.of(trace, scenario, file));

    Result r =
        run(
            "simulate",
            "--trace",
            trace.toString(),
            "--scenario",
            scenario.toString(),
            "--journal",
            "none",
            "--out",
            file.toString());

    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "gradesim: refusing to write " + file + " (--out): it is a file, not a directory");
    assertThat(hashes(List.of(trace, scenario, file))).isEqualTo(before);
    assertThat(filesUnder(tmp))
        .containsExactlyInAnyOrder(trace.toString(), scenario.toString(), file.toString());
  }

  @Test
  @DisplayName("hostile-5: an --out below a file is one line naming it, exit 2, no Pekko words")
  void anOutBelowAFileIsOneLineNotAPekkoWrapper(@TempDir Path tmp) throws Exception {
    Path trace = tmp.resolve("trace.csv");
    writeTrace(trace, 100);
    Path scenario = tmp.resolve("s.conf");
    Files.writeString(scenario, OVERLOADED);
    Path file = tmp.resolve("results");
    Files.writeString(file, "the user's notes\n");
    Map<Path, String> before = hashes(List.of(trace, scenario, file));
    // The folder is below a file: refused before the run starts (it once surfaced from the run's
    // actor as an ActorInitializationException).
    Path out = file.resolve("run");

    Result r =
        run(
            "simulate",
            "--trace",
            trace.toString(),
            "--scenario",
            scenario.toString(),
            "--journal",
            "none",
            "--out",
            out.toString());

    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err())
        .startsWith("gradesim: refusing to write " + out + " (--out): " + file + " is a file")
        .doesNotContain("pekko", "Actor", "Exception");
    assertNoStackTrace(r.err());
    assertThat(hashes(List.of(trace, scenario, file))).isEqualTo(before);
    assertThat(filesUnder(tmp))
        .containsExactlyInAnyOrder(trace.toString(), scenario.toString(), file.toString());
  }

  @Test
  @DisplayName("hostile-5: an unexpected exception: one line without --debug, the trace with")
  void anUnexpectedExceptionPrintsOneLineAndItsStackTraceOnlyWithDebug() {
    Result plain = run(new Boom(), "boom");
    assertThat(plain.code()).isEqualTo(1);
    assertThat(plain.err().strip())
        .isEqualTo(
            "gradesim: internal error: "
                + "java.lang.ArithmeticException: long overflow (run with --debug for the stack trace)");

    Result debug = run(new Boom(), "--debug", "boom");
    assertThat(debug.code()).isEqualTo(1);
    assertThat(debug.err())
        .startsWith("gradesim: internal error: " + "java.lang.ArithmeticException: long overflow\n")
        .contains("\tat io.gradesim.cli.ErrorExitTest$Boom.call");
  }

  /** Fails as a bug would, wrapped the way a future's failure is. */
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new CompletionException(new ArithmeticException("long overflow"));
    }
  }

  private record Result(int code, String err) {}

  private static Result run(String... args) {
    return run(null, args);
  }

  private static Result run(Object extra, String... args) {
    CommandLine cl = GradesimCommand.commandLine();
    if (extra != null) {
      cl.addSubcommand(extra);
    }
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    int code = cl.execute(args);
    return new Result(code, err.toString());
  }

  private static void assertNoStackTrace(String err) {
    assertThat(err).doesNotContain("\tat ", "Exception in thread", "Caused by:", "Uncaught error");
  }

  /** {@code n} submissions, 100 per second, one task, grading time from the scenario. */
  static void writeTrace(Path file, int n) throws IOException {
    StringBuilder csv = new StringBuilder(n * 48).append("id,submitted_at,course,task,users\n");
    long start = java.time.Instant.parse("2024-03-08T09:00:00Z").toEpochMilli();
    for (int i = 0; i < n; i++) {
      csv.append('s')
          .append(i)
          .append(',')
          .append(java.time.Instant.ofEpochMilli(start + i * 10L))
          .append(",c,t,u")
          .append(i % 1000)
          .append('\n');
    }
    Files.writeString(file, csv);
  }

  private static Map<Path, String> hashes(List<Path> files) throws IOException {
    Map<Path, String> h = new LinkedHashMap<>();
    for (Path f : files) {
      h.put(f, Sha256.ofFile(f));
    }
    return h;
  }

  private static List<String> filesUnder(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(Path::toString).toList();
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
