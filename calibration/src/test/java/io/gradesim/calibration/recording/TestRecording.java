package io.gradesim.calibration.recording;

import io.gradesim.probes.jfr.HostLoadEvent;
import io.gradesim.probes.jfr.StageEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.Recording;

/**
 * Writes real JFR recordings for tests: stage events whose durations are set by parking the thread
 * for a chosen time between {@code begin()} and {@code end()}, beside the JVM's own {@code
 * jdk.CPULoad} events every 100 ms, and {@code gradesim.HostLoad} events only when a test commits
 * them ({@link #hostLoad}), with loads it chooses.
 */
public final class TestRecording implements AutoCloseable {

  private final Recording recording = new Recording();
  private long lastHostLoad = System.nanoTime();

  /** Starts recording stage and CPU-load events. */
  public TestRecording() {
    recording.enable(StageEvent.class);
    recording.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(100));
    recording.enable(HostLoadEvent.class);
    recording.start();
  }

  /** Commits one stage event that lasts at least {@code millis} milliseconds. */
  public void stage(
      String runtime,
      String stage,
      String payload,
      int concurrency,
      int iteration,
      boolean warmup,
      boolean ok,
      double millis) {
    StageEvent e = new StageEvent();
    e.begin();
    long deadline = System.nanoTime() + (long) (millis * 1e6);
    for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
    e.end();
    e.runtime = runtime;
    e.stage = stage;
    e.payload = payload;
    e.concurrency = concurrency;
    e.iteration = iteration;
    e.warmup = warmup;
    e.ok = ok;
    e.commit();
  }

  /**
   * Commits a HostLoad event now whose window reaches back to the previous call (or to the start of
   * the recording), with the given loads.
   */
  public void hostLoad(double machineLoad, double probeLoad) {
    long now = System.nanoTime();
    HostLoadEvent e = new HostLoadEvent();
    e.machineLoad = machineLoad;
    e.probeLoad = probeLoad;
    e.windowNanos = now - lastHostLoad;
    e.processes = 1;
    e.commit();
    lastHostLoad = now;
  }

  /** Waits (parked) so that CPU-load windows accumulate. */
  public static void idle(long millis) {
    LockSupport.parkNanos(millis * 1_000_000L);
  }

  /** Stops the recording and writes it to {@code file}. */
  public Path dump(Path file) throws IOException {
    recording.stop();
    recording.dump(file);
    return file;
  }

  @Override
  public void close() {
    recording.close();
  }
}
