package io.gradesim.simulator.run;

import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEventListener;
import java.util.List;

/** Hands each event to several listeners in order (outputs, journal, progress). */
public final class CompositeListener implements SimEventListener {
  private final SimEventListener[] listeners;

  /** A listener that forwards to {@code listeners}, in this order. */
  public CompositeListener(List<SimEventListener> listeners) {
    this.listeners = listeners.toArray(new SimEventListener[0]);
  }

  @Override
  public void on(SimEvent event) {
    for (SimEventListener l : listeners) {
      l.on(event);
    }
  }
}
