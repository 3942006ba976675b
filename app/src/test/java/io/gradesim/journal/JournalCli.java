package io.gradesim.journal;

import io.gradesim.cli.GradesimCommand;
import io.gradesim.simulator.bench.PoissonArrivals;
import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalTraceWriter;
import io.gradesim.traces.testing.InputSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/** The gradesim command line run in-process on a given data folder, for the fault tests. */
final class JournalCli {
  private JournalCli() {}

  /** What a command printed and returned. */
  record Result(int code, String out, String err) {}

  /** Runs {@code gradesim ARGS} with data folder {@code home}. */
  static Result run(Path home, String... args) {
    String before = System.getProperty("gradesim.home");
    System.setProperty("gradesim.home", home.toString());
    try {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cl = GradesimCommand.commandLine();
      cl.setOut(new PrintWriter(out));
      cl.setErr(new PrintWriter(err));
      int code = cl.execute(args);
      return new Result(code, out.toString(), err.toString());
    } finally {
      if (before == null) {
        System.clearProperty("gradesim.home");
      } else {
        System.setProperty("gradesim.home", before);
      }
    }
  }

  /** Writes a seeded Poisson trace of {@code n} submissions. */
  static Path trace(Path file, int n, long seed) throws IOException {
    PoissonArrivals arrivals = new PoissonArrivals(n, 1.6, seed, "t");
    try (CanonicalTraceWriter w = new CanonicalTraceWriter(file)) {
      for (Submission s = arrivals.next(); s != null; s = arrivals.next()) {
        w.write(s);
      }
      w.commit();
    }
    return file;
  }

  /** A small scenario file. */
  static Path scenario(Path file) throws IOException {
    Files.writeString(
        file,
        "agents = 2\ncores = 4\nslots = 4\n"
            + "costs { create = \"uniform:min=50ms,max=150ms\", start = 300ms, remove = 20ms }\n"
            + "grading.default = \"lognormal:median=3s,sigma=0.5\"\noutput.bucket-s = 30\n");
    return file;
  }

  /** The SHA-256 of a file, hex. */
  static String sha256(Path file) throws IOException {
    return InputSnapshot.sha256(file);
  }

  /** Files under {@code dir} whose names say they are unfinished. */
  static List<Path> leftovers(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(
              p ->
                  p.getFileName().toString().endsWith(".partial")
                      || p.getFileName().toString().startsWith(".gradesim-sort"))
          .toList();
    }
  }
}
