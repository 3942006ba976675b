package io.gradesim.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gradesim.files.AtomicWrite;
import io.gradesim.probes.cleanup.Janitor;
import io.gradesim.probes.image.ImageStore;
import io.gradesim.probes.jfr.ProbeRecording;
import io.gradesim.probes.runtime.Availability;
import io.gradesim.probes.runtime.Runtime;
import io.gradesim.probes.runtime.RuntimeDriver;
import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.output.RunOutputWriter;
import io.gradesim.simulator.output.RunSummary;
import io.gradesim.traces.Submission;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Adapter;

/**
 * Replays a trace on a live pool of containers on this host, in real time, and writes the
 * simulator's outputs ({@code submissions.csv}, {@code timeseries.csv}, {@code summary.json} with
 * {@code "mode": "live"}, the wait and feedback histogram logs) plus {@code live.jfr} with every
 * container stage and the host's load. The backend and the agents are actors spawned (as system
 * actors, as a library does) in the actor system the caller owns; the pool never starts one.
 * Everything the run creates (containers, cgroups, mounts, scratch files) is removed at the end, on
 * error and on SIGINT/SIGTERM ({@link Janitor}).
 */
public final class LivePool {
  /** The recording of the run's stages and host load. */
  public static final String RECORDING = "live.jfr";

  /** Runtimes that can place a container on a cpuset and bind the payload into it. */
  public static final Set<Runtime> PLACEABLE =
      EnumSet.of(
          Runtime.RUNC,
          Runtime.CRUN,
          Runtime.RUNSC,
          Runtime.DOCKER_RUNC,
          Runtime.DOCKER_CRUN,
          Runtime.DOCKER_RUNSC,
          Runtime.PODMAN_CRUN,
          Runtime.PODMAN_RUNC);

  /** What a caller hears while the run goes (on the backend's thread: return quickly). */
  public interface Listener {
    /** A submission was dispatched: {@code dispatched} so far of {@code total}. */
    void dispatched(int dispatched, int total, long queued);
  }

  private LivePool() {}

  /** Why {@code runtime} cannot run a live pool here, or null when it can. */
  public static String unavailable(Runtime runtime) {
    if (!PLACEABLE.contains(runtime)) {
      return runtime.label()
          + " cannot place containers on a cpuset (live runtimes: runc, crun, runsc,"
          + " docker-*, podman-*)";
    }
    Availability a = runtime.driver().availability();
    return a.available() ? null : runtime.label() + " is not available here: " + a.reason();
  }

  /** Runs {@code run} on a pool spawned in {@code system}; blocks until every result is in. */
  public static LiveResult run(ActorSystem<?> system, LiveRun run, Listener listener)
      throws IOException, InterruptedException {
    List<Submission> trace = run.trace();
    checkTrace(trace);
    PoolLayout layout =
        PoolLayout.of(run.scenario()).fitting(java.lang.Runtime.getRuntime().availableProcessors());
    String why = unavailable(run.runtime());
    if (why != null) {
      throw new IllegalStateException(why);
    }
    RuntimeDriver driver = run.runtime().driver();
    ImageStore images = ImageStore.standard();
    GradingPayload payload = GradingPayload.in(images);
    Janitor.sweepOrphans(List.of(driver));
    try (Janitor janitor = Janitor.install()) {
      janitor.track(driver);
      driver.prepare(images);
      return replay(system, run, layout, driver, images, payload, janitor, listener);
    }
  }

