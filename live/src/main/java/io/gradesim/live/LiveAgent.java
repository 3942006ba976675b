package io.gradesim.live;

import io.gradesim.probes.cleanup.Janitor;
import io.gradesim.probes.runtime.ContainerSpec;
import io.gradesim.probes.runtime.Label;
import io.gradesim.probes.runtime.Limits;
import io.gradesim.probes.runtime.Placement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * One live agent: its slots and its cpuset of this host's cores. A job it is given runs in a fresh
 * container placed on that cpuset, on one of the agent's own threads (one per slot: the container
 * commands block), and reports each stage to the backend, as INGInious' docker agent reports to its
 * backend ({@code agent/docker_agent/__init__.py}).
 */
final class LiveAgent {
  /** What an agent is told. */
  sealed interface Command {}

  /**
   * Grade submission {@code n} in local slot {@code slot} (global {@code globalSlot}) for {@code
   * gradingMs} of CPU time.
   */
  record Grade(int n, int slot, int globalSlot, long gradingMs) implements Command {}

  /** What every agent of one pool shares. */
  record Setup(
      ContainerJob job,
      GradingPayload payload,
      io.gradesim.probes.image.ImageStore images,
      Path scratch,
      Janitor janitor,
      ActorRef<LiveBackend.Command> backend) {}

  private LiveAgent() {}

  /** Agent {@code agent} with {@code slots} slots on cpuset {@code cpus}. */
  static Behavior<Command> create(Setup setup, int agent, int slots, String cpus) {
    return Behaviors.setup(
        ctx -> {
          ExecutorService threads =
              Executors.newFixedThreadPool(
                  slots,
                  r -> {
                    Thread t = new Thread(r, "gradesim-live-agent" + agent);
                    t.setDaemon(true);
                    return t;
                  });
          Placement placement = new Placement(cpus, List.of(setup.payload().bind()));
          return Behaviors.receive(Command.class)
              .onMessage(
                  Grade.class,
                  g -> {
                    threads.execute(() -> grade(setup, placement, g));
                    return Behaviors.same();
                  })
              .onSignal(
                  PostStop.class,
                  s -> {
                    threads.shutdownNow();
                    return Behaviors.same();
                  })
              .build();
        });
  }

  private static void grade(Setup setup, Placement placement, Grade g) {
    ActorRef<LiveBackend.Command> backend = setup.backend();
    ContainerJob.Progress report =
        new ContainerJob.Progress() {
          @Override
          public void created(long t) {
            backend.tell(new LiveBackend.Created(g.n(), t));
          }

          @Override
          public void started(long t) {
            backend.tell(new LiveBackend.Started(g.n(), t));
          }

          @Override
          public void graded(long t, String result) {
            backend.tell(new LiveBackend.Graded(g.n(), t, result));
          }

          @Override
          public void removed(long t) {
            backend.tell(new LiveBackend.Removed(g.n(), t, g.globalSlot()));
          }
        };
    if (!setup.janitor().enter()) {
      // Shutting down (SIGINT): no new container; the run's outputs are not written anyway.
      long t = setup.job().clockMicros();
      report.graded(t, "crash");
      report.removed(t);
      return;
    }
    try {
      start(setup, placement, g, report);
    } finally {
      setup.janitor().exit();
    }
  }

  private static void start(
      Setup setup, Placement placement, Grade g, ContainerJob.Progress report) {
    String name = Label.next("live");
    Path dir = setup.scratch().resolve(name);
    ContainerSpec spec;
    try {
      Files.createDirectories(dir);
      spec = new ContainerSpec(name, dir, setup.images(), Limits.NONE, placement);
    } catch (IOException e) {
      long t = setup.job().clockMicros();
      report.graded(t, "crash");
      report.removed(t);
      return;
    }
    // Far above any grading time: only a runtime that hangs meets it.
    Duration limit = Duration.ofMillis(Math.max(60_000, 20 * g.gradingMs()));
    setup.job().run(g.n(), g.slot(), spec, setup.payload().argv(g.gradingMs()), limit, report);
  }
}
