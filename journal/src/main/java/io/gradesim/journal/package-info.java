/**
 * The event-sourced run journal: every simulated event of a run, persisted in chunks by one {@code
 * EventSourcedBehavior} per run (persistence id {@code run-<id>}) into a Pekko JDBC journal
 * (embedded H2 by default, PostgreSQL on request), read back to inspect, export or resume a run. It
 * runs in the actor system the application hands it ({@link io.gradesim.journal.JournalActors}).
 * See {@code journal/README.md} for the design and its measured figures.
 */
package io.gradesim.journal;
