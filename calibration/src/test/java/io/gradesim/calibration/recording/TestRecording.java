package io.gradesim.calibration.recording;

import io.gradesim.probes.jfr.StageEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.Recording;

/**
 * Writes real JFR recordings for tests: stage events whose durations are set by parking the thread
 * for a chosen time between {@code begin()} and {@code end()}, beside the JVM's own {@code
 * jdk.CPULoad} events every 100 ms.
 */
public final class TestRecording implements AutoCloseable {

  private final Recording recording = new Recording();

  /** Starts recording stage and CPU-load events. */
  public TestRecording() {
    recording.enable(StageEvent.class);
    recording.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(100));
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
