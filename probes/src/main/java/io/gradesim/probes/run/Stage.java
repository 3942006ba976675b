package io.gradesim.probes.run;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The lifecycle stages a probe times, plus {@code run}: the whole lifecycle as one operation. */
public enum Stage {
  CREATE,
  START,
  EXEC,
  STOP,
  REMOVE,
  RUN;

  /** The lower-case name used on the command line, in events and in CSV. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether this stage is one step of the five-step lifecycle (not {@code run}). */
  public boolean lifecycle() {
    return this != RUN;
  }

  /** The stages named in a comma-separated list. */
  public static Set<Stage> parse(String list) {
    Set<Stage> out = EnumSet.noneOf(Stage.class);
    for (String s : list.split(",")) {
      String name = s.strip();
      if (name.isEmpty()) {
        continue;
      }
      out.add(Arrays.stream(values()).filter(v -> v.label().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown stage '" + name + "' (known: "
              + Arrays.stream(values()).map(Stage::label).collect(Collectors.joining(", "))
              + ")")));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("--stages names no stage");
    }
    return out;
  }
}
