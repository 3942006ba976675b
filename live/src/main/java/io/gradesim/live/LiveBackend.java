package io.gradesim.live;

import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEventListener;
import io.gradesim.simulator.model.FreeSlotList;
import io.gradesim.simulator.model.TopicQueues;
import io.gradesim.simulator.model.TopicRegistry;
import io.gradesim.traces.Submission;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The live backend: INGInious' dispatch in real time ({@code inginious/backend/backend.py}). One
 * queue per topic ({@link TopicQueues}), the ordered list of free slots ({@link FreeSlotList}), and
 * on every new job and every freed slot the walk of {@code update_queue}: each free slot in order
 * takes the best job of the topics its agent serves, and a freed slot goes to the end. Every change
 * is an event of the run's record, stamped with the live clock (kept in order: a message that
 * arrives after a later one gets the later one's time, a matter of microseconds).
 */
final class LiveBackend {
  /** What the backend is told, by the arrival clock and the agents. */
  sealed interface Command {}

  /** Submission {@code n} reached the frontend at {@code t}. */
  record Arrived(int n, long t) implements Command {}

  /** Submission {@code n}'s container exists. */
  record Created(int n, long t) implements Command {}

  /** Submission {@code n}'s container runs. */
  record Started(int n, long t) implements Command {}

  /** Submission {@code n}'s grading ended. */
  record Graded(int n, long t, String result) implements Command {}

  /** Submission {@code n}'s container is gone: {@code slot} is free. */
  record Removed(int n, long t, int slot) implements Command {}

  /** Where the backend reports what it does, for progress and the end of the run. */
  interface Observer {
    /** A submission was dispatched; {@code dispatched} so far, {@code queued} still waiting. */
    void dispatched(int dispatched, long queued);

    /** Every submission's result was delivered at {@code t}. */
    void finished(long t);
  }

  private final List<Submission> trace;
  private final PoolLayout layout;
  private final SimEventListener record;
  private final Observer observer;
  private final IntFunction<ActorRef<LiveAgent.Command>> agentOf;
  private final TopicQueues queues = new TopicQueues();
  private final TopicRegistry registry;
  private final FreeSlotList free = new FreeSlotList();
  private final LiveTimes times;
  private long lastT;
  private int dispatched;
  private int delivered;

  private LiveBackend(
      List<Submission> trace,
      PoolLayout layout,
      List<String> environments,
      SimEventListener record,
      Observer observer,
      IntFunction<ActorRef<LiveAgent.Command>> agentOf,
      LiveTimes times) {
    this.trace = trace;
    this.times = times;
    this.layout = layout;
    this.record = record;
    this.observer = observer;
    this.agentOf = agentOf;
    this.registry =
        new TopicRegistry(queues, java.util.Collections.nCopies(layout.agents(), environments));
  }

  /**
   * The backend of a pool; {@code record} gets the run's events after the RunStarted and AgentUp
   * events the caller emitted, {@code agentOf} names the actor of each agent, {@code times} gets
   * each submission's instants.
   */
  static Behavior<Command> create(
      List<Submission> trace,
      PoolLayout layout,
      List<String> environments,
      SimEventListener record,
      Observer observer,
      IntFunction<ActorRef<LiveAgent.Command>> agentOf,
      LiveTimes times) {
    LiveBackend b = new LiveBackend(trace, layout, environments, record, observer, agentOf, times);
    layout.slotsInHelloOrder().forEach(b.free::append);
    return Behaviors.receive(Command.class)
        .onMessage(Arrived.class, b::arrived)
        .onMessage(Created.class, c -> b.emit(new SimEvent.ContainerCreated(b.at(c.t()), c.n())))
        .onMessage(Started.class, c -> b.emit(new SimEvent.ContainerStarted(b.at(c.t()), c.n())))
        .onMessage(
            Graded.class, g -> b.emit(new SimEvent.GradingFinished(b.at(g.t()), g.n(), g.result())))
        .onMessage(Removed.class, b::removed)
        .build();
  }

  private Behavior<Command> arrived(Arrived a) {
    long t = at(a.t());
    Submission s = trace.get(a.n());
    record.on(
        new SimEvent.SubmissionArrived(t, a.n(), s.id(), s.task(), s.environment(), s.priority()));
    record.on(new SimEvent.SubmissionQueued(t, a.n()));
    times.arrived(a.n(), t);
    queues.put(registry.topicOf(s.environment()), s.priority(), a.n());
    updateQueue(t);
    return Behaviors.same();
  }

  private Behavior<Command> removed(Removed r) {
    long t = at(r.t());
    record.on(new SimEvent.ContainerRemoved(t, r.n()));
    record.on(new SimEvent.ResultDelivered(t, r.n()));
    times.removed(r.n(), t);
    free.append(r.slot());
    delivered++;
    updateQueue(t);
    if (delivered == trace.size()) {
      observer.finished(t);
    }
    return Behaviors.same();
  }

  /** INGInious' update_queue: walk the free slots in order, each takes its topics' best job. */
  private void updateQueue(long t) {
    int s = free.first();
    while (s >= 0 && queues.size() > 0) {
      int next = free.next(s);
      int a = layout.agentOf(s);
      int job = queues.poll(registry.topicsOf(a), registry.topicCount(a));
      if (job >= 0) {
        free.remove(s);
        dispatched++;
        record.on(new SimEvent.SubmissionDispatched(t, job, a, layout.localSlot(s)));
        times.dispatched(job, t);
        long gradingMs = trace.get(job).gradingMs();
        agentOf.apply(a).tell(new LiveAgent.Grade(job, layout.localSlot(s), s, gradingMs));
        observer.dispatched(dispatched, queues.size());
      }
      s = next;
    }
  }

  private Behavior<Command> emit(SimEvent e) {
    record.on(e);
    return Behaviors.same();
  }

  /** The event time of a message stamped {@code t}: never before the last event's. */
  private long at(long t) {
    lastT = Math.max(lastT, t);
    return lastT;
  }
}
