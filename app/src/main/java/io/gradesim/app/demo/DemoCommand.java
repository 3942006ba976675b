package io.gradesim.app.demo;

import io.gradesim.app.plan.PlanCommand;
import io.gradesim.app.plan.PlanSpace;
import io.gradesim.app.plan.Planner;
import io.gradesim.app.system.GradesimSystem;
import io.gradesim.files.AtomicWrite;
import io.gradesim.files.OutputGuard;
import io.gradesim.files.progress.ProgressBar;
import io.gradesim.probes.cli.ProbeCommand;
import io.gradesim.probes.jfr.ProbeOutcome;
import io.gradesim.probes.runtime.HostNeeds;
import io.gradesim.probes.runtime.Runtime;
import io.gradesim.report.Verdict;
import io.gradesim.simulator.scenario.ScenarioLoader;
import io.gradesim.traces.scale.ScaleTarget;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gradesim demo}: the main job on embedded defaults. Probes the runtimes available with
 * quick settings, calibrates, imports the bundled sample INGInious exam, compares the bundled
 * capacity plans on it and prints the table and the report's path; then answers at 1x, 2x and 4x
 * the exam's load ({@code trace scale --load}, {@code compare --replications}): whether today's
 * pool meets the service level, the cheapest plan that does, vertical against horizontal; and the
 * planner's search of a wider space at the same loads. Each step is the same command a user would
 * type, run in-process, so the demo shows the real workflow (the planner through the code of {@code
 * gradesim plan}, whose levels the answer page draws). It ends with answer.html ({@link
 * DemoAnswerPage}): per load the planner's cost against feedback p95 front and vertical against
 * horizontal with intervals. A runtime that fails in the probe is reported and left out; a plan
 * whose runtime has no figures in the profile just made is left out of the comparison; only plain
 * processes must be measurable.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole workflow on this host with quick settings (the main job).",
      "Probes every container runtime"
          + " available, calibrates stage costs, imports the bundled sample INGInious exam and"
          + " compares the bundled capacity plans on it; prints the table and the path of"
          + " report.html. Then answers at 1x, 2x and 4x the exam's load (trace scale, compare"
          + " with 3 replications): whether today's pool meets feedback p95 <= 60 s, the"
          + " cheapest bundled plan that does, and vertical against horizontal scaling; and"
          + " gradesim plan over the bundled example space at the same loads (plan/). Ends with"
          + " the path of answer.html: per load the planner's cost against feedback p95 front"
          + " and vertical against horizontal with intervals. Takes a few minutes. On a host without container runtimes it probes"
          + " plain processes and compares the plans whose runtimes have published (literature)"
          + " figures; it says which plans it left out and what probes/host-setup.sh runtimes"
          + " would add."
    })
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "gradesim-demo",
      description = "Working and output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--repeat",
      paramLabel = "N",
      defaultValue = "3",
      description = "Measured rounds per runtime in the quick probe (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(
      names = "--runtime",
      paramLabel = "R1,R2",
      split = ",",
      description = "Runtimes to probe (default: every one available here).")
  List<String> runtimes;

  /** The load levels of the answer, as {@code trace scale --load} factors. */
  static final List<String> LOADS = List.of("1x", "2x", "4x");

  /** Replications per plan and load in the answer (independent seeds). */
  static final int REPLICATIONS = 3;

  /** The answer's service level: feedback p95 at most 60 s. */
  static final Verdict VERDICT = new Verdict(60);

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

    DemoRuntimes found = runtimes != null ? DemoRuntimes.chosen(runtimes) : DemoRuntimes.find();
    List<String> present = found.available();
    step(err, 1, "probing " + present.size() + " runtime(s): " + String.join(", ", present));
    printAbsent(err, found.absent());
    if (present.equals(List.of(Runtime.PROCESS.label()))) {
      err.println(
          "  no container runtime can run on this host: only plain processes are"
              + " measured; plans for other runtimes use published (literature) figures.");
    }
    err.flush();
    int probed =
        runner.apply(
            new String[] {
              "probe",
              "--runtime",
              String.join(",", present),
              "--repeat",
              Integer.toString(repeat),
              "--warmup",
              "1",
              "--stages",
              "create,start,exec,remove",
              "--out",
              probeDir.toString()
            });
    if (probed == ProbeCommand.INTERRUPTED) {
      return probed;
    }
    // Exit 1 means some runtime failed; the others were measured and the demo goes on.
    if (probed != 0 && probed != 1) {
      throw stopped("probe", probed);
    }
    reportProbe(err, present, ProbeOutcome.read(probeDir.resolve("probe.jfr")));

    step(err, 2, "calibrating stage costs from " + probeDir.resolve("probe.jfr"));
    run("calibrate", "--from", probeDir.resolve("probe.jfr").toString(), "-o", profile.toString());

    step(err, 3, "importing the bundled sample INGInious exam");
    Path input = out.resolve("input");
    Path export = DemoInputs.extractExam(input);
    run(
        "trace",
        "import",
        "--format",
        "inginious",
        export.toString(),
        "--tasks",
        input.resolve("tasks").toString(),
        "-o",
        trace.toString());

    DemoPlans plans = DemoPlans.against(DemoInputs.scenarios(), profile);
    step(err, 4, "comparing " + plans.kept().size() + " capacity plans");
    plans.leftOut().forEach((plan, why) -> err.printf("  left out %s: %s%n", plan, why));
    err.flush();
    List<String> compare =
        new ArrayList<>(
            List.of(
                "compare",
                "--trace",
                trace.toString(),
                "--calibration",
                profile.toString(),
                "--out",
                compareDir.toString()));
    plans.kept().forEach(s -> compare.add(s.toString()));
    run(compare.toArray(String[]::new));

    List<DemoAnswer> answers = answer(err, trace, profile, plans);
    List<Planner.Level> levels = plan(trace, profile);
    Path page =
        AtomicWrite.writeString(
            out.resolve(DemoAnswerPage.HTML),
            DemoAnswerPage.render(answers, levels, VERDICT, REPLICATIONS));

    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(
        "%nreport: %s%n", compareDir.resolve("report.html").toAbsolutePath().normalize().toUri());
    printAnswers(stdout, answers);
    if (!found.absent().isEmpty()) {
      stdout.printf(
          "not probed here: %s; as root, probes/host-setup.sh runtimes installs"
              + " them (then run the demo again)%n",
          String.join(", ", found.absent().keySet()));
    }
    stdout.printf(
        "the answer on one page (per load: the planner's cost against feedback p95 front,"
            + " vertical against horizontal): %s%n",
        page.normalize().toUri());
    stdout.flush();
    return 0;
  }

  /**
   * Step 5, the answer: the exam at 1x, 2x and 4x its load ({@code trace scale --load}), each
   * compared over {@link #REPLICATIONS} replications of the plans kept, each load's report in
   * {@code answer/<load>/}.
   */
  private List<DemoAnswer> answer(PrintWriter err, Path trace, Path profile, DemoPlans plans)
      throws java.io.IOException {
    step(err, 5, "the answer at " + String.join(", ", LOADS) + " load");
    List<String> names = new ArrayList<>();
    for (Path file : plans.kept()) {
      names.add(ScenarioLoader.load(file, List.of()).name());
    }
    List<DemoAnswer> answers = new ArrayList<>();
    Path answerDir = out.resolve("answer");
    for (String load : LOADS) {
      Path scaled = trace;
      if (!load.equals("1x")) {
        scaled = answerDir.resolve("exam-" + load + ".csv");
        Files.createDirectories(answerDir);
        run(
            "trace",
            "scale",
            "--load",
            load,
            "--seed",
            "1",
            trace.toString(),
            "-o",
            scaled.toString());
      }
      Path dir = answerDir.resolve(load);
      List<String> compare =
          new ArrayList<>(
              List.of(
                  "compare",
                  "--trace",
                  scaled.toString(),
                  "--calibration",
                  profile.toString(),
                  "--replications",
                  Integer.toString(REPLICATIONS),
                  "--out",
                  dir.toString()));
      plans.kept().forEach(f -> compare.add(f.toString()));
      run(compare.toArray(String[]::new));
      answers.add(DemoAnswer.read(load, dir, names, REPLICATIONS, VERDICT));
    }
    return answers;
  }

  /**
   * The planner over the bundled example space at the same loads, as {@code gradesim plan --load
   * 1x,2x,4x --replications 3 --seed 1 --out DIR/plan} runs it (the same code once its options are
   * read): its table goes to the terminal, plan.csv and plan.html to {@code plan/}; returns its
   * levels for the answer page.
   */
  private List<Planner.Level> plan(Path trace, Path profile) throws java.io.IOException {
    Path space = DemoInputs.scenarioFolder().resolve("spaces").resolve("space-example.conf");
    List<Double> factors = new ArrayList<>();
    for (String load : LOADS) {
      factors.add(ScaleTarget.Load.parse(load).factor());
    }
    return PlanCommand.run(
        GradesimSystem.of(spec).get(),
        new Planner.Request(
            trace,
            profile,
            PlanSpace.read(space),
            VERDICT,
            factors,
            REPLICATIONS,
            0,
            0.95,
            1L,
            java.lang.Runtime.getRuntime().availableProcessors(),
            out.resolve("plan"),
            ProgressBar::onStderr,
            List.of(),
            null),
        spec.commandLine().getOut());
  }

  /** Per load: today's pool against the service level, the cheapest plan, vertical/horizontal. */
  private static void printAnswers(PrintWriter out, List<DemoAnswer> answers) {
    out.printf(
        "%nThe answer (feedback p95 <= 60 s, met when the one-sided 95 %% upper bound over %d"
            + " replications is within it; cheapest of the bundled plans):%n",
        REPLICATIONS);
    for (DemoAnswer a : answers) {
      out.printf("  at %s load:%n", a.load());
      out.printf("    today's pool (inginious-today): %s%n", a.today());
      out.printf("    cheapest plan meeting it:       %s%n", a.recommendation());
      out.printf("    vertical against horizontal:    %s%n", a.verticalAgainstHorizontal());
    }
    out.printf(
        "  each load's comparison (table, compare.csv, report.html): answer/<load>/ in --out;%n"
            + "  the planner's search of a wider space (table above, cost against feedback p95"
            + " front per load): plan/plan.html in --out%n");
    out.flush();
  }

  /**
   * Lists the absent runtimes with their reasons; a missing busybox, which every image-based
   * runtime names, is said once instead of on every line.
   */
  private static void printAbsent(PrintWriter err, Map<String, String> absent) {
    String busybox = HostNeeds.busyboxImage().orElse("");
    boolean shared = false;
    for (var e : absent.entrySet()) {
      String why = e.getValue();
      if (!busybox.isEmpty() && why.contains(busybox)) {
        shared = true;
        why =
            why.equals(busybox)
                ? "only busybox is missing (see below)"
                : why.replace("; " + busybox, "");
      }
      err.printf("  %-13s absent: %s%n", e.getKey(), why);
    }
    if (shared) {
      err.printf(
          "  and the images of every runtime but process are built from busybox: %s%n", busybox);
    }
  }

  /** Says which probed runtimes were measured and why the others were not. */
  private static void reportProbe(PrintWriter err, List<String> probed, ProbeOutcome outcome) {
    for (String r : probed) {
      // Results carry the driver's label (e.g. qemu-emulated under TCG).
      String label = Runtime.of(r).driver().resultLabel(r);
      if (!outcome.measured().contains(label)) {
        err.printf(
            "  %-13s failed in the probe, left out: %s%n",
            r,
            outcome
                .firstError(label)
                .map(DemoCommand::oneLine)
                .orElse("no stage ran (the probe's problem line above says why)"));
      }
    }
    err.printf("  measured: %s%n", String.join(", ", outcome.measured()));
    err.flush();
    if (!outcome.measured().contains(Runtime.PROCESS.label())) {
      throw new IllegalStateException(
          "demo stopped: not even plain processes could be"
              + " measured on this host (see the probe's problems above)");
    }
  }

  /**
   * The first line of a message, at most about 160 characters: runtimes' errors start with a long
   * command line and end with the runtime's own words, so the middle goes.
   */
  static String oneLine(String message) {
    String first = message.strip().lines().findFirst().orElse("");
    return first.length() > 160
        ? first.substring(0, 50) + " ... " + first.substring(first.length() - 105)
        : first;
  }

  private static void step(PrintWriter err, int n, String what) {
    err.printf("%n[demo %d/5] %s%n", n, what);
    err.flush();
  }

  private void run(String... args) {
    int code = runner.apply(args);
    if (code != 0) {
      throw stopped(args[0], code);
    }
  }

  private static IllegalStateException stopped(String command, int code) {
    return new IllegalStateException(
        "demo stopped: its step 'gradesim "
            + command
            + "' exited with code "
            + code
            + " (its message is above)");
  }
}
