package io.gradesim.traces.stats;

/**
 * The per-job container overhead of the platform that recorded a trace, to be taken out of its
 * sojourns: an INGInious docker agent holds a job's slot from dispatch through the container's
 * create, start, grading and removal ({@code inginious/agent/docker_agent/__init__.py}: {@code
 * create_container}, {@code start_container}, then {@code remove_container} and the task folder's
 * {@code rmtree} before {@code send_job_result}), so a completion time includes them. A simulation
 * that charges its own stage costs would count them twice.
 *
 * <p>Plain numbers only: where the figure comes from (a runtime's stage medians in a calibration
 * profile) is the caller's business, so this module does not depend on calibration.
 *
 * @param runtime the recorded platform's runtime, for reports ("" when none)
 * @param overheadMs the overhead subtracted from each quiet sojourn, milliseconds (0: none)
 * @param floorMs the least grading time left after the subtraction; smaller results are clamped to
 *     it and counted
 * @param detail how the overhead was obtained, for reports (e.g. the stage medians summed)
 */
public record RecordedOverhead(String runtime, double overheadMs, double floorMs, String detail) {
  /** No subtraction: the estimate is the recorded platform's whole service time. */
  public static final RecordedOverhead NONE = new RecordedOverhead("", 0, 0, "");

  /** Grading times left below this after the subtraction are clamped to it (1 ms). */
  public static final double FLOOR_MS = 1;

  /** Checks the figures. */
  public RecordedOverhead {
    if (!(overheadMs >= 0) || !(floorMs >= 0) || Double.isInfinite(overheadMs)) {
      throw new IllegalArgumentException(
          "recorded overhead must be finite and >= 0, found " + overheadMs + " ms");
    }
  }

  /** An overhead of {@code overheadMs} for {@code runtime}, clamped at {@link #FLOOR_MS}. */
  public static RecordedOverhead of(String runtime, double overheadMs, String detail) {
    return new RecordedOverhead(runtime, overheadMs, FLOOR_MS, detail);
  }

  /**
   * Where a recorded platform's overhead comes from: the runtime's stage costs in a calibration
   * profile, resolved by a module that reads profiles (the application wires it into {@code trace
   * inspect}).
   */
  @FunctionalInterface
  public interface Source {
    /**
     * The overhead of {@code runtime} from the profile {@code calibration} (null: the bundled
     * literature profile); errors name the option and what the profile has.
     */
    RecordedOverhead of(String runtime, java.nio.file.Path calibration) throws java.io.IOException;
  }

  /** Whether anything is subtracted. */
  public boolean any() {
    return overheadMs > 0;
  }

  /** A sojourn in ms without the overhead, at least the floor (unchanged when there is none). */
  int apply(int sojournMs) {
    if (!any()) {
      return sojournMs;
    }
    return (int) Math.round(Math.max(floorMs, sojournMs - overheadMs));
  }

  /** Whether {@link #apply} clamps this sojourn at the floor. */
  boolean clamps(int sojournMs) {
    return any() && sojournMs - overheadMs < floorMs;
  }
}
