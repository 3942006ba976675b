package io.gradesim.traces.cli;

import io.gradesim.files.OutputGuard;
import io.gradesim.files.PartialFiles;
import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalTraceWriter;
import io.gradesim.traces.synth.DurationDistribution;
import io.gradesim.traces.synth.ExamWorkload;
import io.gradesim.traces.synth.PoissonWorkload;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trace synth}: seeded synthetic workloads written as canonical traces. */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = {
      "Synthesises a seeded workload as a canonical trace.",
      "The same seed gives a byte-identical file. Grading DIST: const:2s, exp:mean=4s,",
      "lognormal:median=3s,sigma=0.5, uniform:min=1s,max=3s."
    },
    subcommands = {TraceSynthCommand.Poisson.class, TraceSynthCommand.Exam.class})
public final class TraceSynthCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options both generators share. */
  static class Common {
    @Option(
        names = "--grading",
        required = true,
        paramLabel = "DIST",
        description = "Grading-time distribution, e.g. lognormal:median=3s,sigma=0.5.")
    String grading;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Random seed.")
    long seed;

    @Option(
        names = "--start",
        paramLabel = "INSTANT",
        defaultValue = "2024-01-15T08:00:00Z",
        description = "Time zero (default ${DEFAULT-VALUE}).")
    Instant start;

    @Option(
        names = {"-o", "--output"},
        required = true,
        paramLabel = "OUT.csv",
        description = "The canonical trace to write (.gz to compress).")
    Path output;
  }

  /** Parses a duration option: {@code 2h}, {@code 90min}, {@code 30s}, {@code 500ms}. */
  static long duration(String option, String value) {
    String v = value.trim();
    try {
      long micros =
          v.endsWith("h")
              ? Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 3600e6)
              : DurationDistribution.micros(option, v);
      if (micros <= 0) {
        throw new IllegalArgumentException();
      }
      return micros;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          option
              + ": '"
              + value
              + "' is not a positive duration"
              + " (e.g. 2h, 90min, 30s, 500ms)");
    }
  }

  static long write(Stream<Submission> rows, Path output) throws IOException {
    new OutputGuard().file("-o", output).check();
    PartialFiles.sweep(output.toAbsolutePath().getParent());
    try (rows;
        CanonicalTraceWriter w = new CanonicalTraceWriter(output)) {
      for (Iterator<Submission> it = rows.iterator(); it.hasNext(); ) {
        w.write(it.next());
      }
      w.commit();
      return w.rows();
    }
  }

  /** {@code trace synth poisson}. */
  @Command(
      name = "poisson",
      mixinStandardHelpOptions = true,
      description = {
        "Open-loop Poisson arrivals.",
        "Arrivals at --rate per second, for --count submissions or --duration, each for one",
        "of --tasks tasks (t1..tK) chosen uniformly."
      })
  static final class Poisson implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin Common common = new Common();

    @Option(
        names = "--rate",
        required = true,
        paramLabel = "PER_S",
        description = "Mean arrivals per second.")
    double rate;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Length length;

    /** Exactly one of count and duration. */
    static final class Length {
      @Option(names = "--count", paramLabel = "N", description = "Number of submissions.")
      Long count;

      @Option(names = "--duration", paramLabel = "D", description = "Length, e.g. 3h, 90min.")
      String duration;
    }

    @Option(
        names = "--tasks",
        paramLabel = "K",
        defaultValue = "1",
        description = "Number of tasks (default ${DEFAULT-VALUE}).")
    int tasks;

    @Override
    public Integer call() throws IOException {
      PoissonWorkload w =
          new PoissonWorkload(
              rate,
              length.count == null ? -1 : length.count,
              length.duration == null ? -1 : duration("--duration", length.duration),
              tasks,
              DurationDistribution.parse(common.grading),
              common.seed,
              common.start);
      long n = write(w.stream(), common.output);
      spec.commandLine().getOut().println("wrote " + n + " submissions -> " + common.output);
      return 0;
    }
  }

  /** {@code trace synth exam}. */
  @Command(
      name = "exam",
      mixinStandardHelpOptions = true,
      description = {
        "A closed-loop exam.",
        "Students work through the tasks in order; think time shrinks",
        "towards the deadline; a student's next submission comes after the previous one's",
        "feedback (assumed after its grading time), so at most one is pending per student."
      })
  static final class Exam implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin Common common = new Common();

    @Option(names = "--students", required = true, paramLabel = "N")
    int students;

    @Option(
        names = "--duration",
        required = true,
        paramLabel = "D",
        description = "Exam length, e.g. 2h.")
    String duration;

    @Option(names = "--tasks", required = true, paramLabel = "K")
    int tasks;

    @Option(
        names = "--think",
        paramLabel = "D",
        defaultValue = "3min",
        description = "Mean think time at the start (default ${DEFAULT-VALUE}).")
    String think;

    @Option(
        names = "--p-success",
        paramLabel = "P",
        defaultValue = "0.3",
        description = "Probability that a submission passes (default ${DEFAULT-VALUE}).")
    double pSuccess;

    @Override
    public Integer call() throws IOException {
      ExamWorkload w =
          new ExamWorkload(
              students,
              duration("--duration", duration),
              tasks,
              DurationDistribution.parse(common.grading),
              common.seed,
              duration("--think", think),
              pSuccess,
              common.start);
      long n = write(w.stream(), common.output);
      spec.commandLine().getOut().println("wrote " + n + " submissions -> " + common.output);
      return 0;
    }
  }
}
