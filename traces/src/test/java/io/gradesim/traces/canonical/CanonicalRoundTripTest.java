package io.gradesim.traces.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.TraceFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanonicalRoundTripTest {
  @TempDir Path tmp;

  @Test
  void quotedFieldsWithCommasQuotesAndLineBreaksSurviveARoundTrip() throws Exception {
    Submission tricky =
        new Submission(
            "a,\"b\"\nc",
            Instant.parse("2024-01-15T08:00:00Z"),
            " course ",
            "tâche\r\n",
            List.of("x", "y"),
            "docker/default",
            1,
            1500L,
            Instant.parse("2024-01-15T08:00:01.000000001Z"),
            "failed",
            1.5,
            60.0,
            512L);
    Path file = tmp.resolve("t.csv.gz");
    try (CanonicalTraceWriter w = new CanonicalTraceWriter(file)) {
      w.write(tricky);
      w.write(Submission.of("2", Instant.parse("2024-01-15T08:00:00.123456Z"), "c", "t"));
      w.commit();
    }

    try (Stream<Submission> rows = CanonicalTraceReader.read(file, RejectSink.STRICT)) {
      assertThat(rows.toList())
          .containsExactly(
              tricky, Submission.of("2", Instant.parse("2024-01-15T08:00:00.123456Z"), "c", "t"));
    }
  }

  @Test
  void writesInstantsExactlyAsInstantToString() {
    InstantText text = new InstantText();
    byte[] buf = new byte[64];
    for (String s :
        List.of(
            "1970-01-01T00:00:00Z",
            "2024-02-29T23:59:59.999Z",
            "1999-12-31T12:00:00.100200Z",
            "2100-03-01T00:00:00.000000007Z",
            "0001-01-01T00:00:00Z",
            "1969-12-31T23:59:59.5Z",
            "+10000-01-01T00:00:00Z")) {
      Instant t = Instant.parse(s);
      int n = text.format(t, buf, 0);
      String written = new String(buf, 0, n, StandardCharsets.US_ASCII);
      assertThat(written).isEqualTo(t.toString());
      Instant back = text.parse(buf, 0, n);
      assertThat(back == null ? Instant.parse(written) : back).isEqualTo(t);
    }
  }

  @Test
  void rejectsBadRowsWithTheirPhysicalLineAndField() throws Exception {
    Path file = tmp.resolve("bad.csv");
    Files.writeString(
        file,
        "id,submitted_at,course,task,grading_ms\n"
            + "1,2024-01-15T08:00:00Z,c,\"multi\nline\",5\n"
            + "2,2024-02-30T08:00:00Z,c,t,5\n"
            + "3,2024-01-15T08:00:01Z,c,t,-5\n"
            + "4,2024-01-15T08:00:02Z,c,t\n"
            + "5,2024-01-15T07:00:00Z,c,t,1\n"
            + "6,2024-01-15T08:00:03Z,c,t,7\n");
    List<TraceFormatException> rejected = new ArrayList<>();

    try (Stream<Submission> rows = CanonicalTraceReader.read(file, rejected::add)) {
      assertThat(rows.map(Submission::id).toList()).containsExactly("1", "6");
    }
    assertThat(rejected)
        .extracting(e -> e.line() + " " + e.field())
        .containsExactly("4 submitted_at", "5 grading_ms", "6 null", "7 submitted_at");
  }

  @Test
  void readAheadKeepsOrderAcrossBatchesAndStopsAStrictCallerAtTheFirstBadRow() throws Exception {
    Path file = tmp.resolve("many.csv");
    StringBuilder csv = new StringBuilder("id,submitted_at,course,task\n");
    for (int i = 0; i < 5000; i++) {
      csv.append(i)
          .append(',')
          .append(Instant.ofEpochSecond(1_700_000_000L + i))
          .append(i == 3000 ? ",,t\n" : ",c,t\n");
    }
    Files.writeString(file, csv);
    List<TraceFormatException> rejected = new ArrayList<>();

    try (Stream<Submission> rows = CanonicalTraceReader.read(file, rejected::add)) {
      List<String> ids = rows.map(Submission::id).toList();
      assertThat(ids).hasSize(4999).doesNotContain("3000");
      assertThat(ids.get(2999)).isEqualTo("2999");
      assertThat(ids.get(3000)).isEqualTo("3001");
    }
    assertThat(rejected).singleElement().extracting(TraceFormatException::line).isEqualTo(3002L);

    List<String> seen = new ArrayList<>();
    try (Stream<Submission> rows = CanonicalTraceReader.read(file, RejectSink.STRICT)) {
      assertThatThrownBy(() -> rows.forEach(s -> seen.add(s.id())))
          .isInstanceOf(TraceFormatException.class)
          .hasMessageContaining(":3002: course:");
    }
    assertThat(seen).hasSize(3000);
    try (Stream<Submission> rows = CanonicalTraceReader.read(file, RejectSink.STRICT)) {
      assertThat(rows.findFirst()).isPresent();
    }
  }
}
