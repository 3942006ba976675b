package io.gradesim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gradesim.files.progress.ProgressBar;
import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEvent.AgentUp;
import io.gradesim.simulator.event.SimEvent.ContainerCreated;
import io.gradesim.simulator.event.SimEvent.ContainerRemoved;
import io.gradesim.simulator.event.SimEvent.GradingFinished;
import io.gradesim.simulator.event.SimEvent.ResultDelivered;
import io.gradesim.simulator.event.SimEvent.RunStarted;
import io.gradesim.simulator.event.SimEvent.SubmissionArrived;
import io.gradesim.simulator.event.SimEvent.SubmissionDispatched;
import io.gradesim.simulator.event.SimEvent.SubmissionQueued;
import io.gradesim.simulator.event.SimEvent.SubmissionRejected;
import io.gradesim.simulator.output.RunOutputWriter;
import io.gradesim.simulator.output.RunSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report over a run folded by the simulator's own {@link RunOutputWriter}: it reads the pool
 * from the summary and the distributions from the histogram logs, never submissions.csv.
 */
class SimulatedRunTest {
  private static final long EPOCH = 1_709_888_400_000_000L; // 2024-03-08T09:00:00Z
  private static final int SUBMISSIONS = 3_000;

  @TempDir Path tmp;
  Path dir;
  RunSummary summary;

  /**
   * One agent of two slots, first come first served; a submission every 0.9 s on average, graded in
   * 0.2 to 3.2 s, every 97th refused by admission. Seeded.
   */
  @BeforeEach
  void simulatedRun() throws IOException {
    dir = tmp.resolve("crun-1x2");
    List<SimEvent> events = new ArrayList<>();
    events.add(
        new RunStarted(
            0,
            "r",
            EPOCH,
            "exam.csv",
            "th",
            "crun-1x2.conf",
            "sh",
            "{\"agents\":1,\"slots\":2,\"runtime\":\"crun\",\"output\":{\"bucket-s\":60}}",
            "",
            "",
            9,
            "test"));
    events.add(new AgentUp(0, 0, 2, 2, 4096));
    SplittableRandom rnd = new SplittableRandom(11);
    long[] free = new long[2];
    long t = 0;
    for (int n = 0; n < SUBMISSIONS; n++) {
      t += rnd.nextLong(1, 1_800_000);
      events.add(new SubmissionArrived(t, n, "s" + n, "t1", "docker/default", 0));
      if (n % 97 == 96) {
        events.add(new SubmissionRejected(t, n, "one waiting"));
        continue;
      }
      events.add(new SubmissionQueued(t, n));
      int slot = free[0] <= free[1] ? 0 : 1;
      long start = Math.max(t, free[slot]);
      long graded = start + rnd.nextLong(200_000, 3_200_000);
      events.add(new SubmissionDispatched(start, n, 0, slot));
      events.add(new ContainerCreated(start, n));
      events.add(new GradingFinished(graded, n, "success"));
      events.add(new ContainerRemoved(graded + 50_000, n));
      events.add(new ResultDelivered(graded + 70_000, n));
      free[slot] = graded + 50_000;
    }
    events.sort(Comparator.comparingLong(SimEvent::t)); // stable: a lifecycle keeps its order
    try (RunOutputWriter w = new RunOutputWriter(dir)) {
      events.forEach(w::on);
      summary = w.finish();
    }
  }

  @Test
  void readsThePoolFromTheSummaryAndTheDistributionsFromTheLogs() throws IOException {
    // A report that re-parsed the submissions would fail on this file.
    Files.writeString(dir.resolve(RunOutputWriter.SUBMISSIONS), "not,a\n\"run");

    RunResult r = RunResult.read(dir, b -> {});

    assertThat(r.summary().agents()).isEqualTo(1);
    assertThat(r.summary().slotsPerAgent()).isEqualTo(2);
    assertThat(r.summary().runtime()).isEqualTo("crun");
    assertThat(r.feedback().delivered()).isEqualTo(summary.delivered());
    assertThat(r.feedback().withoutFeedback()).isEqualTo(summary.rejected()).isEqualTo(30);
    assertThat(r.feedback().feedbackAt(0.50)).isEqualTo(summary.feedbackP50S());
    assertThat(r.feedback().feedbackAt(0.95)).isEqualTo(summary.feedbackP95S());
    assertThat(r.feedback().feedbackAt(0.99)).isEqualTo(summary.feedbackP99S());
    assertThat(r.feedback().feedbackAt(1)).isEqualTo(summary.feedbackMaxS());
    assertThat(r.feedback().waitAt(0.95)).isEqualTo(summary.waitP95S()).isPositive();
  }

  @Test
  void theLogsGiveTheDistributionOfTheSubmissionsToTheMicrosecond() throws IOException {
    FeedbackDistribution logs = RunResult.read(dir, b -> {}).feedback();
    FeedbackDistribution rows =
        FeedbackDistribution.read(dir.resolve(RunOutputWriter.SUBMISSIONS), b -> {});

    assertSameCdf(logs, rows);
    for (double q : new double[] {0.25, 0.5, 0.9, 0.99, 1}) {
      assertThat(logs.waitAt(q)).as("wait at %s", q).isEqualTo(rows.waitAt(q));
    }
  }

  @Test
  void aRunWrittenBeforeTheLogsIsReadFromItsSubmissions() throws IOException {
    RunResult withLogs = RunResult.read(dir, b -> {});
    long logBytes = RunResult.bytesToRead(dir);
    Files.delete(dir.resolve(RunOutputWriter.WAIT_LOG));
    Files.delete(dir.resolve(RunOutputWriter.FEEDBACK_LOG));

    RunResult old = RunResult.read(dir, b -> {});

    assertSameCdf(withLogs.feedback(), old.feedback());
    assertThat(RunResult.bytesToRead(dir))
        .isEqualTo(Files.size(dir.resolve(RunOutputWriter.SUBMISSIONS)))
        .isGreaterThan(100 * logBytes);
  }

  /**
   * The same CDF but for its first point: the logs know the smallest value only to their precision
   * (the summary keeps the exact maximum, not the minimum).
   */
  private static void assertSameCdf(FeedbackDistribution logs, FeedbackDistribution rows) {
    double[] a = logs.feedbackCdf();
    double[] b = rows.feedbackCdf();
    assertThat(Arrays.copyOfRange(a, 1, a.length))
        .containsExactly(Arrays.copyOfRange(b, 1, b.length));
    assertThat(a[0]).isLessThanOrEqualTo(b[0]).isCloseTo(b[0], within(b[0] / 1000));
  }

  @Test
  void aDamagedLogIsNamed() throws IOException {
    Path log = dir.resolve(RunOutputWriter.FEEDBACK_LOG);
    Files.writeString(log, Files.readString(log).replace(",HIST", ",HIST!!"));

    assertThatThrownBy(() -> RunResult.read(dir, b -> {}))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(log + ": not a readable HdrHistogram log");
  }

  @Test
  void theTableShowsEveryColumnOfASimulatedRun() throws IOException {
    CompareReport report =
        CompareReport.read(
            List.of(dir),
            Optional.empty(),
            new Verdict(60),
            new ProgressBar(new PrintStream(new ByteArrayOutputStream()), "test", 1, false));

    String row = report.table().lines().skip(2).findFirst().orElseThrow();
    assertThat(row).startsWith("crun-1x2").contains("1 x 2").contains("crun").doesNotContain(" - ");
    assertThat(report.csv().lines().skip(1).findFirst().orElseThrow())
        .startsWith("crun-1x2,1,2,crun,measured,")
        .doesNotContain(",,");
  }
}
