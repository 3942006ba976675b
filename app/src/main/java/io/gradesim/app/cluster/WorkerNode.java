package io.gradesim.app.cluster;

import io.gradesim.app.cluster.ClusterProtocol.Collected;
import io.gradesim.app.cluster.ClusterProtocol.Pull;
import io.gradesim.app.cluster.ClusterProtocol.ToCoordinator;
import io.gradesim.app.cluster.ClusterProtocol.ToWorker;
import io.gradesim.app.cluster.ClusterProtocol.Work;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * A worker node's actor: it finds sweep coordinators through the Receptionist and pulls work from
 * each, {@value #PULLS_PER_CORE} {@link Pull}s per core (one run to do and one waiting, so a core
 * never waits for the round trip to the coordinator between two runs); a run's answer ({@code
 * Done}) counts as the next pull. Runs go to {@code pool} (one thread per core), never onto an
 * actor's thread.
 */
public final class WorkerNode {
  /** The Receptionist key coordinators register under. */
  public static final ServiceKey<ToCoordinator> COORDINATORS =
      ServiceKey.create(ToCoordinator.class, "gradesim-coordinators");

  /** Runs asked for per core: the one running and the next. */
  static final int PULLS_PER_CORE = 2;

  private record Coordinators(Set<ActorRef<ToCoordinator>> refs) implements ToWorker {}

  private WorkerNode() {}

  /** A worker pulling {@code cores} runs at a time, done by {@code runs} on {@code pool}. */
  static Behavior<ToWorker> create(int cores, WorkerRuns runs, ExecutorService pool) {
    return Behaviors.setup(
        ctx -> {
          ActorRef<Receptionist.Listing> listings =
              ctx.messageAdapter(
                  Receptionist.Listing.class,
                  l -> new Coordinators(l.getServiceInstances(COORDINATORS)));
          ctx.getSystem().receptionist().tell(Receptionist.subscribe(COORDINATORS, listings));
          return active(ctx, cores, runs, pool, new HashSet<>());
        });
  }

  private static Behavior<ToWorker> active(
      ActorContext<ToWorker> ctx,
      int cores,
      WorkerRuns runs,
      ExecutorService pool,
      Set<ActorRef<ToCoordinator>> known) {
    return Behaviors.receive(ToWorker.class)
        .onMessage(
            Coordinators.class,
            c -> {
              for (ActorRef<ToCoordinator> ref : c.refs()) {
                if (known.add(ref)) {
                  for (int i = 0; i < PULLS_PER_CORE * cores; i++) {
                    ref.tell(new Pull(ctx.getSelf()));
                  }
                }
              }
              known.retainAll(c.refs());
              return Behaviors.same();
            })
        .onMessage(
            Work.class,
            w -> {
              ActorRef<ToWorker> self = ctx.getSelf();
              pool.execute(() -> w.coordinator().tell(runs.run(w, self)));
              return Behaviors.same();
            })
        .onMessage(
            Collected.class,
            c -> {
              pool.execute(() -> runs.collected(c.runId()));
              return Behaviors.same();
            })
        .build();
  }
}
