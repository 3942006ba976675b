package io.gradesim.traces.cli;

import io.gradesim.traces.scale.ScaleTarget;
import io.gradesim.traces.scale.TraceScaling;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trace scale}: load growth (or thinning) as a seeded transform of a canonical trace. */
@Command(
    name = "scale",
    mixinStandardHelpOptions = true,
    description = {
      "Scales a canonical trace's load by cloning or thinning whole students' sessions.",
      "--load 2x adds one clone of every session as new pseudonymous students (groups as",
      "groups), each shifted by a seeded jitter that keeps its gaps and the deadline rush;",
      "0.5x keeps a seeded half; 1.5x clones a seeded half once. --students N scales to N",
      "students. The same seed gives a byte-identical file; OUT.provenance.json records the",
      "source's SHA-256, the factor and the seed."
    })
final class TraceScaleCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  /** Exactly one of a load factor and a student count. */
  static final class Target {
    @Option(names = "--load", paramLabel = "Kx", description = "Load factor, e.g. 2x, 0.5x.")
    String load;

    @Option(names = "--students", paramLabel = "N", description = "Number of students wanted.")
    Integer students;
  }

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--jitter",
      paramLabel = "D",
      defaultValue = "5min",
      description = "A clone's session moves by at most this much (default ${DEFAULT-VALUE}).")
  String jitter;

  @Parameters(index = "0", paramLabel = "IN", description = "The canonical trace to scale.")
  Path input;

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "OUT.csv",
      description = "The scaled canonical trace to write (.gz to compress).")
  Path output;

  @Override
  public Integer call() throws IOException {
    ScaleTarget t =
        target.load != null
            ? ScaleTarget.Load.parse(target.load)
            : new ScaleTarget.Students(target.students);
    long jitterMicros =
        jitter.trim().equals("0") ? 0 : TraceSynthCommand.duration("--jitter", jitter);
    TraceScaling.Result r = TraceScaling.scale(input, t, seed, jitterMicros / 1000, output);
    spec.commandLine()
        .getOut()
        .println(
            "scaled "
                + r.sourceSubmissions()
                + " submissions of "
                + r.sourceStudents()
                + " students to "
                + r.submissions()
                + " of "
                + r.students()
                + " -> "
                + output);
    return 0;
  }
}
