package io.gradesim.probes.cli;

import io.gradesim.files.OutputGuard;
import io.gradesim.probes.cleanup.Janitor;
import io.gradesim.probes.image.Image;
import io.gradesim.probes.image.ImageStore;
import io.gradesim.probes.isolation.IsolationMatrix;
import io.gradesim.probes.jfr.ProbeRecording;
import io.gradesim.probes.jfr.Stage;
import io.gradesim.probes.jfr.StageCsv;
import io.gradesim.probes.jfr.StageSample;
import io.gradesim.probes.report.SummaryTable;
import io.gradesim.probes.run.HarnessOverhead;
import io.gradesim.probes.run.ProbePlan;
import io.gradesim.probes.run.ProbeRunner;
import io.gradesim.probes.run.Storages;
import io.gradesim.probes.runtime.Availability;
import io.gradesim.probes.runtime.Runtime;
import io.gradesim.probes.runtime.RuntimeDriver;
import io.gradesim.probes.thesis.MatrixRun;
import io.gradesim.probes.thesis.ThesisCommand;
import io.gradesim.probes.workload.Job;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gradesim probe}: lists runtimes, times their lifecycle stages, checks isolation. */
@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    subcommands = ThesisCommand.class,
    description = {
      "Times every lifecycle stage of real containers with each runtime on this host.",
      "Start real containers (and micro-VMs) with each runtime on this host and time every "
          + "lifecycle stage (create, start, exec, stop, remove, and run as one operation) as JFR "
          + "events. Writes DIR/probe.jfr (stages beside the JVM's CPU load, for JDK Mission Control) "
          + "and DIR/probe.csv (one row per measured stage), and prints median, p90, p99 and a 95%% "
          + "confidence interval of the median per runtime, stage and concurrency. --list shows which "
          + "runtimes can run here and why not; --isolation checks limits; --matrix thesis probes "
          + "every configuration of the seed thesis this host can run."
    })
public final class ProbeCommand implements Callable<Integer> {

  @Option(names = "--list", description = "List the runtimes: available or not, version, reason.")
  boolean list;

  @Option(
      names = "--runtime",
      paramLabel = "R1,R2",
      description = "Runtimes to probe (see --list).")
  String runtimes;

  @Option(
      names = "--stages",
      paramLabel = "S1,S2",
      defaultValue = "create,start,exec,stop,remove,run",
      description = "Stages to record (default: ${DEFAULT-VALUE}).")
  String stages;

  @Option(
      names = "--payload",
      paramLabel = "P1,P2",
      description =
          "Payloads exec'd in the container: true, cpu, write, or the thesis' workloads hello,"
              + " http, db-read, db-write, io-read, io-write (the last four in all five sizes,"
              + " or one as db-read-xs, -sm, -md, -lg, -xl), or all of those; the workloads but"
              + " hello need --image grading (default: true). With --matrix: run these instead"
              + " of Hello World, by default for the named few configurations, in"
              + " DIR/workloads.")
  String payloads;

  @Option(
      names = "--repeat",
      defaultValue = "10",
      description =
          "Measured rounds per runtime, payload and concurrency" + " (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(
      names = "--warmup",
      defaultValue = "2",
      description = "Warm-up rounds, recorded but left out of the CSV (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--concurrency",
      paramLabel = "1,2,4",
      defaultValue = "1",
      description = "Lifecycles run at once, one level after another (default: ${DEFAULT-VALUE}).")
  String concurrency;

  @Option(
      names = "--image",
      paramLabel = "NAME",
      description =
          "Image the containers run: busybox (a few MB), minbase (Debian debootstrap"
              + " --variant=minbase, the thesis' Alpine) or grading (minbase + python3 + sqlite3,"
              + " the thesis' CentOS/INGInious image); built offline on first use and cached"
              + " (default: busybox; with --matrix, each configuration's mapped image).")
  String image;

  @Option(
      names = "--matrix",
      paramLabel = "NAME",
      description =
          "Instead of --runtime: Hello World for every configuration of a matrix this host can"
              + " run, each in its own folder of --out; 'thesis' is the seed thesis' 73."
              + " Resumable: configurations already in --out are not run again. Compare with"
              + " gradesim probe thesis --results DIR.")
  String matrix;

  @Option(
      names = "--budget",
      paramLabel = "DURATION",
      description =
          "With --matrix: start no configuration after this long (e.g. 45m, 2h, 1h30m); the"
              + " next run goes on with the rest.")
  String budget;

