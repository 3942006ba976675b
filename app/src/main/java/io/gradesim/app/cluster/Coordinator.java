package io.gradesim.app.cluster;

import io.gradesim.app.cluster.ClusterProtocol.Collected;
import io.gradesim.app.cluster.ClusterProtocol.Done;
import io.gradesim.app.cluster.ClusterProtocol.Pull;
import io.gradesim.app.cluster.ClusterProtocol.Ticket;
import io.gradesim.app.cluster.ClusterProtocol.ToBlobs;
import io.gradesim.app.cluster.ClusterProtocol.ToCoordinator;
import io.gradesim.app.cluster.ClusterProtocol.ToWorker;
import io.gradesim.app.cluster.ClusterProtocol.Work;
import io.gradesim.simulator.run.RunOutcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;

/**
 * A sweep's coordinator on the cluster: it registers with the Receptionist, hands a run to each
 * {@link Pull} (a worker's free core) and keeps the pulls it cannot serve yet. It watches every
 * worker it gave a run: a worker that leaves or is downed (the failure detector and split-brain
 * resolver notice a SIGKILLed node) has its unfinished runs queued again, first, for the other
 * nodes. A run's outputs are collected from the worker by {@code collect} (off the actor's thread);
 * the first answer of a run counts, a second (a run given twice) is dropped.
 */
final class Coordinator extends AbstractBehavior<ToCoordinator> {
  private record Stored(int index, RunOutcome outcome, ActorRef<ToWorker> worker)
      implements ToCoordinator {}

  /** What a coordinator tells its sweep as runs go. */
  interface Progress {
    /**
     * Run {@code index} is stored, {@code stored} of {@code total} so far, after its worker's
     * {@code runNanos} of simulation within {@code nanos} from handing it out.
     */
    void stored(int index, int stored, int total, String worker, long nanos, long runNanos);

    /** A worker left or was downed with {@code lost} unfinished runs, queued again. */
    void lost(String worker, int lost);
  }

  private final List<Ticket> tickets;
  private final ActorRef<ToBlobs> inputs;
  private final Map<String, Integer> index = new HashMap<>();
  private final Deque<Integer> queue = new ArrayDeque<>();
  private final Deque<ActorRef<ToWorker>> idle = new ArrayDeque<>();
  private final Map<ActorRef<ToWorker>, Set<Integer>> running = new HashMap<>();
  private final Set<Integer> answered = new HashSet<>();
  private final RunOutcome[] outcomes;
  private final long[] handedOut;
  private final long[] runNanos;
  private final BiFunction<Integer, Done, RunOutcome> collect;
  private final Progress progress;
  private final ExecutorService collectors;
  private final CompletableFuture<List<RunOutcome>> done;
  private int stored;

  private Coordinator(
      ActorContext<ToCoordinator> ctx,
      List<Ticket> tickets,
      ActorRef<ToBlobs> inputs,
      BiFunction<Integer, Done, RunOutcome> collect,
      Progress progress,
      ExecutorService collectors,
      CompletableFuture<List<RunOutcome>> done) {
    super(ctx);
    this.tickets = tickets;
    this.inputs = inputs;
    this.collect = collect;
    this.progress = progress;
    this.handedOut = new long[tickets.size()];
    this.runNanos = new long[tickets.size()];
    this.collectors = collectors;
    this.done = done;
    this.outcomes = new RunOutcome[tickets.size()];
    for (int i = 0; i < tickets.size(); i++) {
      index.put(tickets.get(i).runId(), i);
      queue.add(i);
    }
    ctx.getSystem()
        .receptionist()
        .tell(Receptionist.register(WorkerNode.COORDINATORS, ctx.getSelf()));
  }

