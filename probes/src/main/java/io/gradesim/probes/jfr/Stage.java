package io.gradesim.probes.jfr;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lifecycle stages of a container, in lifecycle order, as {@link StageEvent#stage} names them;
 * {@code run} is the whole lifecycle as one operation. The probes time them, calibration fits them,
 * the simulator charges the four an INGInious docker agent performs around a grading job ({@link
 * #SIMULATED}: {@code inginious/agent/docker_agent/__init__.py} creates, starts, then removes the
 * container after grading; {@code exec} is the latency from a started container to the first
 * command it runs, the thesis' "exec" column).
 */
public enum Stage {
  CREATE,
  START,
  EXEC,
  STOP,
  REMOVE,
  RUN;

  /** The stages the simulator charges, in lifecycle order. */
  public static final List<Stage> SIMULATED = List.of(CREATE, START, EXEC, REMOVE);

  private static final List<Stage> ALL = List.of(values());

  /** The lower-case name used on the command line, in events, profiles, scenarios and CSV. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this stage is one step of the five-step lifecycle (not {@code run}). */
  public boolean lifecycle() {
    return this != RUN;
  }

  /** Every stage in lifecycle order ({@code run} last), without copying {@link #values()}. */
  public static List<Stage> all() {
    return ALL;
  }

  /** The stage labelled {@code label}, if any. */
  public static Optional<Stage> of(String label) {
    for (Stage s : ALL) {
      if (s.label().equals(label)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The rank of {@code label} in lifecycle order; labels of no stage rank after every stage. */
  public static int rank(String label) {
    return of(label).map(Stage::ordinal).orElse(ALL.size());
  }

  /** The labels of every stage, comma-separated, in lifecycle order. */
  public static String labels() {
    return ALL.stream().map(Stage::label).collect(Collectors.joining(", "));
  }

  /** The stages named in a comma-separated list. */
  public static Set<Stage> parse(String list) {
    Set<Stage> out = EnumSet.noneOf(Stage.class);
    for (String s : list.split(",")) {
      String name = s.strip();
      if (name.isEmpty()) {
        continue;
      }
      out.add(
          of(name)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown stage '" + name + "' (known: " + labels() + ")")));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("--stages names no stage");
    }
    return out;
  }
}
