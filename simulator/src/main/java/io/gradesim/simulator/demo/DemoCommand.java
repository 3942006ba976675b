package io.gradesim.simulator.demo;

import io.gradesim.files.OutputGuard;
import io.gradesim.probes.runtime.Availability;
import io.gradesim.probes.runtime.Runtime;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gradesim demo}: the main job on embedded defaults. Probes the runtimes present with
 * quick settings, calibrates, imports the bundled sample INGInious exam, compares the bundled
 * capacity plans on it and prints the table and the report's path. Each step is the same
 * command a user would type, run in-process, so the demo shows the real workflow.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole workflow on this host with quick settings (the main job).",
      "Probes every container runtime"
          + " present, calibrates stage costs, imports the bundled sample INGInious exam and"
          + " compares the bundled capacity plans on it; prints the table and the path of"
          + " report.html. Takes a few minutes. On a host without container runtimes it probes"
          + " plain processes and compares with the published (literature) figures."
    })
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "gradesim-demo",
      description = "Working and output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--repeat", paramLabel = "N", defaultValue = "3",
      description = "Measured rounds per runtime in the quick probe (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(names = "--runtime", paramLabel = "R1,R2", split = ",",
      description = "Runtimes to probe (default: every one available here).")
  List<String> runtimes;

  /** Runs the subcommands of the root command line; each returns its exit code. */
  private Function<String[], Integer> runner;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    CommandLine root = spec.root().commandLine();
    runner = args -> root.execute(args);
    new OutputGuard().dir("--out", out, List.of(), List.of()).check();
    Files.createDirectories(out);
    Path probeDir = out.resolve("probe");
    Path profile = out.resolve("profile.json");
    Path trace = out.resolve("exam.csv");
    Path compareDir = out.resolve("compare");

    List<String> present = runtimes != null ? runtimes : presentRuntimes(err);
    step(err, 1, "probing " + present.size() + " runtime(s): " + String.join(", ", present));
    if (present.equals(List.of(Runtime.PROCESS.label()))) {
      err.println("  no container runtime can run on this host: only plain processes are"
          + " measured; runtimes in the scenarios use published (literature) figures.");
    }
    run("probe", "--runtime", String.join(",", present), "--repeat", Integer.toString(repeat),
        "--warmup", "1", "--stages", "create,start,exec,remove", "--out", probeDir.toString());

    step(err, 2, "calibrating stage costs from " + probeDir.resolve("probe.jfr"));
    run("calibrate", "--from", probeDir.resolve("probe.jfr").toString(), "-o",
        profile.toString());

    step(err, 3, "importing the bundled sample INGInious exam");
    Path input = out.resolve("input");
    Path export = DemoInputs.extractExam(input);
    run("trace", "import", "--format", "inginious", export.toString(), "--tasks",
        input.resolve("tasks").toString(), "-o", trace.toString());

    List<Path> scenarios = DemoInputs.scenarios();
    step(err, 4, "comparing " + scenarios.size() + " capacity plans");
    List<String> compare = new ArrayList<>(List.of("compare", "--trace", trace.toString(),
        "--calibration", profile.toString(), "--out", compareDir.toString()));
    scenarios.forEach(s -> compare.add(s.toString()));
    run(compare.toArray(String[]::new));

    spec.commandLine().getOut().printf("%nreport: %s%n",
        compareDir.resolve("report.html").toAbsolutePath().normalize().toUri());
    return 0;
  }

  private List<String> presentRuntimes(PrintWriter err) {
    List<String> present = new ArrayList<>();
    for (Runtime r : Runtime.values()) {
      Availability a = r.driver().availability();
      if (a.available()) {
        present.add(r.label());
      } else {
        err.printf("  %-13s absent: %s%n", r.label(), a.reason());
      }
    }
    return present;
  }

  private static void step(PrintWriter err, int n, String what) {
    err.printf("%n[demo %d/4] %s%n", n, what);
    err.flush();
  }

  private void run(String... args) {
    int code = runner.apply(args);
    if (code != 0) {
      throw new IllegalStateException("demo stopped: 'gradesim " + String.join(" ", args)
          + "' exited with code " + code + " (its message is above)");
    }
  }
}
