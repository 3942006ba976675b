package io.gradesim.probes.run;

import io.gradesim.files.progress.ProgressBar;
import io.gradesim.probes.cleanup.Janitor;
import io.gradesim.probes.image.ImageStore;
import io.gradesim.probes.jfr.Stage;
import io.gradesim.probes.run.StageTimer.StageFailure;
import io.gradesim.probes.run.StageTimer.Where;
import io.gradesim.probes.runtime.Availability;
import io.gradesim.probes.runtime.Container;
import io.gradesim.probes.runtime.ContainerSpec;
import io.gradesim.probes.runtime.ExecResult;
import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.Label;
import io.gradesim.probes.runtime.Limits;
import io.gradesim.probes.runtime.Placement;
import io.gradesim.probes.runtime.Runtime;
import io.gradesim.probes.runtime.RuntimeDriver;
import io.gradesim.probes.workload.Job;
import io.gradesim.probes.workload.Step;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link ProbePlan}: per runtime, payload and concurrency level, warm-up rounds then
 * measured rounds, each round that many full lifecycles started together on their own threads.
 * Every stage becomes a JFR event; failures are counted and their first message kept.
 */
public final class ProbeRunner {
  private static final Duration PAYLOAD_TIMEOUT = Duration.ofSeconds(120);

  private final ProbePlan plan;
  private final ImageStore images;
  private final Janitor janitor;
  private final PrintStream err;
  private final Map<String, String> problems =
      java.util.Collections.synchronizedMap(new LinkedHashMap<>());
  private final java.util.Set<String> broken = new java.util.HashSet<>();
  private String cpuset = "";
  private Placement placement;
  private volatile Placement jobPlacement;

  /** A runner reporting progress and problems on {@code err}. */
  public ProbeRunner(ProbePlan plan, ImageStore images, Janitor janitor, PrintStream err) {
    this.plan = plan;
    this.images = images;
    this.janitor = janitor;
    this.err = err;
  }

  /**
   * Places every container as a live pool's agent on the host CPUs {@code cpus} places a job
   * (empty: no placement, the default): on that cpuset, with a read-only bind mount at {@code
   * /mnt}, the OCI runtimes' own commands on the same CPUs. {@code validate} probes this way, so
   * that the operations it predicts with are the ones its live pool performs.
   */
  public ProbeRunner placed(String cpus) {
    this.cpuset = cpus;
    return this;
  }

