package io.gradesim.simulator.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticLifecyclesTest {
  @TempDir Path dir;

  @Test
  void benchmarkRunGivesTheFiguresItsScheduleImplies() throws IOException {
    SyntheticLifecycles run = new SyntheticLifecycles(1000, 10, 10_000);
    RunSummary s;
    long events;
    try (RunOutputWriter w = new RunOutputWriter(dir)) {
      events = run.emit(w);
      s = w.finish();
      assertThat(w.peakBufferedRows()).isLessThanOrEqualTo(71);
    }

    assertThat(events).isEqualTo(8 * 1000 + 2);
    assertThat(s.events()).isEqualTo(events);
    assertThat(s.delivered()).isEqualTo(1000);
    // each stage 10 ticks of 10 ms: wait 2 stages, feedback 7, busy 4; 1069 ticks in all
    assertThat(s.waitMeanS()).isEqualTo(0.2);
    assertThat(s.waitP99S()).isCloseTo(0.2, within(0.0002));
    assertThat(s.feedbackMeanS()).isEqualTo(0.7);
    assertThat(s.pWaitPositive()).isEqualTo(1.0);
    assertThat(s.peakQueue()).isEqualTo(10);
    assertThat(s.utilisation()).isCloseTo(1000 * 40.0 / (40 * 1069), within(1e-12));
    assertThat(s.results()).containsEntry("success", 750L).containsEntry("failed", 250L);
    assertThat(Files.readAllLines(dir.resolve("submissions.csv"))).hasSize(1001);
  }

  @Test
  void perfReportDerivesRatesAndWritesThemApart() throws IOException {
    PerfReport perf = new PerfReport(2000, 8_000_000, 1_000_000, 12.5);

    assertThat(perf.eventsPerS()).isEqualTo(4_000_000);
    assertThat(perf.submissionsPerS()).isEqualTo(500_000);
    perf.writeTo(dir);
    assertThat(Files.readString(dir.resolve("perf.json")))
        .contains("\"sim_wall_ms\" : 2000")
        .contains("\"events_per_s\" : 4000000.0")
        .contains("\"submissions_per_s\" : 500000.0")
        .contains("\"heap_peak_mb\" : 12.5");
  }
}
