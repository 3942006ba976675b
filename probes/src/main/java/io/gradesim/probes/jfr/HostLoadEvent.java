package io.gradesim.probes.jfr;

import io.gradesim.probes.load.HostLoad;
import io.gradesim.probes.load.HostLoadSampler;
import java.io.IOException;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Percentage;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * Periodic event: the machine's CPU load and the probe's own share of it (the JVM, its descendants,
 * the runtime daemons and the probe's containers: {@link HostLoadSampler}), both averaged over the
 * window since the previous event. Calibration's busy filter counts only the difference as other
 * work; {@code jdk.CPULoad} cannot tell the runtimes a probe starts from someone else's work.
 */
@Name(HostLoadEvent.NAME)
@Label("Host load")
@Category({"gradesim", "Probe"})
@Description("Machine CPU load and the probe's own share of it since the previous sample")
@StackTrace(false)
public final class HostLoadEvent extends Event {
  /** The JFR event name that calibration reads. */
  public static final String NAME = "gradesim.HostLoad";

  private static HostLoadSampler sampler;

  @Label("Machine load")
  @Description("CPU time neither idle nor iowait over all CPU time (/proc/stat), 0..1")
  @Percentage
  public double machineLoad;

  @Label("Probe load")
  @Description("CPU time of the probe JVM, its descendants, runtime daemons and containers, 0..1")
  @Percentage
  public double probeLoad;

  @Label("Window")
  @Description("Time since the previous sample, which both loads average over")
  @Timespan(Timespan.NANOSECONDS)
  public long windowNanos;

  @Label("Processes counted")
  @Description("How many processes counted as the probe's own work at this sample")
  public int processes;

  @Label("Scan time")
  @Description("How long reading /proc took for this sample: the cost of one sample")
  @Timespan(Timespan.NANOSECONDS)
  public long scanNanos;

  /**
   * Registers the periodic hook once per JVM and (re)takes the baseline, so the first event of a
   * new recording averages from now.
   */
  public static synchronized void register() {
    if (sampler == null) {
      sampler = HostLoadSampler.ofThisProbe();
      FlightRecorder.addPeriodicEvent(HostLoadEvent.class, HostLoadEvent::emit);
    }
    try {
      sampler.sample();
    } catch (IOException e) {
      // No readable /proc: the hook emits nothing and calibration falls back to jdk.CPULoad.
    }
  }

  private static void emit() {
    HostLoadSampler s;
    synchronized (HostLoadEvent.class) {
      s = sampler;
    }
    try {
      s.sample().ifPresent(HostLoadEvent::commit);
    } catch (IOException e) {
      // /proc unreadable for this one sample: no event, the next one covers the gap.
    }
  }

  private static void commit(HostLoad h) {
    HostLoadEvent e = new HostLoadEvent();
    e.machineLoad = h.machineLoad();
    e.probeLoad = h.probeLoad();
    e.windowNanos = h.windowNanos();
    e.processes = h.counted().size();
    e.scanNanos = h.scanNanos();
    e.commit();
  }
}
