package io.gradesim.simulator.engine;

import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEventListener;

/** Records each submission's wait (dispatched - arrived, µs) by arrival ordinal. */
final class WaitRecorder implements SimEventListener {
  final long[] arrived;
  final long[] waits;
  final long[] feedback;
  long delivered;

  WaitRecorder(int n) {
    arrived = new long[n];
    waits = new long[n];
    feedback = new long[n];
    java.util.Arrays.fill(waits, -1);
  }

  @Override
  public void on(SimEvent e) {
    if (e instanceof SimEvent.SubmissionArrived a) {
      arrived[a.n()] = a.t();
    } else if (e instanceof SimEvent.SubmissionDispatched d) {
      waits[d.n()] = d.t() - arrived[d.n()];
    } else if (e instanceof SimEvent.ResultDelivered r) {
      feedback[r.n()] = r.t() - arrived[r.n()];
      delivered++;
    }
  }
}
