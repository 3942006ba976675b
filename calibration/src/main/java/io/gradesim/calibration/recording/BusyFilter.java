package io.gradesim.calibration.recording;

import io.gradesim.probes.jfr.StageSample;
import java.util.List;

/**
 * Flags stage samples taken while the machine was busy with other work.
 *
 * <p>A sample is busy when, in any load window overlapping it, the load of work other than the
 * probe's ({@link LoadWindow#otherLoad()}) exceeds the threshold (default {@value
 * #DEFAULT_THRESHOLD} of the whole machine: more than half of all cores busy with something else).
 * With {@link HostLoadWindow}s other work is the machine's load minus the probe JVM, its
 * descendants, the runtime daemons and the probe's containers; with {@link CpuLoadWindow}s (older
 * recordings) it is the machine's load minus the JVM alone, so the runtimes a probe starts count as
 * other work too. 1.0 disables the filter. A sample with no overlapping window is kept and counted
 * as of unknown load.
 */
public final class BusyFilter {

  /** Default threshold on other work, as a fraction of the whole machine. */
  public static final double DEFAULT_THRESHOLD = 0.5;

  private final double threshold;
  private final List<LoadWindow> windows;

  /** A filter over the given windows, sorted by start time. */
  public BusyFilter(double threshold, List<? extends LoadWindow> windows) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          "busy threshold must be a fraction of the machine in [0, 1], got " + threshold);
    }
    this.threshold = threshold;
    this.windows = List.copyOf(windows);
  }

  /** True when {@code otherLoad} is above the threshold. */
  public static boolean isBusy(double otherLoad, double threshold) {
    return otherLoad > threshold;
  }

  /** The highest other load over the windows overlapping the sample, or NaN when none does. */
  public double peakOtherLoad(StageSample s) {
    double peak = Double.NaN;
    long start = s.startEpochNs();
    // Zero-length samples still belong to the window that holds their instant.
    long end = Math.max(s.endEpochNs(), start + 1);
    for (LoadWindow w : windows) {
      if (w.startNanos() >= end) {
        break;
      }
      if (w.overlaps(start, end)) {
        peak = Double.isNaN(peak) ? w.otherLoad() : Math.max(peak, w.otherLoad());
      }
    }
    return peak;
  }

  /** True when the sample was taken while the machine was busy with other work. */
  public boolean isBusy(StageSample s) {
    double peak = peakOtherLoad(s);
    return !Double.isNaN(peak) && isBusy(peak, threshold);
  }

  /** The threshold in use. */
  public double threshold() {
    return threshold;
  }
}
