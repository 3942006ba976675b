package io.gradesim.simulator.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SubmissionTableTest {

  private static void lifecycle(SubmissionTable table, long t, int n) throws IOException {
    table.queued(t, n);
    table.dispatched(t, n, 0, 0);
    table.created(n);
    table.stage(t + 1, n, SubmissionTable.STARTED);
    table.graded(t + 2, n, "success");
    table.removed(t + 3, n);
    table.delivered(t + 4, n);
  }

  @Test
  void holdsOneRowWhenSubmissionsRunOneAfterAnother() throws IOException {
    SubmissionTable table = new SubmissionTable(new CsvSink(OutputStream.nullOutputStream()), 0);
    int mostAfterDelivery = 0;
    for (int n = 0; n < 1_000_000; n++) {
      long t = n * 10L;
      table.arrived(t, n, "s");
      lifecycle(table, t, n);
      mostAfterDelivery = Math.max(mostAfterDelivery, table.buffered());
    }
    assertThat(mostAfterDelivery).isZero();
    assertThat(table.peakBuffered()).isEqualTo(1);
    assertThat(table.stats().results()).containsEntry("success", 1_000_000L);
  }

  @Test
  void holdsNoMoreRowsThanTheSpanOfSubmissionsInFlight() throws IOException {
    // 64 submissions in flight at once, each delivered 64 arrivals after its own.
    int inFlight = 64;
    SubmissionTable table = new SubmissionTable(new CsvSink(OutputStream.nullOutputStream()), 0);
    int most = 0;
    for (int n = 0; n < 1_000_000 + inFlight - 1; n++) {
      if (n < 1_000_000) {
        table.arrived(n * 10L, n, "s");
      }
      int done = n - inFlight + 1;
      if (done >= 0) {
        lifecycle(table, n * 10L, done);
      }
      most = Math.max(most, table.buffered());
    }
    assertThat(most).isLessThanOrEqualTo(inFlight);
    assertThat(table.peakBuffered()).isEqualTo(inFlight);
    assertThat(table.buffered()).isZero();
  }

  @Test
  void writesRowsInArrivalOrderWhenCompletionsComeOutOfOrder() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CsvSink sink = new CsvSink(bytes);
    SubmissionTable table = new SubmissionTable(sink, 0);
    for (int n = 0; n < 3; n++) {
      table.arrived(n, n, "s" + n);
    }
    table.delivered(10, 2);
    table.delivered(11, 1);
    sink.flush();
    assertThat(bytes.size()).as("nothing written before n=0 ends").isZero();
    assertThat(table.buffered()).isEqualTo(3);

    table.delivered(12, 0);
    sink.flush();

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines().map(l -> l.split(",")[0]))
        .containsExactly("s0", "s1", "s2");
    assertThat(table.buffered()).isZero();
  }

  @Test
  void growsItsBufferAndKeepsRowsWhenManyAreInFlight() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CsvSink sink = new CsvSink(bytes);
    SubmissionTable table = new SubmissionTable(sink, 0);
    int count = 5000;
    for (int n = 0; n < count; n++) {
      table.arrived(n, n, "s" + n);
    }
    for (int n = count - 1; n >= 0; n--) {
      table.delivered(count + n, n);
    }
    sink.flush();

    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(count);
    for (int n = 0; n < count; n++) {
      assertThat(lines[n]).startsWith("s" + n + ",");
    }
  }

  @Test
  void keepsRowsAndIdsAcrossManyPagesAndRingWraps() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CsvSink sink = new CsvSink(bytes);
    SubmissionTable table = new SubmissionTable(sink, 0);
    int next = 0;
    // Waves of in-flight rows of growing size, each delivered newest first, with ids of varied
    // length and non-ASCII characters so the id ring wraps and grows.
    for (int wave : new int[] {3, 5000, 40_000, 7, 12_345}) {
      int first = next;
      for (int k = 0; k < wave; k++, next++) {
        table.arrived(next, next, "é" + "x".repeat(next % 17) + next);
        table.queued(next, next);
      }
      for (int n = next - 1; n >= first; n--) {
        lifecycle(table, next + n, n);
      }
      assertThat(table.buffered()).isZero();
    }
    sink.flush();

    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(next);
    for (int n = 0; n < next; n += 97) {
      assertThat(lines[n]).startsWith("é" + "x".repeat(n % 17) + n + ",").contains(",0,0,success,");
    }
  }

  @Test
  void aWaitingSubmissionCostsAboutThirtyBytesPlusItsId() throws IOException {
    SubmissionTable table = new SubmissionTable(new CsvSink(OutputStream.nullOutputStream()), 0);
    long empty = table.footprintBytes();
    int waiting = 200_000;
    for (int n = 0; n < waiting; n++) {
      table.arrived(n, n, String.format("s%06d", n)); // 7-byte ids
      table.queued(n, n);
    }
    double perRow = (table.footprintBytes() - empty) / (double) waiting;
    // 25 bytes of row, 7 of id, and at most one page and a ring's doubling of slack.
    assertThat(perRow).isBetween(32.0, 42.0);
  }

  @Test
  void refusesAnEventForASubmissionThatHasNotArrived() {
    SubmissionTable table = new SubmissionTable(new CsvSink(OutputStream.nullOutputStream()), 0);
    assertThatThrownBy(() -> table.queued(0, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("n=0");
  }

  @Test
  void writesUnfinishedSubmissionsAtTheEnd() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CsvSink sink = new CsvSink(bytes);
    SubmissionTable table = new SubmissionTable(sink, 0);
    table.arrived(0, 0, "waiting");
    table.queued(0, 0);

    table.finishAll();
    sink.flush();

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "waiting,1970-01-01T00:00:00.000000Z,1970-01-01T00:00:00.000000Z,"
                + ",,,,,,,unfinished,,\n");
    assertThat(table.stats().results()).containsEntry("unfinished", 1L);
  }
}
