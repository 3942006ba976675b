package io.gradesim.simulator.event;

/** Receives a run's events in order, as the simulation produces them. */
@FunctionalInterface
public interface SimEventListener {

  /** A listener that ignores every event. */
  SimEventListener NONE = e -> {};

  /** Takes the next event of the run. */
  void on(SimEvent event);
}
