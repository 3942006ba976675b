package io.gradesim.calibration.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gradesim.calibration.Calibrator;
import io.gradesim.calibration.model.CalibrationProfile;
import io.gradesim.calibration.model.StageCost;
import io.gradesim.probes.jfr.StageSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BusyFilterTest {

  private static int machineCpus() throws IOException {
    try (var lines = Files.lines(Path.of("/proc/stat"))) {
      return (int) lines.filter(l -> l.matches("cpu[0-9]+ .*")).count();
    }
  }

  private static StageSample at(long start, long duration) {
    return new StageSample("r", "create", "true", 1, 0, 0, false, true, duration, start, 0, "");
  }

  @Test
  void classifiesOtherLoadAgainstTheThreshold() {
    assertThat(BusyFilter.isBusy(0.51, 0.5)).isTrue();
    assertThat(BusyFilter.isBusy(0.5, 0.5)).isFalse();
    assertThat(new CpuLoadWindow(0, 1, 0.2, 0.1, 0.9).otherLoad()).isEqualTo(0.6, within());
    assertThat(new CpuLoadWindow(0, 1, 0.5, 0.2, 0.6).otherLoad()).isZero();
    assertThatThrownBy(() -> new BusyFilter(1.5, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  @Test
  void aSampleIsBusyWhenAnyOverlappingWindowIsBusy() {
    BusyFilter f =
        new BusyFilter(
            0.5,
            List.of(
                new CpuLoadWindow(0, 100, 0.1, 0, 0.2),
                new CpuLoadWindow(100, 200, 0.1, 0, 0.9),
                new CpuLoadWindow(200, 300, 0.1, 0, 0.1)));
    assertThat(f.isBusy(at(10, 50))).isFalse();
    assertThat(f.isBusy(at(90, 20))).isTrue();
    assertThat(f.isBusy(at(150, 0))).isTrue();
    assertThat(f.isBusy(at(210, 50))).isFalse();
    assertThat(f.peakOtherLoad(at(500, 10))).isNaN();
    assertThat(f.isBusy(at(500, 10))).isFalse();
  }

  /**
   * Smoke test on a real recording: separate processes keep every core busy while stage events are
   * recorded, so jdk.CPULoad's machine total rises far above this JVM's own load and the filter
   * must flag those samples. Samples outside that phase are not asserted on: on a shared machine
   * other people's work may make them busy too.
   */
  @Test
  void flagsSamplesRecordedWhileOtherProcessesLoadTheMachine(@TempDir Path dir) throws Exception {
    // jdk.CPULoad's machine total counts every CPU in /proc/stat; under a CPU quota smaller than
    // that, no process of ours can load the machine enough, and the test cannot say anything.
    assumeTrue(
        machineCpus() <= Runtime.getRuntime().availableProcessors(),
        "this JVM may use fewer CPUs than the machine has");
    Path file;
    List<Process> hogs = new ArrayList<>();
    try (TestRecording r = new TestRecording()) {
      try {
        for (int i = 0; i < machineCpus(); i++) {
          hogs.add(
              new ProcessBuilder("timeout", "30", "sha256sum", "/dev/zero")
                  .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                  .redirectError(ProcessBuilder.Redirect.DISCARD)
                  .start());
        }
        TestRecording.idle(400);
        for (int i = 0; i < 4; i++) {
          r.stage("hog", "busy-phase", "true", 1, i, false, true, 150);
        }
      } finally {
        for (Process p : hogs) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          p.waitFor(5, TimeUnit.SECONDS);
        }
      }
      file = r.dump(dir.resolve("probe.jfr"));
    }
    ProbeRecording rec = ProbeRecordingReader.read(file);
    BusyFilter f = new BusyFilter(BusyFilter.DEFAULT_THRESHOLD, rec.windows());
    assertThat(rec.samples())
        .hasSize(4)
        .allSatisfy(
            s -> {
              assertThat(f.peakOtherLoad(s)).isGreaterThan(BusyFilter.DEFAULT_THRESHOLD);
              assertThat(f.isBusy(s)).isTrue();
            });
    CalibrationProfile p = new Calibrator(BusyFilter.DEFAULT_THRESHOLD, Map.of()).calibrate(rec);
    StageCost row = p.rows().get(0);
    assertThat(row.busyOnly()).isTrue();
    assertThat(row.n()).isEqualTo(4);
    assertThat(row.note()).contains("busy");
  }
}
