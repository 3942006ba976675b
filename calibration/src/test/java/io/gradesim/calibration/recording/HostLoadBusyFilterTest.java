package io.gradesim.calibration.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gradesim.calibration.Calibrator;
import io.gradesim.calibration.model.CalibrationProfile;
import io.gradesim.calibration.model.StageCost;
import io.gradesim.probes.jfr.StageSample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostLoadBusyFilterTest {

  @TempDir static Path dir;
  static ProbeRecording withHostLoad;
  static ProbeRecording withoutHostLoad;

  /**
   * Three "quiet" samples in a window where the machine is 90 % busy but 80 % is the probe's own
   * work, then three "noisy" samples in a window where only 10 % is. Each window starts where the
   * previous event ended, so parked gaps of 30 ms keep its edges away from the other phase.
   */
  @BeforeAll
  static void record() throws IOException {
    try (TestRecording r = new TestRecording()) {
      TestRecording.idle(30);
      r.hostLoad(0.2, 0.1);
      TestRecording.idle(30);
      for (int i = 0; i < 3; i++) {
        r.stage("quiet", "create", "true", 1, i, false, true, 2);
      }
      TestRecording.idle(30);
      r.hostLoad(0.9, 0.8);
      TestRecording.idle(30);
      for (int i = 0; i < 3; i++) {
        r.stage("noisy", "create", "true", 1, i, false, true, 2);
      }
      TestRecording.idle(30);
      r.hostLoad(0.9, 0.1);
      withHostLoad = ProbeRecordingReader.read(r.dump(dir.resolve("host.jfr")));
    }
    try (TestRecording r = new TestRecording()) {
      r.stage("quiet", "create", "true", 1, 0, false, true, 2);
      withoutHostLoad = ProbeRecordingReader.read(r.dump(dir.resolve("old.jfr")));
    }
  }

  @Test
  void otherLoadIsTheMachinesMinusTheProbesOwn() {
    assertThat(new HostLoadWindow(0, 1, 0.9, 0.8).otherLoad()).isCloseTo(0.1, within(1e-9));
    assertThat(new HostLoadWindow(0, 1, 0.3, 0.4).otherLoad()).isZero();
    BusyFilter f =
        new BusyFilter(
            0.5,
            List.of(new HostLoadWindow(0, 100, 0.9, 0.8), new HostLoadWindow(100, 200, 0.9, 0.1)));
    StageSample early = new StageSample("r", "create", "true", 1, 0, 0, false, true, 50, 10, 0, "");
    StageSample late = new StageSample("r", "create", "true", 1, 1, 0, false, true, 10, 150, 0, "");
    assertThat(f.isBusy(early)).isFalse();
    assertThat(f.isBusy(late)).isTrue();
    assertThat(f.peakOtherLoad(late)).isCloseTo(0.8, within(1e-9));
  }

  @Test
  void readsHostLoadWindowsReachingBackToThePreviousEvent() {
    List<HostLoadWindow> ws = withHostLoad.hostWindows();
    assertThat(ws).hasSize(3);
    assertThat(ws).extracting(HostLoadWindow::machineLoad).containsExactly(0.2, 0.9, 0.9);
    assertThat(ws).extracting(HostLoadWindow::probeLoad).containsExactly(0.1, 0.8, 0.1);
    for (int i = 1; i < ws.size(); i++) {
      assertThat(ws.get(i).startNanos()).isEqualTo(ws.get(i - 1).endNanos());
    }
    // The first reaches back its own windowNanos: at least the 30 ms parked before it.
    assertThat(ws.get(0).endNanos() - ws.get(0).startNanos()).isGreaterThanOrEqualTo(30_000_000L);
    assertThat(withoutHostLoad.hostWindows()).isEmpty();
  }

  @Test
  void autoUsesHostLoadAndFlagsOnlyTheWindowWithOtherWork() {
    for (LoadSource source : List.of(LoadSource.AUTO, LoadSource.HOST)) {
      CalibrationProfile p = new Calibrator(0.5, Map.of(), source).calibrate(withHostLoad);
      assertThat(p.recording().loadSource()).isEqualTo("gradesim.HostLoad");
      assertThat(p.recording().hostLoadWindows()).isEqualTo(3);
      StageCost noisy = row(p, "noisy");
      StageCost quiet = row(p, "quiet");
      assertThat(noisy.busyOnly()).isTrue();
      assertThat(noisy.n()).isEqualTo(3);
      assertThat(quiet.busyOnly()).isNull();
      assertThat(quiet.excludedBusy()).isZero();
      assertThat(quiet.n()).isEqualTo(3);
      assertThat(p.recording().unknownLoad()).isZero();
    }
  }

  @Test
  void jvmUsesCpuLoadEvenWhenHostLoadIsThere() {
    assertThat(LoadSource.JVM.select(withHostLoad).windows())
        .isNotEmpty()
        .isEqualTo(withHostLoad.windows());
    CalibrationProfile p = new Calibrator(0.5, Map.of(), LoadSource.JVM).calibrate(withHostLoad);
    assertThat(p.recording().loadSource()).isEqualTo("jdk.CPULoad");
    assertThat(p.recording().hostLoadWindows()).isEqualTo(3);
    assertThat(p.recording().cpuLoadWindows()).isEqualTo(withHostLoad.windows().size());
  }

  @Test
  void autoFallsBackToCpuLoadAndHostRefusesARecordingWithoutHostLoad() {
    CalibrationProfile p =
        new Calibrator(0.5, Map.of(), LoadSource.AUTO).calibrate(withoutHostLoad);
    assertThat(p.recording().loadSource()).isEqualTo("jdk.CPULoad");
    assertThat(p.recording().hostLoadWindows()).isZero();
    assertThatThrownBy(
            () -> new Calibrator(0.5, Map.of(), LoadSource.HOST).calibrate(withoutHostLoad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("old.jfr")
        .hasMessageContaining("gradesim.HostLoad");
  }

  @Test
  void parsesLoadSourceNames() {
    assertThat(LoadSource.parse("Host")).isEqualTo(LoadSource.HOST);
    assertThat(LoadSource.parse("jvm")).isEqualTo(LoadSource.JVM);
    assertThatThrownBy(() -> LoadSource.parse("cpu"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("auto, host or jvm");
  }

  private static StageCost row(CalibrationProfile p, String runtime) {
    return p.rows().stream().filter(r -> r.runtime().equals(runtime)).findFirst().orElseThrow();
  }
}
