package io.gradesim.simulator.output;

import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEvent.RunStarted;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-made event sequences for the output tests, with times in seconds. */
final class RunEvents {
  static final Instant EPOCH = Instant.parse("2024-03-08T09:00:00Z");
  static final long EPOCH_MICROS = EPOCH.getEpochSecond() * 1_000_000L;

  final List<SimEvent> events = new ArrayList<>();

  /** Starts a run whose resolved scenario is {@code scenarioJson}. */
  static RunEvents run(String scenarioJson) {
    RunEvents r = new RunEvents();
    r.events.add(
        new RunStarted(
            0,
            "run-1",
            EPOCH_MICROS,
            "exam.csv",
            "th",
            "pool.conf",
            "sh",
            scenarioJson,
            "",
            "",
            7,
            "0.1.0-test"));
    return r;
  }

  /** Seconds to virtual microseconds. */
  static long us(double seconds) {
    return Math.round(seconds * 1e6);
  }

  RunEvents add(SimEvent e) {
    events.add(e);
    return this;
  }

  /** Folds the events into {@code dir} and finishes the run. */
  RunSummary writeTo(Path dir) throws IOException {
    try (RunOutputWriter w = new RunOutputWriter(dir)) {
      events.forEach(w::on);
      return w.finish();
    }
  }
}
