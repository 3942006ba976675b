package io.gradesim.app.bench;

import io.gradesim.simulator.bench.BenchWorkload;
import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEventListener;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The design alternative the simulator does not take, measured: every simulated event sent to an
 * actor with {@code ask} and its reply awaited before the loop goes on (a message round trip per
 * event, as a run split into frontend, backend and agent actors would need).
 */
public final class AskPerEvent {
  private AskPerEvent() {}

  /** An event for the listening actor and where to acknowledge it. */
  record Delivery(SimEvent event, ActorRef<Boolean> replyTo) {}

  private static Behavior<Delivery> listener() {
    return Behaviors.receiveMessage(
        d -> {
          d.replyTo().tell(Boolean.TRUE);
          return Behaviors.same();
        });
  }

  /** Runs {@code workload} once with a round trip per event; returns the wall nanos. */
  public static long measure(BenchWorkload workload) {
    ActorSystem<Delivery> system = ActorSystem.create(listener(), "ask-per-event");
    try {
      Duration timeout = Duration.ofSeconds(10);
      SimEventListener out =
          e ->
              AskPattern.<Delivery, Boolean>ask(
                      system, r -> new Delivery(e, r), timeout, system.scheduler())
                  .toCompletableFuture()
                  .join();
      long t0 = System.nanoTime();
      workload.run(99, out);
      return System.nanoTime() - t0;
    } finally {
      system.terminate();
    }
  }
}
