package io.gradesim.simulator.output;

import static io.gradesim.simulator.output.RunEvents.us;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.gradesim.simulator.event.SimEvent.AgentDown;
import io.gradesim.simulator.event.SimEvent.AgentLost;
import io.gradesim.simulator.event.SimEvent.AgentUp;
import io.gradesim.simulator.event.SimEvent.ContainerCreated;
import io.gradesim.simulator.event.SimEvent.ContainerRemoved;
import io.gradesim.simulator.event.SimEvent.GradingFinished;
import io.gradesim.simulator.event.SimEvent.ResultDelivered;
import io.gradesim.simulator.event.SimEvent.SubmissionArrived;
import io.gradesim.simulator.event.SimEvent.SubmissionDispatched;
import io.gradesim.simulator.event.SimEvent.SubmissionQueued;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeseriesTest {
  @TempDir Path dir;

  /** One slot; b waits from 0.5 s to 2.5 s, across two bucket boundaries of 1 s. */
  static RunEvents waitAcrossBuckets() {
    return RunEvents.run("{\"output\":{\"bucket-s\":1}}")
        .add(new AgentUp(0, 0, 1, 1, 1024))
        .add(new SubmissionArrived(0, 0, "a", "t", "docker/default", 0))
        .add(new SubmissionQueued(0, 0))
        .add(new SubmissionDispatched(0, 0, 0, 0))
        .add(new SubmissionArrived(us(0.5), 1, "b", "t", "docker/default", 0))
        .add(new SubmissionQueued(us(0.5), 1))
        .add(new ContainerRemoved(us(2.5), 0))
        .add(new ResultDelivered(us(2.5), 0))
        .add(new SubmissionDispatched(us(2.5), 1, 0, 0))
        .add(new ContainerRemoved(us(3), 1))
        .add(new ResultDelivered(us(3), 1));
  }

  @Test
  void averagesQueueAndBusySlotsOverTimeWithinEachBucket() throws IOException {
    waitAcrossBuckets().writeTo(dir);

    assertThat(Files.readAllLines(dir.resolve("timeseries.csv")))
        .containsExactly(
            "bucket_start,bucket_s,queue_mean,queue_max,busy_slots_mean,slots_up,agents_up,"
                + "arrivals,completions",
            "2024-03-08T09:00:00.000000Z,1.000000,0.500000,1,1.000000,1,1,2,0",
            "2024-03-08T09:00:01.000000Z,1.000000,1.000000,1,1.000000,1,1,0,0",
            "2024-03-08T09:00:02.000000Z,1.000000,0.500000,1,1.000000,1,1,0,1",
            "2024-03-08T09:00:03.000000Z,0.000000,0.000000,0,0.000000,1,1,0,1");
  }

  @Test
  void timeseriesHoldsLittlesLaw() throws IOException {
    RunSummary s = waitAcrossBuckets().writeTo(dir);

    List<String> rows = Files.readAllLines(dir.resolve("timeseries.csv"));
    double area = 0;
    double span = 0;
    long arrivals = 0;
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",");
      area += Double.parseDouble(f[1]) * Double.parseDouble(f[2]);
      span += Double.parseDouble(f[1]);
      arrivals += Long.parseLong(f[7]);
    }
    double meanQueue = area / span;
    // L = lambda W: 2 arrivals in 3 s, waits 0 and 2 s
    assertThat(meanQueue).isCloseTo(arrivals / span * s.waitMeanS(), offset(1e-9));
    assertThat(meanQueue).isCloseTo(arrivals / span * s.queueWaitMeanS(), offset(1e-9));
    assertThat(s.queueMean()).isCloseTo(meanQueue, offset(1e-9));
  }

  @Test
  void countsSlotsAndCostOnlyWhileAgentsAreUp() throws IOException {
    RunSummary s =
        RunEvents.run(
                "{\"output\":{\"bucket-s\":1800},\"cost\":{\"core-hour\":0.1,\"agent-hour\":1}}")
            .add(new AgentUp(0, 0, 2, 4, 8192))
            .add(new AgentUp(0, 1, 2, 4, 8192))
            .add(new SubmissionArrived(0, 0, "a", "t", "docker/default", 0))
            .add(new SubmissionQueued(0, 0))
            .add(new SubmissionDispatched(0, 0, 0, 0))
            .add(new AgentDown(us(1800), 1))
            .add(new ContainerRemoved(us(3600), 0))
            .add(new ResultDelivered(us(3600), 0))
            .writeTo(dir);

    // slot-time 2 x 3600 + 2 x 1800, busy 1 x 3600
    assertThat(s.utilisation()).isCloseTo(1.0 / 3, offset(1e-12));
    assertThat(s.agentHours()).isCloseTo(1.5, offset(1e-12));
    assertThat(s.coreHours()).isCloseTo(6, offset(1e-12));
    assertThat(s.cost()).isCloseTo(6 * 0.1 + 1.5 * 1, offset(1e-12));
    assertThat(Files.readAllLines(dir.resolve("timeseries.csv")).subList(1, 4))
        .containsExactly(
            "2024-03-08T09:00:00.000000Z,1800.000000,0.000000,0,1.000000,4,2,1,0",
            "2024-03-08T09:30:00.000000Z,1800.000000,0.000000,0,1.000000,2,1,0,0",
            "2024-03-08T10:00:00.000000Z,0.000000,0.000000,0,0.000000,2,1,0,1");
  }

  @Test
  void endsJobsOfALostAgentAsCrashAndFreesTheirSlots() throws IOException {
    RunSummary s =
        RunEvents.run("{}")
            .add(new AgentUp(0, 0, 1, 1, 1024))
            .add(new AgentUp(0, 1, 1, 1, 1024))
            .add(new SubmissionArrived(0, 0, "lost", "t", "docker/default", 0))
            .add(new SubmissionQueued(0, 0))
            .add(new SubmissionDispatched(0, 0, 1, 0))
            .add(new ContainerCreated(us(0.1), 0))
            .add(new SubmissionArrived(us(1), 1, "kept", "t", "docker/default", 0))
            .add(new SubmissionQueued(us(1), 1))
            .add(new SubmissionDispatched(us(1), 1, 0, 0))
            .add(new AgentLost(us(2), 1))
            .add(new ResultDelivered(us(2.5), 0))
            .add(new GradingFinished(us(4), 1, "success"))
            .add(new ContainerRemoved(us(4), 1))
            .add(new ResultDelivered(us(4), 1))
            .writeTo(dir);

    assertThat(Files.readAllLines(dir.resolve("submissions.csv")).get(1))
        .isEqualTo(
            "lost,2024-03-08T09:00:00.000000Z,2024-03-08T09:00:00.000000Z,"
                + "2024-03-08T09:00:00.000000Z,,,,2024-03-08T09:00:02.500000Z,1,0,crash,"
                + "0.000000,2.500000");
    // busy: agent 1 for 2 s, agent 0 for 3 s; slots: 2 for 2 s, then 1 for 2 s
    assertThat(s.utilisation()).isCloseTo(5.0 / 6, offset(1e-12));
    assertThat(s.results()).containsEntry("crash", 1L).containsEntry("success", 1L);
  }

  @Test
  void writesAJobOfALostAgentThatIsNeverDeliveredAfterTheGrace() throws IOException {
    long late = us(2) + SubmissionTable.LOST_GRACE_MICROS + 1;
    RunOutputWriter w = new RunOutputWriter(dir);
    RunEvents.run("{}")
        .add(new AgentUp(0, 0, 1, 1, 1024))
        .add(new SubmissionArrived(0, 0, "lost", "t", "docker/default", 0))
        .add(new SubmissionDispatched(0, 0, 0, 0))
        .add(new AgentLost(us(2), 0))
        .add(new SubmissionArrived(late, 1, "later", "t", "docker/default", 0))
        .events
        .forEach(w::on);

    assertThat(w.bufferedRows()).isEqualTo(1);
    w.close();
  }
}
