package io.gradesim.app.demo;

import io.gradesim.probes.runtime.Availability;
import io.gradesim.probes.runtime.Runtime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtimes the demo probes: those whose driver says everything they need is here, and the
 * absent ones with the reason (what to install).
 *
 * @param available labels of the runtimes to probe, in the order of {@link Runtime}
 * @param absent label to reason, for the runtimes that cannot run here
 */
record DemoRuntimes(List<String> available, Map<String, String> absent) {

  /** Asks every driver (cheap checks: no container is started). */
  static DemoRuntimes find() {
    List<String> available = new ArrayList<>();
    Map<String, String> absent = new LinkedHashMap<>();
    for (Runtime r : Runtime.values()) {
      Availability a = r.driver().availability();
      if (a.available()) {
        available.add(r.label());
      } else {
        absent.put(r.label(), a.reason());
      }
    }
    return new DemoRuntimes(List.copyOf(available), absent);
  }

  /** The runtimes the user named, unchecked: the probe reports those that cannot run. */
  static DemoRuntimes chosen(List<String> labels) {
    labels.forEach(Runtime::of);
    return new DemoRuntimes(List.copyOf(labels), Map.of());
  }
}
