package io.gradesim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradesim.simulator.output.SummaryKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class SloTest {

  @Test
  void readsTimesWithTheirUnitAndCountsWithout() {
    assertThat(Slo.parse("--slo", "feedback_p95 <= 60s"))
        .isEqualTo(new Slo(SummaryKey.FEEDBACK_P95_S, 60));
    assertThat(Slo.parse("--slo", "wait_p99_s<=2min"))
        .isEqualTo(new Slo(SummaryKey.WAIT_P99_S, 120));
    assertThat(Slo.parse("--slo", " feedback_p50 <= 500ms ").limit()).isEqualTo(0.5);
    assertThat(Slo.parse("--slo", "peak_queue <= 20"))
        .isEqualTo(new Slo(SummaryKey.PEAK_QUEUE, 20));
    assertThat(Slo.parse("--slo", "feedback_p95 <= 60s")).hasToString("feedback_p95 <= 60.0 s");
  }

  @Test
  void namesWhatIsWrongInOneLine() {
    assertThatThrownBy(() -> Slo.parse("--slo", "feedback_p95 <= 60"))
        .hasMessage("--slo 'feedback_p95 <= 60': the limit needs a unit (ms, s, min, h)");
    assertThatThrownBy(() -> Slo.parse("--slo", "latency <= 60s"))
        .hasMessageStartingWith("--slo 'latency <= 60s': unknown metric 'latency'; known: ")
        .hasMessageContaining("feedback_p95");
    assertThatThrownBy(() -> Slo.parse("--slo", "feedback_p95 >= 60s"))
        .hasMessageContaining("expected METRIC <= LIMIT");
    assertThatThrownBy(() -> Slo.parse("--slo", "peak_queue <= 3s"))
        .hasMessageContaining("give no unit");
  }

  @Test
  void aVerdictNeedsEveryObjective() {
    ReportRow r = new ReportRow("a", 1, 8, "runc", 1, 1, 50, 70, 20, 3, 0.5, 10, 0, "");
    Verdict both =
        new Verdict(Slo.parseAll("--slo", List.of("feedback_p95 <= 60s", "wait_p95 <= 10s")));
    assertThat(new Verdict(60).meets(r)).isTrue();
    assertThat(both.meets(r)).isFalse();
    assertThat(both.rule())
        .isEqualTo(
            "Rule: a scenario meets the service level when feedback_p95 <= 60.0 s and "
                + "wait_p95 <= 10.0 s; among those, the cheapest wins.");
    // The single feedback-p95 objective keeps the sentence reports had before.
    assertThat(new Verdict(60).rule())
        .startsWith("Rule: a scenario meets the service level when 95 %");
  }
}
