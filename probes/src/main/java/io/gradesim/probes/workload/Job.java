package io.gradesim.probes.workload;

import io.gradesim.probes.jfr.Stage;
import io.gradesim.probes.runtime.Payload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a probe runs in each started container: one of today's {@link Payload}s or one of the
 * thesis' {@link Workload}s in a size, as the steps it times and the payload files bound read-only
 * at {@link #MOUNT} (generated once, {@link PayloadFiles}).
 *
 * @param label the CSV's payload column: {@code true}, {@code hello}, {@code db-read-xs}, ...
 * @param thesisTest the thesis' test name ({@code Database read xs}); empty for today's payloads
 * @param steps the commands, the first timed as {@code exec}
 * @param files the payload files, if it needs any
 */
public record Job(String label, String thesisTest, List<Step> steps, Optional<PayloadFiles> files) {

  /** Where the payload files appear in the container: a directory every Debian image has. */
  public static final String MOUNT = "/srv";

  /** Copies the steps. */
  public Job {
    steps = List.copyOf(steps);
  }

  /** Today's payload {@code p}: one exec that has to exit 0. */
  public static Job of(Payload p) {
    return new Job(
        p.label(), "", List.of(Step.anyOutput(Stage.EXEC.label(), p.argv())), Optional.empty());
  }

  /** Whether it runs programs only the grading image has (python3, sqlite3). */
  public boolean needsGradingImage() {
    return files.isPresent();
  }

  /**
   * The jobs a comma-separated list names: {@code true}, {@code cpu}, {@code write}, {@code hello},
   * {@code http}, {@code db-read}, {@code db-write}, {@code io-read}, {@code io-write} (those four
   * in all five sizes, or one size as {@code db-read-xs}), or {@code all} (every workload of the
   * thesis); an IllegalArgumentException names the known ones.
   */
  public static List<Job> parse(String list) {
    List<Job> out = new ArrayList<>();
    for (String item : list.split(",")) {
      String name = item.strip();
      if (!name.isEmpty()) {
        for (Job j : named(name)) {
          if (out.stream().noneMatch(o -> o.label().equals(j.label()))) {
            out.add(j);
          }
        }
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("--payload names no payload (" + KNOWN + ")");
    }
    return out;
  }

  private static final String KNOWN =
      "known: true, cpu, write, hello, http, db-read, db-write, io-read, io-write, each of the"
          + " last four also as NAME-xs|sm|md|lg|xl, and all";

  private static List<Job> named(String name) {
    if (name.equals("all")) {
      List<Job> all = new ArrayList<>();
      for (Workload w : Workload.values()) {
        all.addAll(sizes(w));
      }
      return all;
    }
    for (Payload p : Payload.values()) {
      if (p.label().equals(name)) {
        return List.of(of(p));
      }
    }
    for (Workload w : Workload.values()) {
      if (w.label().equals(name)) {
        return sizes(w);
      }
      for (WorkloadSize s : WorkloadSize.values()) {
        if (w.sized() && name.equals(w.label() + "-" + s.label())) {
          return List.of(Workloads.job(w, s));
        }
      }
    }
    throw new IllegalArgumentException("unknown payload '" + name + "' (" + KNOWN + ")");
  }

  private static List<Job> sizes(Workload w) {
    if (!w.sized()) {
      return List.of(Workloads.job(w, null));
    }
    List<Job> out = new ArrayList<>();
    for (WorkloadSize s : WorkloadSize.values()) {
      out.add(Workloads.job(w, s));
    }
    return out;
  }
}
