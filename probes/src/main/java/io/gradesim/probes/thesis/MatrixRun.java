package io.gradesim.probes.thesis;

import io.gradesim.probes.cleanup.Janitor;
import io.gradesim.probes.image.Image;
import io.gradesim.probes.image.ImageStore;
import io.gradesim.probes.jfr.ProbeRecording;
import io.gradesim.probes.jfr.Stage;
import io.gradesim.probes.jfr.StageCsv;
import io.gradesim.probes.jfr.StageSample;
import io.gradesim.probes.run.ProbePlan;
import io.gradesim.probes.run.ProbeRunner;
import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.Payload;
import io.gradesim.probes.workload.Job;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code probe --matrix thesis}: Hello World (create, start, exec, stop, remove; payload {@code
 * true}, one warm-up round, then the measured rounds) for every thesis configuration this host can
 * run ({@link ThesisMatrix}, {@link HostMapping}), one configuration after another, each in its own
 * folder {@code OUT/NAME} ({@code probe.jfr}, {@code probe.csv}) built in {@code OUT/.partial-NAME}
 * and moved into place whole. A configuration whose folder exists is not run again, so a matrix
 * stopped by Ctrl-C or by its time budget resumes where it stopped; the budget is looked at before
 * each configuration (the one running finishes). Between configurations the janitor removes what
 * the last one made (containers, image imports, private daemons, mounts, the rootless user's
 * processes); only the image cache stays.
 *
 * <p>With {@code workloads} (the thesis' HTTP, database and IO tests, {@link Job}) it runs those
 * instead of Hello World, by default for {@link ThesisMatrix#WORKLOAD_FEW}, on the grading image
 * (the workloads need its python3 and sqlite3) unless {@code image} says otherwise, each
 * configuration's results in {@code OUT/workloads/NAME}, resumable the same way.
 *
 * @param out the output folder
 * @param thesis the thesis' measurement files
 * @param image the image every configuration runs instead of its mapped one, if any
 * @param rounds measured rounds per configuration
 * @param budget how long to go on starting configurations; null for no limit
 * @param only the configurations to consider, in this order; empty for all 73 in file order (for
 *     Hello World) or the named few (for workloads)
 * @param workloads the payloads to run instead of Hello World's {@code true}; empty for Hello World
 */
public record MatrixRun(
    Path out,
    Path thesis,
    Optional<Image> image,
    int rounds,
    Duration budget,
    List<String> only,
    List<Job> workloads) {

  /** A Hello World matrix. */
  public MatrixRun(
      Path out,
      Path thesis,
      Optional<Image> image,
      int rounds,
      Duration budget,
      List<String> only) {
    this(out, thesis, image, rounds, budget, only, List.of());
  }

  /** The folder of the workloads' results inside the matrix output. */
  public static final String WORKLOADS = "workloads";

  private static final Pattern BUDGET = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  /** Checks the numbers. */
  public MatrixRun {
    if (rounds < 1) {
      throw new IllegalArgumentException("--rounds must be at least 1, got " + rounds);
    }
    only = List.copyOf(only);
    workloads = List.copyOf(workloads);
  }

  /** The default location of the thesis' files (the shared folder's). */
  public static Path defaultThesis() {
    return ThesisCommand.defaultFolder();
  }

  /** A budget such as {@code 45m}, {@code 2h}, {@code 1h30m}, {@code 90s} or {@code PT1H}. */
  public static Duration budget(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = BUDGET.matcher(t);
    if (!t.isEmpty() && m.matches()) {
      long s = 0;
      for (int g = 1; g <= 3; g++) {
        s += m.group(g) == null ? 0 : Long.parseLong(m.group(g)) * new long[] {3600, 60, 1}[g - 1];
      }
      if (s > 0) {
        return Duration.ofSeconds(s);
      }
    }
    try {
      Duration d = Duration.parse(text.strip());
      if (!d.isNegative() && !d.isZero()) {
        return d;
      }
    } catch (java.time.format.DateTimeParseException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--budget: '" + text + "' is not a duration (e.g. 45m, 2h, 1h30m, 90s)");
  }

  /**
   * Runs the matrix with {@code janitor} (installed by the caller), progress and one line per
   * configuration on {@code err}; returns 0, or 1 when some configuration produced no result.
   */
  public int run(ImageStore images, Janitor janitor, PrintStream err)
      throws IOException, InterruptedException {
    boolean jobs = !workloads.isEmpty();
    List<ThesisConfiguration> chosen =
        ThesisMatrix.select(
            ThesisData.readAll(thesis), only.isEmpty() && jobs ? ThesisMatrix.WORKLOAD_FEW : only);
    Optional<Image> forced =
        image.isEmpty() && workloads.stream().anyMatch(Job::needsGradingImage)
            ? Optional.of(Image.GRADING)
            : image;
    Path results = jobs ? out.resolve(WORKLOADS) : out;
    HostFeatures features = HostFeatures.detect();
    Files.createDirectories(results);
    removePartials(results);
    long start = System.nanoTime();
    int[] counts = new int[5]; // measured, already, cannot run, failed, left for later
    for (int i = 0; i < chosen.size(); i++) {
      ThesisConfiguration c = chosen.get(i);
      String head = "matrix: [" + (i + 1) + "/" + chosen.size() + "] " + c.name();
      HostMapping m = HostMapping.of(c, features);
      Optional<ThesisMatrix.Target> t = ThesisMatrix.target(c, forced);
      // Plain LXC stands in for LXD, so LXD's own absence does not matter; with another image
      // than the mapped one, neither does debootstrap.
      boolean installed = m.host().available() || forced.isPresent() || c.manager().equals("lxd");
      if (t.isEmpty() || !m.reachable() || !installed) {
        String why = t.isEmpty() ? ThesisMatrix.noTarget(c) : m.host().reason();
        err.println(head + ": cannot run here: " + why);
        counts[2]++;
        continue;
      }
      Path done = results.resolve(t.get().name());
      if (Files.isRegularFile(done.resolve("probe.csv"))) {
        err.println(head + ": already measured in " + done);
        counts[1]++;
        continue;
      }
      if (budget != null && System.nanoTime() - start >= budget.toNanos()) {
        err.println(head + ": not run: the budget (" + budget + ") is spent; run again to go on");
        counts[4]++;
        continue;
      }
      ThesisMatrix.Target target = t.get();
      err.println(
          head
              + ": probing "
              + target.name()
              + " ("
              + target.runtime().label()
              + ", image "
              + target.image().label()
              + (target.storage().isEmpty() ? "" : ", storage " + target.storage())
              + ")");
      err.flush();
      int n = probe(target, results, images, janitor, err);
      if (n > 0) {
        err.println(head + ": measured " + target.name() + " (" + n + " lifecycles) in " + done);
        counts[0]++;
      } else {
        err.println(head + ": no result: every lifecycle failed (see the problems above)");
        counts[3]++;
      }
      err.flush();
    }
    err.printf(
        "matrix: %d measured now, %d already measured, %d cannot run here, %d without result,"
            + " %d left for a later run%n",
        counts[0], counts[1], counts[2], counts[3], counts[4]);
    return counts[3] > 0 ? 1 : 0;
  }

  /** Probes one configuration; returns how many lifecycles succeeded (0: nothing was written). */
  private int probe(
      ThesisMatrix.Target t, Path results, ImageStore images, Janitor janitor, PrintStream err)
      throws IOException, InterruptedException {
    ProbePlan plan =
        new ProbePlan(
            List.of(t.runtime()),
            EnumSet.of(Stage.CREATE, Stage.START, Stage.EXEC, Stage.STOP, Stage.REMOVE),
            workloads.isEmpty() ? List.of(Job.of(Payload.TRUE)) : workloads,
            List.of(1),
            1,
            rounds,
            List.of(t.storage()));
    Path partial = results.resolve(".partial-" + t.name());
    Path jfr = partial.resolve("probe.jfr");
    try (ProbeRecording recording = new ProbeRecording()) {
      Map<String, String> problems =
          new ProbeRunner(plan, images.select(t.image()), janitor, err).run();
      if (janitor.closing()) {
        throw new InterruptedException("probe interrupted");
      }
      problems.forEach((what, why) -> err.println("matrix:   problem: " + what + ": " + why));
      Files.createDirectories(partial);
      recording.dump(jfr);
    } finally {
      janitor.release();
    }
    List<StageSample> samples = StageCsv.read(jfr);
    int ok = (int) samples.stream().filter(s -> s.stage().equals("remove") && s.ok()).count();
    if (ok == 0) {
      HostCommand.quietly(List.of("rm", "-rf", "--one-file-system", partial.toString()));
      return 0;
    }
    StageCsv.write(samples, partial.resolve("probe.csv"));
    Files.move(partial, results.resolve(t.name()), StandardCopyOption.ATOMIC_MOVE);
    return ok;
  }

  /** Removes what an interrupted run left half-written: folders that never became results. */
  private static void removePartials(Path out) throws IOException {
    try (var list = Files.list(out)) {
      for (Path p : list.toList()) {
        if (p.getFileName().toString().startsWith(".partial-")) {
          HostCommand.quietly(List.of("rm", "-rf", "--one-file-system", p.toString()));
        }
      }
    }
  }
}
