package io.gradesim.probes.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;

/**
 * The JFR recording of one probe: every {@link StageEvent} (no threshold, no stack trace), the
 * JVM's own {@code jdk.CPULoad} every 100 ms, so JDK Mission Control shows the stages beside the
 * host's CPU load, and {@link HostLoadEvent} every 200 ms, which tells the probe's own work
 * (runtimes and containers included) from other work. Dumped to a file once the probe ends.
 */
public final class ProbeRecording implements AutoCloseable {
  /** Period of {@link HostLoadEvent}. */
  public static final Duration HOST_LOAD_PERIOD = Duration.ofMillis(200);

  private final Recording recording = new Recording();

  /** Starts recording. */
  public ProbeRecording() {
    recording.setName("gradesim-probe");
    recording.enable(StageEvent.class).withoutThreshold().withoutStackTrace();
    recording.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(100));
    recording.enable("jdk.ThreadCPULoad").withPeriod(Duration.ofSeconds(1));
    HostLoadEvent.register();
    recording.enable(HostLoadEvent.class).withPeriod(HOST_LOAD_PERIOD);
    recording.setToDisk(true);
    recording.start();
  }

  /** Stops recording and writes it to {@code file}. */
  public void dump(Path file) throws IOException {
    recording.stop();
    recording.dump(file);
  }

  @Override
  public void close() {
    recording.close();
  }
}