  private static LiveResult replay(
      ActorSystem<?> system,
      LiveRun run,
      PoolLayout layout,
      RuntimeDriver driver,
      ImageStore images,
      GradingPayload payload,
      Janitor janitor,
      Listener listener)
      throws IOException, InterruptedException {
    List<Submission> trace = run.trace();
    LiveTimes times = new LiveTimes(trace.size());
    CompletableFuture<Long> done = new CompletableFuture<>();
    @SuppressWarnings("unchecked")
    ActorRef<LiveAgent.Command>[] agents = new ActorRef[layout.agents()];
    try (RunOutputWriter writer = new RunOutputWriter(run.out());
        ProbeRecording recording = new ProbeRecording();
        HostLoadWatch load = new HostLoadWatch()) {
      SimEvent.RunStarted h = run.header();
      writer.on(
          new SimEvent.RunStarted(
              0,
              h.runId(),
              micros(trace.get(0)),
              h.traceFile(),
              h.traceHash(),
              h.scenarioName(),
              h.scenarioHash(),
              h.scenarioJson(),
              h.calibrationFile(),
              h.calibrationHash(),
              h.seed(),
              h.version()));
      for (int a = 0; a < layout.agents(); a++) {
        writer.on(new SimEvent.AgentUp(0, a, layout.slots(), layout.cores(), layout.memoryMb()));
      }
      LiveClock clock = LiveClock.startingNow();
      LiveBackend.Observer observer =
          new LiveBackend.Observer() {
            @Override
            public void dispatched(int dispatched, long queued) {
              listener.dispatched(dispatched, trace.size(), queued);
            }

            @Override
            public void finished(long t) {
              done.complete(t);
            }
          };
      ActorRef<LiveBackend.Command> backend =
          system.systemActorOf(
              LiveBackend.create(
                  trace,
                  layout,
                  run.scenario().environments(),
                  writer,
                  observer,
                  a -> agents[a],
                  times),
              "live-backend-" + System.nanoTime(),
              Props.empty());
      ContainerJob job = new ContainerJob(driver, run.runtime().label(), clock, layout.slots());
      LiveAgent.Setup setup =
          new LiveAgent.Setup(job, payload, images, janitor.scratch(), janitor, backend);
      for (int a = 0; a < layout.agents(); a++) {
        agents[a] =
            system.systemActorOf(
                LiveAgent.create(setup, a, layout.slots(), layout.cpuset(a)),
                "live-agent" + a + "-" + System.nanoTime(),
                Props.empty());
      }
      try (ArrivalClock arrivals =
          new ArrivalClock(trace, clock, (n, t) -> backend.tell(new LiveBackend.Arrived(n, t)))) {
        done.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("the live run failed: " + e.getCause(), e.getCause());
      } finally {
        for (ActorRef<?> a : agents) {
          if (a != null) {
            system.classicSystem().stop(Adapter.toClassic(a));
          }
        }
        system.classicSystem().stop(Adapter.toClassic(backend));
      }
      OtherLoad other = load.stop();
      RunSummary summary = writer.finish();
      markLive(run, summary);
      recording.dump(run.out().resolve(RECORDING));
      return new LiveResult(summary, times, other, layout.agents() * layout.slots());
    }
  }

  /** Rewrites {@code summary.json} with {@code "mode": "live"} as its first key. */
  private static void markLive(LiveRun run, RunSummary summary) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode live = json.createObjectNode();
    live.put("mode", "live");
    live.put("live_runtime", run.runtime().label());
    live.setAll((ObjectNode) json.readTree(summary.toJson()));
    AtomicWrite.writeString(
        run.out().resolve(RunOutputWriter.SUMMARY),
        json.writerWithDefaultPrettyPrinter().writeValueAsString(live) + "\n");
  }

  private static void checkTrace(List<Submission> trace) {
    if (trace.isEmpty()) {
      throw new IllegalArgumentException("the trace has no submission to replay live");
    }
    for (Submission s : trace) {
      if (s.gradingMs() == null) {
        throw new IllegalArgumentException(
            "submission '" + s.id() + "' has no grading_ms: a live run burns exactly that");
      }
      if (s.environment().startsWith("mcq/")) {
        throw new IllegalArgumentException(
            "submission '"
                + s.id()
                + "' is an MCQ ("
                + s.environment()
                + "): live runs grade"
                + " containers only");
      }
    }
  }

  private static long micros(Submission s) {
    return java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, s.submittedAt());
  }
}
