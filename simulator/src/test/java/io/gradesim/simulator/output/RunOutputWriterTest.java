package io.gradesim.simulator.output;

import static io.gradesim.simulator.output.RunEvents.us;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradesim.simulator.event.SimEvent.AgentUp;
import io.gradesim.simulator.event.SimEvent.ContainerCreated;
import io.gradesim.simulator.event.SimEvent.ContainerRemoved;
import io.gradesim.simulator.event.SimEvent.ContainerStarted;
import io.gradesim.simulator.event.SimEvent.GradingFinished;
import io.gradesim.simulator.event.SimEvent.ResultDelivered;
import io.gradesim.simulator.event.SimEvent.SubmissionArrived;
import io.gradesim.simulator.event.SimEvent.SubmissionDispatched;
import io.gradesim.simulator.event.SimEvent.SubmissionQueued;
import io.gradesim.simulator.event.SimEvent.SubmissionRejected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunOutputWriterTest {
  private static final String SCENARIO =
      "{\"output\":{\"bucket-s\":10},\"cost\":{\"core-hour\":0.5,\"agent-hour\":2},"
          + "\"grading-sources\":{\"t1\":\"trace\"}}";

  @TempDir Path dir;

  /** Two graded submissions on one slot, the second waits; a third is rejected. */
  static RunEvents threeSubmissions() {
    return RunEvents.run(SCENARIO)
        .add(new AgentUp(0, 0, 1, 2, 4096))
        .add(new SubmissionArrived(us(1), 0, "a", "t1", "docker/default", 0))
        .add(new SubmissionQueued(us(1), 0))
        .add(new SubmissionDispatched(us(1), 0, 0, 0))
        .add(new ContainerCreated(us(1.1), 0))
        .add(new ContainerStarted(us(1.2), 0))
        .add(new SubmissionArrived(us(2), 1, "b,\"1\"", "t1", "docker/default", 0))
        .add(new SubmissionQueued(us(2), 1))
        .add(new SubmissionArrived(us(3), 2, "c", "t1", "docker/default", 0))
        .add(new SubmissionRejected(us(3), 2, "one waiting"))
        .add(new GradingFinished(us(4.2), 0, "success"))
        .add(new ContainerRemoved(us(4.3), 0))
        .add(new SubmissionDispatched(us(4.3), 1, 0, 0))
        .add(new ContainerCreated(us(4.4), 1))
        .add(new ContainerStarted(us(4.5), 1))
        .add(new ResultDelivered(us(4.5), 0))
        .add(new GradingFinished(us(6.5), 1, "failed"))
        .add(new ContainerRemoved(us(6.6), 1))
        .add(new ResultDelivered(us(6.8), 1));
  }

  @Test
  void writesEveryColumnOfEachSubmissionInArrivalOrder() throws IOException {
    threeSubmissions().writeTo(dir);

    assertThat(Files.readAllLines(dir.resolve("submissions.csv")))
        .containsExactly(
            "id,arrival,queued,dispatched,started,graded,removed,delivered,agent,slot,result,"
                + "wait_s,feedback_s",
            "a,2024-03-08T09:00:01.000000Z,2024-03-08T09:00:01.000000Z,2024-03-08T09:00:01.000000Z,"
                + "2024-03-08T09:00:01.200000Z,2024-03-08T09:00:04.200000Z,"
                + "2024-03-08T09:00:04.300000Z,2024-03-08T09:00:04.500000Z,0,0,success,"
                + "0.000000,3.500000",
            "\"b,\"\"1\"\"\",2024-03-08T09:00:02.000000Z,2024-03-08T09:00:02.000000Z,"
                + "2024-03-08T09:00:04.300000Z,2024-03-08T09:00:04.500000Z,"
                + "2024-03-08T09:00:06.500000Z,2024-03-08T09:00:06.600000Z,"
                + "2024-03-08T09:00:06.800000Z,0,0,failed,2.300000,4.800000",
            "c,2024-03-08T09:00:03.000000Z,,,,,,,,,rejected,,");
  }

  @Test
  void summarisesWaitsFeedbackUtilisationAndCost() throws IOException {
    RunSummary s = threeSubmissions().writeTo(dir);

    assertThat(s.submissions()).isEqualTo(3);
    assertThat(s.events()).isEqualTo(20);
    assertThat(s.delivered()).isEqualTo(2);
    assertThat(s.rejected()).isEqualTo(1);
    assertThat(s.dispatched()).isEqualTo(2);
    assertThat(s.waitMeanS()).isCloseTo(1.15, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(s.waitMaxS()).isEqualTo(2.3);
    assertThat(s.pWaitPositive()).isEqualTo(0.5);
    assertThat(s.queueWaitMeanS()).isCloseTo(1.15, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(s.feedbackMeanS()).isCloseTo(4.15, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(s.feedbackP99S()).isCloseTo(4.8, org.assertj.core.data.Offset.offset(0.005));
    // busy 1.0..4.3 and 4.3..6.6 on one slot over a 6.8 s run
    assertThat(s.utilisation()).isCloseTo(5.6 / 6.8, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(s.peakQueue()).isEqualTo(1);
    // one agent of 2 cores for 6.8 s: 2 x 0.5 + 1 x 2 per hour
    assertThat(s.cost()).isCloseTo(6.8 / 3600 * 3, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(s.results())
        .containsExactly(
            java.util.Map.entry("failed", 1L),
            java.util.Map.entry("rejected", 1L),
            java.util.Map.entry("success", 1L));

    String json = Files.readString(dir.resolve("summary.json"));
    assertThat(json)
        .isEqualTo(s.toJson())
        .contains("\"wait_mean_s\" : 1.150000")
        .contains("\"utilisation\" : 0.823529")
        .contains("\"cost\" : 0.005667")
        .contains("\"grading_sources\" : {\n    \"t1\" : \"trace\"\n  }")
        .contains("\"scenario_hash\" : \"sh\"")
        .contains("\"epoch\" : \"2024-03-08T09:00:00.000000Z\"");
    for (SummaryKey key : SummaryKey.values()) {
      if (key.optional()) {
        // Closed-loop counts: left out of a run of another admission policy.
        assertThat(json).doesNotContain("\"" + key.key() + "\" : ");
      } else {
        assertThat(json).contains("\"" + key.key() + "\" : ");
      }
    }
  }

  @Test
  void writesOneBucketForARunShorterThanTheWidth() throws IOException {
    threeSubmissions().writeTo(dir);

    assertThat(Files.readAllLines(dir.resolve("timeseries.csv")))
        .containsExactly(
            "bucket_start,bucket_s,queue_mean,queue_max,busy_slots_mean,slots_up,agents_up,"
                + "arrivals,completions",
            "2024-03-08T09:00:00.000000Z,6.800000,0.338235,1,0.823529,1,1,3,2");
  }

  @Test
  void writesByteIdenticalFilesForTheSameEvents() throws IOException {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    threeSubmissions().writeTo(first);
    threeSubmissions().writeTo(second);

    assertThat(RunOutputWriter.FILES).contains("wait.hlog", "feedback.hlog");
    for (String name : RunOutputWriter.FILES) {
      assertThat(Files.readAllBytes(second.resolve(name)))
          .as(name)
          .isEqualTo(Files.readAllBytes(first.resolve(name)));
    }
  }

  @Test
  void writesHistogramLogsOfWaitAndFeedbackInMicrosecondsFromVirtualTime() throws IOException {
    RunSummary s = threeSubmissions().writeTo(dir);

    Histogram wait = onlyInterval(dir.resolve(RunOutputWriter.WAIT_LOG));
    Histogram feedback = onlyInterval(dir.resolve(RunOutputWriter.FEEDBACK_LOG));
    assertThat(wait.getTotalCount()).isEqualTo(s.dispatched()).isEqualTo(2);
    assertThat(feedback.getTotalCount()).isEqualTo(s.delivered()).isEqualTo(2);
    // 0 s and 2.3 s; 3.5 s and 4.8 s, in microseconds at three significant digits
    assertThat(wait.getMinValue()).isZero();
    assertThat(wait.valuesAreEquivalent(wait.getMaxValue(), 2_300_000)).isTrue();
    assertThat(feedback.valuesAreEquivalent(feedback.getMinValue(), 3_500_000)).isTrue();
    assertThat(Math.min(feedback.getValueAtPercentile(99), 4_800_000) / 1e6)
        .isEqualTo(s.feedbackP99S());
    String log = Files.readString(dir.resolve(RunOutputWriter.FEEDBACK_LOG));
    // The run's epoch (virtual time 0), not the wall clock, in UTC whatever the time zone.
    assertThat(log)
        .contains(
            "#[StartTime: 1709888400.000 (seconds since epoch), "
                + "2024-03-08T09:00:00.000000Z]\n",
            "#[BaseTime: 1709888400.000 (seconds since epoch)]\n")
        .containsPattern("\n0\\.000,6\\.800,4\\.80\\d,HIST");
  }

  @Test
  void writesEmptyLogsForARunWithoutSubmissions() throws IOException {
    RunEvents.run(SCENARIO).add(new AgentUp(us(1), 0, 1, 2, 4096)).writeTo(dir);

    assertThat(onlyInterval(dir.resolve(RunOutputWriter.WAIT_LOG)).getTotalCount()).isZero();
    assertThat(onlyInterval(dir.resolve(RunOutputWriter.FEEDBACK_LOG)).getTotalCount()).isZero();
  }

  @Test
  void summaryNamesThePoolTheScenarioStartsWith() throws IOException {
    RunSummary none = threeSubmissions().writeTo(dir.resolve("none"));
    RunEvents withPool = RunEvents.run("{\"agents\":3,\"slots\":4,\"runtime\":\"crun\"}");
    threeSubmissions().events.stream().skip(1).forEach(withPool::add);
    RunSummary pool = withPool.writeTo(dir.resolve("pool"));

    assertThat(none.pool()).isEqualTo(new RunSummary.Pool(null, null, null));
    assertThat(pool.pool()).isEqualTo(new RunSummary.Pool("crun", 3, 4));
    assertThat(Files.readString(dir.resolve("pool").resolve("summary.json")))
        .contains("\"runtime\" : \"crun\",\n  \"agents\" : 3,\n  \"slots_per_agent\" : 4,\n");
    assertThat(none.toJson()).contains("\"runtime\" : null,\n  \"agents\" : null,\n");
  }

  private static Histogram onlyInterval(Path log) throws IOException {
    try (HistogramLogReader r = new HistogramLogReader(log.toFile())) {
      Histogram h = (Histogram) r.nextIntervalHistogram();
      assertThat(h).as(log.toString()).isNotNull();
      assertThat(r.nextIntervalHistogram()).as("a second interval in " + log).isNull();
      return h;
    }
  }

  @Test
  void leavesNoFileWhenClosedWithoutFinish() throws IOException {
    try (RunOutputWriter w = new RunOutputWriter(dir)) {
      threeSubmissions().events.forEach(w::on);
    }

    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void removesAnEarlierRunsOutputsWhenOpened() throws IOException {
    threeSubmissions().writeTo(dir);

    new RunOutputWriter(dir).close();

    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void refusesEventsBeforeRunStarted() throws IOException {
    try (RunOutputWriter w = new RunOutputWriter(dir)) {
      assertThatThrownBy(() -> w.on(new SubmissionQueued(0, 0)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("RunStarted");
    }
  }

  @Test
  void refusesEventsOutOfTimeOrder() throws IOException {
    RunEvents run =
        RunEvents.run(SCENARIO)
            .add(new SubmissionArrived(us(2), 0, "a", "t1", "docker/default", 0));
    try (RunOutputWriter w = new RunOutputWriter(dir)) {
      run.events.forEach(w::on);
      assertThatThrownBy(() -> w.on(new SubmissionQueued(us(1), 0)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("t=1000000");
    }
  }
}
