package io.gradesim.traces.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.traces.Submission;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadDeterminismTest {
  private static final Instant T0 = Instant.parse("2024-01-15T08:00:00Z");

  @Test
  void poissonArrivalRateMatchesTheRequestedRate() {
    DurationDistribution g = DurationDistribution.parse("const:2s");
    List<Submission> rows = new PoissonWorkload(5, 20_000, -1, 3, g, 1, T0).stream().toList();

    double spanS =
        (rows.get(rows.size() - 1).submittedAt().toEpochMilli() - T0.toEpochMilli()) / 1000.0;
    // 20,000 exponential gaps: the rate estimate has a relative sd of 1/sqrt(20000) = 0.7 %.
    assertThat(rows.size() / spanS).isBetween(5 * 0.97, 5 * 1.03);
    assertThat(rows).allSatisfy(s -> assertThat(s.gradingMs()).isEqualTo(2000));
    assertThat(rows).extracting(Submission::task).containsOnly("t1", "t2", "t3");
  }

  @Test
  void poissonWithADurationStopsBeforeIt() {
    List<Submission> rows =
        new PoissonWorkload(1, -1, 60_000_000L, 1, DurationDistribution.parse("exp:mean=1s"), 2, T0)
            .stream().toList();

    assertThat(rows)
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.submittedAt()).isBefore(T0.plusSeconds(60)));
  }

  @Test
  void examKeepsAtMostOnePendingSubmissionPerStudent() {
    List<Submission> rows =
        new ExamWorkload(
                40,
                3_600_000_000L,
                4,
                DurationDistribution.parse("lognormal:median=20s,sigma=0.5"),
                3,
                120_000_000L,
                0.3,
                T0)
            .stream().toList();

    Map<String, Long> feedbackAt = new HashMap<>();
    for (Submission s : rows) {
      String user = s.users().get(0);
      Long previous = feedbackAt.get(user);
      if (previous != null) {
        assertThat(s.submittedAt().toEpochMilli()).isGreaterThanOrEqualTo(previous - 1);
      }
      feedbackAt.put(user, s.submittedAt().toEpochMilli() + s.gradingMs());
      assertThat(s.submittedAt()).isBefore(T0.plusSeconds(3600));
    }
    assertThat(rows).extracting(Submission::submittedAt).isSorted();
    assertThat(feedbackAt).hasSize(40);
  }

  @Test
  void examThinkTimeShrinksTowardsTheDeadline() {
    List<Submission> rows =
        new ExamWorkload(
                200,
                3_600_000_000L,
                50,
                DurationDistribution.parse("const:1s"),
                4,
                300_000_000L,
                0.05,
                T0)
            .stream().toList();

    long firstHalf =
        rows.stream().filter(s -> s.submittedAt().isBefore(T0.plusSeconds(1800))).count();
    assertThat(rows.size() - firstHalf).isGreaterThan(firstHalf * 3 / 2);
  }
}