  @Option(
      names = "--rounds",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "With --matrix: measured rounds per configuration, after one warm-up"
              + " (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--only",
      paramLabel = "C1,C2",
      split = ",",
      description =
          "With --matrix: only these configurations, in this order (the thesis' file names"
              + " or gradesim's names).")
  List<String> only;

  @Option(
      names = "--storage",
      paramLabel = "S1,S2",
      description =
          "Storage drivers for docker-* and podman-* runtimes: overlay (docker's overlay2, the"
              + " engines' own storage), vfs, btrfs (a loop-mounted btrfs file), each but overlay"
              + " in a private daemon or storage root; devicemapper, zfs, aufs are reported absent"
              + " when the kernel lacks them (default: the engines' own storage).")
  String storage;

  @Option(names = "--images", description = "List the cached images (name and size) and exit.")
  boolean listImages;

  @Option(
      names = "--prune",
      description =
          "Remove the cached images and labelled image imports left in docker and podman, and"
              + " exit.")
  boolean prune;

  @Option(
      names = "--isolation",
      description =
          "Instead of timing stages, check memory, CPU-time and wall-time limits, no"
              + " network, pid isolation and read-only root for each runtime (default: all);"
              + " writes DIR/isolation.csv.")
  boolean isolation;

  @Option(
      names = "--placement",
      paramLabel = "CPUS",
      description =
          "Place every container as a live pool's agent on these host CPUs places a job (a"
              + " cpuset list such as 0 or 0-1): cpuset, a read-only bind mount at /mnt, the"
              + " OCI runtimes' commands on the same CPUs (validate probes this way).")
  String placement = "";

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory.")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The exit code of a probe stopped by SIGINT (Ctrl-C) or SIGTERM: 128 + SIGINT. */
  public static final int INTERRUPTED = 130;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    if (list) {
      return list(stdout);
    }
    if (listImages) {
      return ImageCache.list(ImageStore.standard(), stdout);
    }
    if (prune) {
      return ImageCache.prune(ImageStore.standard(), stdout);
    }
    Image chosen = Image.of(image == null ? Image.BUSYBOX.label() : image.strip());
    if (out == null) {
      throw new IllegalArgumentException("--out DIR is required (or use --list)");
    }
    new OutputGuard().dir("--out", out, List.of(), List.of()).check();
    if (matrix != null) {
      return interruptible(() -> matrix(stdout));
    }
    if (budget != null || only != null) {
      throw new IllegalArgumentException("--budget and --only go with --matrix");
    }
    if (isolation) {
      return isolation(stdout);
    }
    if (runtimes == null) {
      throw new IllegalArgumentException("--runtime is required (see --list)");
    }
    ProbePlan plan =
        new ProbePlan(
            Runtime.parse(runtimes),
            Stage.parse(stages),
            jobs(chosen),
            Arrays.stream(concurrency.split(","))
                .map(String::strip)
                .map(ProbeCommand::level)
                .toList(),
            warmup,
            repeat,
            storage == null
                ? List.of("")
                : Arrays.stream(storage.split(","))
                    .map(String::strip)
                    .filter(x -> !x.isEmpty())
                    .map(Storages::check)
                    .distinct()
                    .toList());
    for (Runtime r : plan.runtimes()) {
      for (String s : plan.storages()) {
        if (!s.isEmpty()) {
          Storages.driver(r, s);
        }
      }
    }
    Files.createDirectories(out);
    return interruptible(() -> probe(plan, ImageStore.standard().select(chosen), stdout));
  }

  /** Runs a probe; when interrupted, says so once and returns {@link #INTERRUPTED}. */
  private int interruptible(Interruptible probe) throws IOException {
    try {
      return probe.call();
    } catch (InterruptedException e) {
      // The janitor's shutdown hook removes what the probe made; the JVM exits when it is done.
      if (Janitor.announceInterrupt()) {
        spec.commandLine().getErr().println(Janitor.INTERRUPTED);
        spec.commandLine().getErr().flush();
      }
      return INTERRUPTED;
    }
  }

  private interface Interruptible {
    int call() throws IOException, InterruptedException;
  }

  private int matrix(PrintWriter stdout) throws IOException, InterruptedException {
    if (!matrix.strip().equals("thesis")) {
      throw new IllegalArgumentException(
          "--matrix: unknown matrix '" + matrix + "' (known: thesis)");
    }
    if (runtimes != null || storage != null) {
      throw new IllegalArgumentException(
          "--matrix chooses the runtimes and storage drivers itself: leave out --runtime and"
              + " --storage (--only picks configurations)");
    }
    MatrixRun run =
        new MatrixRun(
            out,
            MatrixRun.defaultThesis(),
            Optional.ofNullable(image).map(String::strip).map(Image::of),
            rounds,
            budget == null ? null : MatrixRun.budget(budget),
            only == null ? List.of() : only.stream().map(String::strip).toList(),
            payloads == null ? List.of() : Job.parse(payloads));
    if (image != null
        && run.image().get() != Image.GRADING
        && run.workloads().stream().anyMatch(Job::needsGradingImage)) {
      throw new IllegalArgumentException(needsGrading(run.workloads()));
    }
    Files.createDirectories(out);
    try (Janitor janitor = Janitor.install()) {
      Janitor.sweepOrphans();
      int code = run.run(ImageStore.standard(), janitor, System.err);
      stdout.println("wrote " + out + "; compare: gradesim probe thesis --results " + out);
      return code;
    }
  }

  private int probe(ProbePlan plan, ImageStore images, PrintWriter stdout)
      throws IOException, InterruptedException {
    try (Janitor janitor = Janitor.install()) {
      Janitor.sweepOrphans();
      Path jfr = out.resolve("probe.jfr");
      Map<String, String> problems;
      try (ProbeRecording recording = new ProbeRecording()) {
        HarnessOverhead.Figure overhead = HarnessOverhead.measure();
        stdout.println(overhead.describe());
        stdout.flush();
        problems = new ProbeRunner(plan, images, janitor, System.err).placed(placement).run();
        if (janitor.closing()) {
          // Interrupted during the last round: its lifecycles were cut short, so no results.
          throw new InterruptedException("probe interrupted");
        }
        recording.dump(jfr);
      }
      List<StageSample> samples = StageCsv.read(jfr);
      StageCsv.write(samples, out.resolve("probe.csv"));
      SummaryTable.print(SummaryTable.summarise(samples), stdout);
      problems.forEach((what, why) -> stdout.println("problem: " + what + ": " + why));
      stdout.println(
          "wrote "
              + jfr
              + " and "
              + out.resolve("probe.csv")
              + " ("
              + samples.size()
              + " samples)");
      return problems.keySet().stream().anyMatch(k -> !k.contains(" ")) ? 1 : 0;
    }
  }

  private int isolation(PrintWriter stdout) throws IOException {
    List<Runtime> chosen = runtimes == null ? List.of(Runtime.values()) : Runtime.parse(runtimes);
    Files.createDirectories(out);
    try (Janitor janitor = Janitor.install()) {
      Janitor.sweepOrphans();
      new IsolationMatrix(ImageStore.standard(), janitor)
          .run(chosen, out.resolve("isolation.csv"), stdout);
      stdout.println("wrote " + out.resolve("isolation.csv"));
    }
    return 0;
  }

  private static int list(PrintWriter stdout) {
    stdout.printf("%-13s %-9s %-44s %s%n", "runtime", "available", "version", "reason");
    int available = 0;
    for (Runtime r : Runtime.values()) {
      RuntimeDriver d = r.driver();
      Availability a = d.availability();
      available += a.available() ? 1 : 0;
      stdout.printf(
          "%-13s %-9s %-44s %s%n",
          d.resultLabel(r.label()),
          a.available() ? "yes" : "no",
          a.version().length() > 44 ? a.version().substring(0, 44) : a.version(),
          a.reason());
    }
    stdout.printf("%d of %d runtimes available%n", available, Runtime.values().length);
    return 0;
  }

  /** The payloads of --payload, checked against the image they run on. */
  private List<Job> jobs(Image chosen) {
    List<Job> jobs = Job.parse(payloads == null ? "true" : payloads);
    if (chosen != Image.GRADING && jobs.stream().anyMatch(Job::needsGradingImage)) {
      throw new IllegalArgumentException(needsGrading(jobs));
    }
    return jobs;
  }

  private static String needsGrading(List<Job> jobs) {
    return "--payload "
        + jobs.stream().filter(Job::needsGradingImage).map(Job::label).findFirst().orElse("")
        + " runs python3 or sqlite3, which only the grading image has: add --image grading";
  }

  private static int level(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--concurrency: '" + s + "' is not a whole number");
    }
  }

  /** Runs the probe command on its own (the gradesim launcher normally does this). */
  public static void main(String[] args) {
    CommandLine cl = new CommandLine(new ProbeCommand());
    // --matrix thesis: the option's value is also the name of the subcommand probe thesis.
    cl.setAllowSubcommandsAsOptionParameters(true);
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof IllegalArgumentException || e instanceof IOException) {
            cmd.getErr().println("gradesim: " + e.getMessage());
            return 2;
          }
          throw e;
        });
    System.exit(cl.execute(args));
  }
}