  /**
   * A coordinator of {@code tickets}; {@code collect} stores a run's outputs (on {@code
   * collectors}), {@code progress} hears of each, {@code done} completes with every outcome.
   */
  static Behavior<ToCoordinator> create(
      List<Ticket> tickets,
      ActorRef<ToBlobs> inputs,
      BiFunction<Integer, Done, RunOutcome> collect,
      Progress progress,
      ExecutorService collectors,
      CompletableFuture<List<RunOutcome>> done) {
    return Behaviors.setup(
        ctx -> new Coordinator(ctx, tickets, inputs, collect, progress, collectors, done));
  }

  @Override
  public Receive<ToCoordinator> createReceive() {
    return newReceiveBuilder()
        .onMessage(Pull.class, p -> pulled(p.worker()))
        .onMessage(Done.class, this::answered)
        .onMessage(Stored.class, this::stored)
        .onSignal(Terminated.class, t -> gone(t.getRef()))
        .build();
  }

  private Behavior<ToCoordinator> pulled(ActorRef<ToWorker> worker) {
    if (!running.containsKey(worker)) {
      running.put(worker, new HashSet<>());
      getContext().watch(worker);
    }
    Integer next = queue.poll();
    if (next == null) {
      idle.add(worker);
    } else {
      running.get(worker).add(next);
      handedOut[next] = System.nanoTime();
      worker.tell(new Work(getContext().getSelf(), inputs, tickets.get(next)));
    }
    return this;
  }

  private Behavior<ToCoordinator> answered(Done d) {
    Integer i = index.get(d.runId());
    Set<Integer> mine = running.get(d.worker());
    if (mine != null && i != null) {
      mine.remove(i);
    }
    if (i != null && answered.add(i)) {
      runNanos[i] = d.runNanos();
      ActorRef<ToCoordinator> self = getContext().getSelf();
      collectors.execute(
          () -> {
            RunOutcome o;
            try {
              o = collect.apply(i, d);
            } catch (RuntimeException e) {
              o = new RunOutcome.Failed(d.runId(), "collecting its outputs: " + e.getMessage(), e);
            }
            d.worker().tell(new Collected(d.runId()));
            self.tell(new Stored(i, o, d.worker()));
          });
    } else if (i != null) {
      d.worker().tell(new Collected(d.runId()));
    }
    return pulled(d.worker());
  }

  private Behavior<ToCoordinator> stored(Stored s) {
    if (s.outcome() instanceof RunOutcome.Failed f && f.cause() instanceof java.io.IOException) {
      answered.remove(s.index()); // its outputs could not be fetched (the worker went away)
      requeue(List.of(s.index()));
      return this;
    }
    outcomes[s.index()] = s.outcome();
    ++stored;
    progress.stored(
        s.index(),
        stored,
        outcomes.length,
        node(s.worker()),
        System.nanoTime() - handedOut[s.index()],
        runNanos[s.index()]);
    if (stored == outcomes.length) {
      done.complete(new ArrayList<>(Arrays.asList(outcomes)));
      return Behaviors.stopped();
    }
    return this;
  }

  /** A worker left or was downed: its unfinished runs go first to the other workers. */
  private Behavior<ToCoordinator> gone(ActorRef<Void> ref) {
    ActorRef<ToWorker> worker = ref.unsafeUpcast();
    idle.removeIf(w -> w.equals(worker));
    Set<Integer> lost = running.remove(worker);
    if (lost != null) {
      List<Integer> again = lost.stream().filter(i -> !answered.contains(i)).sorted().toList();
      progress.lost(node(worker), again.size());
      requeue(again);
    }
    return this;
  }

  /** A worker's node as HOST:PORT. */
  private static String node(ActorRef<?> worker) {
    var a = worker.path().address();
    return a.getHost().orElse("?") + ":" + a.getPort().map(String::valueOf).orElse("?");
  }

  private void requeue(List<Integer> runs) {
    for (int k = runs.size() - 1; k >= 0; k--) {
      queue.addFirst(runs.get(k));
    }
    while (!queue.isEmpty() && !idle.isEmpty()) {
      pulled(idle.poll());
    }
  }
}