  /**
   * Runs the plan; returns per runtime the problem that stopped or marred it (empty if none).
   * Runtimes take turns round by round, so that a shared machine's changing load falls on all of
   * them alike instead of on whichever happened to run during a busy minute.
   */
  public Map<String, String> run() throws IOException, InterruptedException {
    // Drawn also without a console: a probe is long and its log shows which round was running.
    ProgressBar bar =
        new ProgressBar(
            err,
            "probing",
            plan.runtimes().size() * plan.storages().size() * plan.roundsPerRuntime(),
            true);
    int threads = plan.concurrency().stream().mapToInt(Integer::intValue).max().orElse(1);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "gradesim-probe-lifecycle");
              t.setDaemon(true);
              return t;
            });
    try {
      // Bound before the drivers start anything: rootless podman's pause process keeps the mount
      // namespace of its start, which would not see a later mount.
      Map<Job, Placement> bound = new LinkedHashMap<>();
      List<Path> points = new ArrayList<>();
      for (Job payload : plan.payloads()) {
        Path point = bindFiles(payload);
        bound.put(payload, jobPlacement);
        if (point != null) {
          points.add(point);
        }
      }
      Map<String, RuntimeDriver> drivers = prepare(bar);
      for (Job payload : plan.payloads()) {
        jobPlacement = bound.get(payload);
        try {
          for (int c : plan.concurrency()) {
            for (int round = 0; round < plan.warmup() + plan.repeat(); round++) {
              for (var e : drivers.entrySet()) {
                turn(e.getKey(), e.getValue(), payload, c, round, pool, bar);
              }
            }
          }
        } finally {
          jobPlacement = null;
        }
      }
      points.forEach(this::unbind);
    } finally {
      bar.finish();
      pool.shutdownNow();
    }
    return problems;
  }

  /**
   * The available drivers by result label, prepared; the others, and those whose preparation (e.g.
   * an image import) fails, are reported as problems and the rest go on.
   */
  private Map<String, RuntimeDriver> prepare(ProgressBar bar) {
    Map<String, RuntimeDriver> drivers = new LinkedHashMap<>();
    for (Runtime runtime : plan.runtimes()) {
      for (String storage : plan.storages()) {
        prepare(runtime, storage, drivers, bar);
      }
    }
    return drivers;
  }

  private void prepare(
      Runtime runtime, String storage, Map<String, RuntimeDriver> drivers, ProgressBar bar) {
    RuntimeDriver driver = storage.isEmpty() ? runtime.driver() : Storages.driver(runtime, storage);
    Availability a = driver.availability();
    String label =
        ResultName.of(runtime, driver.resultLabel(runtime.label()), images.image(), storage);
    var absent = Storages.absent(storage);
    if (absent.isPresent()) {
      a = Availability.unavailable(absent.get());
    }
    if (!a.available()) {
      problems.put(label, "unavailable: " + a.reason());
      bar.add(plan.roundsPerRuntime());
      return;
    }
    janitor.track(driver);
    // Counted as work in flight, so that an interrupt's cleanup waits for the commands a
    // preparation runs (an image import) instead of sweeping while it still starts processes.
    if (!janitor.enter()) {
      return;
    }
    try {
      driver.prepare(images);
    } catch (IOException | RuntimeException e) {
      problems.put(label, "preparing failed: " + e.getMessage());
      bar.add(plan.roundsPerRuntime());
      return;
    } finally {
      janitor.exit();
    }
    drivers.put(label, driver);
  }

  /** One round of one runtime, unless the runtime has already failed outright. */
  private void turn(
      String label,
      RuntimeDriver driver,
      Job payload,
      int c,
      int round,
      ExecutorService pool,
      ProgressBar bar)
      throws InterruptedException {
    if (janitor.closing()) {
      throw new InterruptedException("probe interrupted");
    }
    if (broken.contains(label)) {
      bar.relabel(label + " failed");
      bar.add(1);
      return;
    }
    boolean warm = round < plan.warmup();
    int iteration = warm ? round : round - plan.warmup();
    bar.relabel(label + " " + payload.label() + " c=" + c + (warm ? " warm-up" : ""));
    int ok = round(driver, label, payload, c, iteration, warm, pool);
    bar.relabel(label + " " + payload.label() + " c=" + c);
    bar.add(1);
    if (ok == 0 && round == 0) {
      // Nothing works at all: report why instead of failing the same way for minutes.
      problems.putIfAbsent(label, "every lifecycle failed");
      broken.add(label);
    }
  }

  private int round(
      RuntimeDriver driver,
      String label,
      Job payload,
      int c,
      int iteration,
      boolean warm,
      ExecutorService pool)
      throws InterruptedException {
    CountDownLatch gate = new CountDownLatch(1);
    AtomicInteger ok = new AtomicInteger();
    double load = loadAverage();
    List<Future<?>> slots = new ArrayList<>();
    for (int slot = 0; slot < c; slot++) {
      Where w = new Where(label, payload.label(), c, iteration, slot, warm, load);
      slots.add(
          pool.submit(
              () -> {
                gate.await();
                if (lifecycle(driver, w, payload)) {
                  ok.incrementAndGet();
                }
                return null;
              }));
    }
    gate.countDown();
    for (Future<?> f : slots) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        problems.putIfAbsent(label, String.valueOf(e.getCause()));
      }
    }
    return ok.get();
  }

  /** One full lifecycle (and one {@code run} when asked); true when every stage succeeded. */
  private boolean lifecycle(RuntimeDriver driver, Where w, Job payload) throws IOException {
    if (!janitor.enter()) {
      return false;
    }
    try {
      boolean ok = true;
      if (plan.stages().stream().anyMatch(Stage::lifecycle)) {
        ok = stages(driver, w, payload);
      }
      // A job of several steps (the HTTP server, then its first response) has no one-shot form.
      if (ok
          && plan.stages().contains(Stage.RUN)
          && payload.steps().size() == 1
          && !janitor.closing()) {
        ok = runWhole(driver, w, payload);
      }
      return ok;
    } finally {
      janitor.exit();
    }
  }

  private boolean stages(RuntimeDriver driver, Where w, Job payload) throws IOException {
    ContainerSpec spec = spec();
    Container c = null;
    boolean removed = false;
    try {
      c = StageTimer.time(w, Stage.CREATE.label(), rec(Stage.CREATE), () -> driver.create(spec));
      Container made = c;
      step(w, Stage.START, () -> driver.start(made));
      for (Step s : payload.steps()) {
        if (janitor.closing()) {
          throw new StageFailure(s.stage(), "probe interrupted", null);
        }
        StageTimer.time(
            w,
            s.stage(),
            rec(Stage.EXEC),
            () -> checked(s, driver.exec(made, s.argv(), PAYLOAD_TIMEOUT)));
      }
      step(w, Stage.STOP, () -> driver.stop(made));
      step(w, Stage.REMOVE, () -> driver.remove(made));
      removed = true;
      return true;
    } catch (StageFailure f) {
      problems.putIfAbsent(w.runtime() + " " + f.stage(), f.getMessage());
      return false;
    } finally {
      if (!removed) {
        if (c != null) {
          driver.discard(c);
        } else {
          driver.cleanup(spec.name()::equals);
        }
      }
      HostCommand.quietly(List.of("rm", "-rf", "--one-file-system", spec.dir().toString()));
    }
  }

  private boolean runWhole(RuntimeDriver driver, Where w, Job payload) throws IOException {
    ContainerSpec spec = spec();
    Step only = payload.steps().get(0);
    try {
      StageTimer.time(
          w,
          Stage.RUN.label(),
          true,
          () -> checked(only, driver.run(spec, only.argv(), PAYLOAD_TIMEOUT)));
      return true;
    } catch (StageFailure f) {
      problems.putIfAbsent(w.runtime() + " run", f.getMessage());
      driver.cleanup(spec.name()::equals);
      return false;
    } finally {
      HostCommand.quietly(List.of("rm", "-rf", "--one-file-system", spec.dir().toString()));
    }
  }

  private void step(Where w, Stage stage, VoidOp op) throws StageFailure {
    if (janitor.closing()) {
      throw new StageFailure(stage.label(), "probe interrupted", null);
    }
    StageTimer.time(
        w,
        stage.label(),
        rec(stage),
        () -> {
          op.call();
          return null;
        });
  }

  private boolean rec(Stage s) {
    return plan.stages().contains(s);
  }

  private ContainerSpec spec() throws IOException {
    String name = Label.next("c");
    Path dir = Files.createDirectory(janitor.scratch().resolve(name));
    Placement p = jobPlacement;
    return new ContainerSpec(name, dir, images, Limits.NONE, p == null ? placement() : p);
  }

  /**
   * Binds {@code job}'s payload files (generated on first use into the image cache) read-only at a
   * labelled folder every user can reach, which the containers bind at {@link Job#MOUNT}; returns
   * that folder, or null when the job has no files. Counted as work in flight, so an interrupt's
   * sweep, which unmounts labelled mounts, waits for the mount.
   */
  private Path bindFiles(Job job) throws IOException, InterruptedException {
    jobPlacement = null;
    if (job.files().isEmpty()) {
      return null;
    }
    err.println("probe: payload files of " + job.label() + ": " + job.files().get().name());
    Path src = job.files().get().in(images);
    if (!janitor.enter()) {
      throw new InterruptedException("probe interrupted");
    }
    try {
      Path point =
          Files.createDirectories(
              Path.of(System.getProperty("java.io.tmpdir"), Label.next("payload")));
      HostCommand.check(List.of("mount", "--bind", src.toString(), point.toString()));
      try {
        HostCommand.check(List.of("mount", "-o", "remount,bind,ro", point.toString()));
      } catch (IOException e) {
        // Never leave the cache bound writable where a sweep removes folders.
        HostCommand.quietly(List.of("umount", "-l", point.toString()));
        throw e;
      }
      Placement base = placement();
      List<Placement.Bind> binds = new ArrayList<>(base.binds());
      binds.add(new Placement.Bind(point, Job.MOUNT));
      jobPlacement = new Placement(base.cpus(), binds);
      return point;
    } finally {
      janitor.exit();
    }
  }

  private void unbind(Path point) {
    jobPlacement = null;
    if (point != null) {
      HostCommand.quietly(List.of("umount", "-l", point.toString()));
      HostCommand.quietly(List.of("rmdir", point.toString()));
    }
  }

  private synchronized Placement placement() throws IOException {
    if (placement == null) {
      if (cpuset.isEmpty()) {
        placement = Placement.NONE;
      } else {
        Path bound = janitor.scratch().resolve("bound");
        Files.createDirectories(bound);
        placement = new Placement(cpuset, List.of(new Placement.Bind(bound, "/mnt")));
      }
    }
    return placement;
  }

  /** {@code r} when it exited 0 with the output {@code step} expects; else an IOException. */
  private static ExecResult checked(Step step, ExecResult r) throws IOException {
    if (!r.ok()) {
      throw new IOException("payload " + r.describe());
    }
    var wrong = step.check().apply(r.stdout());
    if (wrong.isPresent()) {
      throw new IOException("payload output of " + step.stage() + ": " + wrong.get());
    }
    return r;
  }

  /** The host's 1-minute load average, recorded beside every sample. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private interface VoidOp {
    void call() throws IOException;
  }
}
