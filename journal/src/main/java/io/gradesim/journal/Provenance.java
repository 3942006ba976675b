package io.gradesim.journal;

import io.gradesim.simulator.event.SimEvent;
import java.util.ArrayList;
import java.util.List;

/** Checks that a resumed run has the same inputs as the run in the journal. */
final class Provenance {
  private Provenance() {}

  /** Throws IllegalArgumentException naming each input of {@code now} unlike {@code stored}. */
  static void checkSame(String runId, SimEvent.RunStarted stored, SimEvent.RunStarted now) {
    List<String> diffs = new ArrayList<>();
    diff(diffs, "trace " + now.traceFile(), stored.traceHash(), now.traceHash());
    diff(diffs, "scenario " + now.scenarioName(), stored.scenarioHash(), now.scenarioHash());
    diff(
        diffs,
        "calibration " + now.calibrationFile(),
        stored.calibrationHash(),
        now.calibrationHash());
    diff(diffs, "seed", Long.toString(stored.seed()), Long.toString(now.seed()));
    diff(diffs, "gradesim version", stored.version(), now.version());
    if (!diffs.isEmpty()) {
      throw new IllegalArgumentException(
          "cannot resume run "
              + runId
              + ": its inputs changed ("
              + String.join("; ", diffs)
              + "); start a new run with another --run-id");
    }
  }

  private static void diff(List<String> out, String what, String stored, String now) {
    if (!stored.equals(now)) {
      out.add(what + ": was " + shortHash(stored) + ", now " + shortHash(now));
    }
  }

  private static String shortHash(String h) {
    return h.length() > 12 ? h.substring(0, 12) : h.isEmpty() ? "(none)" : h;
  }
}
