package io.gradesim.calibration.recording;

import io.gradesim.probes.jfr.HostLoadEvent;
import java.util.List;
import java.util.Locale;

/** Which events of a recording the busy filter takes the load of other work from. */
public enum LoadSource {
  /** {@code gradesim.HostLoad} when the recording holds any, else {@code jdk.CPULoad}. */
  AUTO,
  /** {@code gradesim.HostLoad} only: an error when the recording has none. */
  HOST,
  /** {@code jdk.CPULoad}: machine load minus the probe JVM alone (runtimes count as other). */
  JVM;

  /** The JFR event name of {@code jdk.CPULoad}. */
  public static final String CPU_LOAD = "jdk.CPULoad";

  /** The windows chosen and the name of the event they came from. */
  public record Selection(String eventName, List<? extends LoadWindow> windows) {}

  /**
   * The windows this source takes from a recording.
   *
   * @throws IllegalArgumentException for {@link #HOST} on a recording without HostLoad events
   */
  public Selection select(ProbeRecording rec) {
    boolean host =
        switch (this) {
          case AUTO -> !rec.hostWindows().isEmpty();
          case HOST -> true;
          case JVM -> false;
        };
    if (host && rec.hostWindows().isEmpty()) {
      throw new IllegalArgumentException(
          rec.file()
              + ": no "
              + HostLoadEvent.NAME
              + " events (recorded by an older probe?); use --load-source jvm or auto");
    }
    return host
        ? new Selection(HostLoadEvent.NAME, rec.hostWindows())
        : new Selection(CPU_LOAD, rec.windows());
  }

  /** Parses {@code auto}, {@code host} or {@code jvm} (any case). */
  public static LoadSource parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--load-source: expected auto, host or jvm, got '" + s + "'", e);
    }
  }
}
