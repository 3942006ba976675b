package io.gradesim.journal;

import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Where the journal gets the process's one actor system: the application starts it (with {@link
 * JournalTarget#settings()} of the journal it will write) and hands it over; the journal never
 * starts its own.
 */
@FunctionalInterface
public interface JournalActors {
  /** The process's actor system, configured for {@code target} (started on first use). */
  ActorSystem<?> system(JournalTarget target);
}
