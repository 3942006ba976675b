package io.gradesim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.simulator.event.SimEvent;
import io.gradesim.traces.Submission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClosedLoopReplayTest {
  private static final Instant START = Instant.parse("2024-01-15T08:00:00Z");

  /**
   * 20 students submitting to 2 tasks in a loop recorded on a pool that graded at once: each
   * submission graded in 10 s, the next one 5..65 s after the feedback.
   */
  private static List<Submission> recorded(long gradingMs) {
    SplittableRandom r = new SplittableRandom(3);
    List<Submission> rows = new ArrayList<>();
    for (int u = 0; u < 20; u++) {
      long t = r.nextLong(0, 60_000);
      for (int i = 0; i < 12; i++) {
        Instant at = START.plusMillis(t);
        Instant done = at.plusMillis(10_000);
        rows.add(
            new Submission(
                "u" + u + "-" + i,
                at,
                "c",
                "t" + (i % 2 == 0 ? 0 : 0),
                List.of("u" + u),
                null,
                0,
                gradingMs,
                done,
                "failed",
                null,
                null,
                null));
        t += 10_000 + r.nextLong(5_000, 65_000);
      }
    }
    rows.sort((a, b) -> a.submittedAt().compareTo(b.submittedAt()));
    return rows;
  }

  private static List<SimEvent> replay(String close) {
    List<SimEvent> events = new ArrayList<>();
    // Half as fast as the recording: grading takes twice as long on too few slots.
    Scenarios.run(
        Scenarios.of(
            "admission = closed-loop\nagents = 1\ncores = 2\nclosed-loop.close = \""
                + close
                + "\"\n"),
        recorded(20_000),
        events::add);
    return events;
  }

  private static long count(List<SimEvent> events, Class<?> type) {
    return events.stream().filter(type::isInstance).count();
  }

  @Test
  void everySubmissionIsGradedOrNeverSentBecauseTheExamClosed() {
    List<SimEvent> events = replay("2024-01-15T08:20:00Z");

    long arrived = count(events, SimEvent.SubmissionArrived.class);
    long delivered = count(events, SimEvent.ResultDelivered.class);
    long neverSent = count(events, SimEvent.SubmissionNeverSent.class);
    long refused = count(events, SimEvent.SubmissionRefused.class);
    long retried = count(events, SimEvent.SubmissionRetried.class);
    assertThat(arrived).isEqualTo(240);
    assertThat(refused).isPositive();
    assertThat(retried).isPositive();
    assertThat(neverSent).isPositive();
    assertThat(delivered + neverSent).isEqualTo(arrived);
    assertThat(count(events, SimEvent.SubmissionRejected.class)).isZero();
  }

  @Test
  void aLateCloseGradesEverySubmissionLater() {
    List<SimEvent> events = replay("2024-01-16T08:00:00Z");

    assertThat(count(events, SimEvent.SubmissionNeverSent.class)).isZero();
    assertThat(count(events, SimEvent.ResultDelivered.class)).isEqualTo(240);
    assertThat(count(events, SimEvent.SubmissionRetried.class))
        .isEqualTo(count(events, SimEvent.SubmissionRefused.class))
        .isPositive();
  }

  @Test
  void theSameInputsGiveTheSameEvents() {
    assertThat(replay("2024-01-15T08:40:00Z")).isEqualTo(replay("2024-01-15T08:40:00Z"));
  }
}
