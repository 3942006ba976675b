package io.gradesim.calibration.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gradesim.calibration.model.OpCpu;
import io.gradesim.probes.jfr.StageSample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The CPU share of container operations, solved from interleaved host-load windows. */
class OpCpuMeasureTest {
  static final long MS = 1_000_000L;
  static final long SCAN = 4 * MS;

  private final List<StageSample> samples = new ArrayList<>();
  private final List<HostLoadWindow> windows = new ArrayList<>();

  private void op(String runtime, String payload, int concurrency, long fromMs, long toMs) {
    samples.add(
        new StageSample(
            runtime,
            "create",
            payload,
            concurrency,
            samples.size(),
            0,
            false,
            true,
            (toMs - fromMs) * MS,
            fromMs * MS,
            0,
            ""));
  }

  /** A 200 ms window from {@code fromMs} whose probe work was {@code cpuMs} plus the scan. */
  private void window(long fromMs, double cpuMs) {
    double probeLoad = (cpuMs * MS + SCAN) / (2.0 * 200 * MS);
    windows.add(new HostLoadWindow(fromMs * MS, (fromMs + 200) * MS, probeLoad, probeLoad, SCAN));
  }

  private SortedMap<String, OpCpu> measure() {
    samples.sort(java.util.Comparator.comparingLong(StageSample::startEpochNs));
    return OpCpuMeasure.of(
        new ProbeRecording(
            Path.of("probe.jfr"), "", samples, List.of(), windows, new TreeMap<>(), 0),
        2);
  }

  @Test
  void sharesComeOutOfWindowsWhereRuntimesInterleave() {
    // runtime a uses half a core while it operates, b 0.8
    op("a", "true", 1, 10, 110);
    op("b", "true", 1, 120, 170);
    window(0, 0.5 * 100 + 0.8 * 50);
    op("a", "true", 1, 210, 360);
    window(200, 0.5 * 150);
    op("b", "true", 1, 410, 560);
    window(400, 0.8 * 150);
    // a cpu payload and a concurrency beyond the cores: their windows are left out, whatever they
    // used
    op("a", "cpu", 1, 610, 700);
    window(600, 190);
    op("a", "true", 4, 810, 900);
    window(800, 150);
    // two at once on two cores: their wall times add up
    op("a", "true", 2, 1010, 1110);
    op("a", "true", 2, 1010, 1110);
    window(1000, 0.5 * 200);
    op("b", "true", 1, 1210, 1310);
    window(1200, 0.8 * 100);
    SortedMap<String, OpCpu> shares = measure();
    assertThat(shares).containsOnlyKeys("a", "b");
    assertThat(shares.get("a").fraction()).isCloseTo(0.5, within(1e-9));
    assertThat(shares.get("b").fraction()).isCloseTo(0.8, within(1e-9));
    assertThat(shares.get("a").windows()).isEqualTo(3);
    assertThat(shares.get("a").seconds()).isCloseTo(0.45, within(1e-9));
  }

  @Test
  void aShareMayExceedOneCoreButNotTheHost() {
    for (int i = 0; i < 4; i++) {
      op("a", "true", 1, 200 * i + 10, 200 * i + 110);
      window(200 * i, 130);
    }
    assertThat(measure().get("a").fraction()).isCloseTo(1.3, within(1e-9));
    samples.clear();
    windows.clear();
    for (int i = 0; i < 4; i++) {
      op("a", "true", 1, 200 * i + 10, 200 * i + 60);
      window(200 * i, 180);
    }
    assertThat(measure().get("a").fraction()).isEqualTo(2.0);
  }

  @Test
  void tooFewWindowsOrNoneMeasureNothing() {
    op("a", "true", 1, 10, 110);
    window(0, 50);
    op("a", "true", 1, 210, 310);
    window(200, 50);
    assertThat(measure()).isEmpty();
    windows.clear();
    assertThat(measure()).isEmpty();
  }
}
