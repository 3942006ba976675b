package io.gradesim.traces.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradesim.files.Sha256;
import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalTraceReader;
import io.gradesim.traces.canonical.CanonicalTraceWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceScalingTest {
  private static final Instant START = Instant.parse("2024-01-15T08:00:00Z");
  private static final int STUDENTS = 40;

  @TempDir Path tmp;
  private Path trace;

  /**
   * 40 students, each with a seeded session of 2..9 submissions; s0 and s1 also submit once as a
   * group, and one anonymous submission. Sessions bunch up towards the end (a deadline rush).
   */
  @BeforeEach
  void writeTrace() throws Exception {
    SplittableRandom r = new SplittableRandom(5);
    List<Submission> rows = new ArrayList<>();
    for (int u = 0; u < STUDENTS; u++) {
      long t = (long) (7200 * Math.sqrt(r.nextDouble()) * 0.8);
      int n = 2 + r.nextInt(8);
      for (int i = 0; i < n; i++) {
        rows.add(row("s" + u + "-" + i, t, List.of("s" + u)));
        t += 20 + r.nextInt(300);
      }
    }
    rows.add(row("g", 3000, List.of("s0", "s1")));
    rows.add(row("anon", 100, List.of()));
    rows.sort((a, b) -> a.submittedAt().compareTo(b.submittedAt()));
    trace = tmp.resolve("in.csv");
    try (CanonicalTraceWriter w = new CanonicalTraceWriter(trace)) {
      for (Submission s : rows) {
        w.write(s);
      }
      w.commit();
    }
  }

  private static Submission row(String id, long second, List<String> users) {
    Instant at = START.plusSeconds(second);
    return new Submission(
        id,
        at,
        "c",
        "t" + (id.length() % 3),
        users,
        null,
        0,
        2500L,
        at.plusSeconds(4),
        "success",
        20.0,
        60.0,
        1024L);
  }

  private static List<Submission> read(Path p) throws Exception {
    try (Stream<Submission> s = CanonicalTraceReader.read(p, RejectSink.STRICT)) {
      return s.toList();
    }
  }

  /** Each student's arrival times in order. */
  private static Map<String, List<Instant>> arrivals(List<Submission> rows) {
    Map<String, List<Instant>> out = new TreeMap<>();
    for (Submission s : rows) {
      for (String u : s.users()) {
        out.computeIfAbsent(u, k -> new ArrayList<>()).add(s.submittedAt());
      }
    }
    return out;
  }

  private static List<Duration> gaps(List<Instant> times) {
    List<Duration> g = new ArrayList<>();
    for (int i = 1; i < times.size(); i++) {
      g.add(Duration.between(times.get(i - 1), times.get(i)));
    }
    return g;
  }

  @Test
  void twiceTheLoadDoublesSubmissionsAndStudents() throws Exception {
    int n = read(trace).size();
    Path out = tmp.resolve("2x.csv");

    TraceScaling.Result r = TraceScaling.scaleLoad(trace, 2, 7, out);

    List<Submission> rows = read(out);
    assertThat(rows).hasSize(2 * n);
    assertThat(r.submissions()).isEqualTo(2L * n);
    assertThat(r.students()).isEqualTo(2 * STUDENTS);
    assertThat(rows.stream().map(Submission::id).distinct().count()).isEqualTo(2L * n);
    assertThat(arrivals(rows).keySet()).contains("s0", "s0~1", "s39~1").hasSize(2 * STUDENTS);
  }

  @Test
  void halfTheLoadKeepsASeededHalfOfWholeSessions() throws Exception {
    List<Submission> in = read(trace);
    Path out = tmp.resolve("half.csv");

    TraceScaling.Result r = TraceScaling.scaleLoad(trace, 0.5, 7, out);

    List<Submission> rows = read(out);
    // 40 sessions (s0 and s1 form one through their group work, plus the anonymous one): 20 kept.
    assertThat(r.submissions()).isEqualTo(rows.size()).isEqualTo(118);
    assertThat(Sessions.of(in)).hasSize(40);
    assertThat(Sessions.of(rows)).hasSize(20);
    assertThat((double) rows.size() / in.size()).isBetween(0.35, 0.65);
    Map<String, List<Instant>> before = arrivals(in);
    arrivals(rows).forEach((u, times) -> assertThat(times).isEqualTo(before.get(u)));
    assertThat(rows).allMatch(s -> in.contains(s));
  }

  @Test
  void aNonIntegerFactorClonesASeededFraction() throws Exception {
    Path out = tmp.resolve("1.5x.csv");

    TraceScaling.Result r = TraceScaling.scaleLoad(trace, 1.5, 3, out);

    List<Submission> rows = read(out);
    long clones = rows.stream().filter(s -> s.id().contains("~")).count();
    assertThat(Sessions.of(rows)).hasSize(60);
    assertThat(read(trace)).allMatch(rows::contains);
    assertThat(rows.size()).isEqualTo(read(trace).size() + (int) clones);
    // 40 sessions: round(0.5 * 40) = 20 of them cloned once.
    assertThat(
            rows.stream()
                .filter(s -> s.id().contains("~"))
                .map(s -> s.users().isEmpty() ? s.id() : s.users().get(0))
                .distinct()
                .count())
        .isBetween(19L, 21L);
    assertThat(r.submissions()).isEqualTo(rows.size());
  }

  @Test
  void aClonedSessionKeepsItsGapsAndStaysInsideTheTrace() throws Exception {
    List<Submission> in = read(trace);
    Path out = tmp.resolve("3x.csv");

    TraceScaling.scaleLoad(trace, 3, 11, out);

    List<Submission> rows = read(out);
    Map<String, List<Instant>> before = arrivals(in);
    Map<String, List<Instant>> after = arrivals(rows);
    int moved = 0;
    for (int u = 0; u < STUDENTS; u++) {
      for (String clone : List.of("s" + u + "~1", "s" + u + "~2")) {
        assertThat(gaps(after.get(clone))).isEqualTo(gaps(before.get("s" + u)));
        if (!after.get(clone).get(0).equals(before.get("s" + u).get(0))) {
          moved++;
        }
      }
    }
    assertThat(moved).isGreaterThan(60);
    assertThat(rows.get(0).submittedAt()).isAfterOrEqualTo(in.get(0).submittedAt());
    assertThat(rows.get(rows.size() - 1).submittedAt())
        .isBeforeOrEqualTo(in.get(in.size() - 1).submittedAt());
    for (Submission s : rows) {
      assertThat(Duration.between(s.submittedAt(), s.completedAt())).hasSeconds(4);
    }
  }

  @Test
  void aGroupIsClonedAsAGroupMovedWithItsMembers() throws Exception {
    Path out = tmp.resolve("2x.csv");

    TraceScaling.scaleLoad(trace, 2, 7, out);

    List<Submission> rows = read(out);
    Submission group = rows.stream().filter(s -> s.id().equals("g~1")).findFirst().orElseThrow();
    assertThat(group.users()).containsExactly("s0~1", "s1~1");
    Duration shift = Duration.between(START.plusSeconds(3000), group.submittedAt());
    Map<String, List<Instant>> before = arrivals(read(trace));
    Map<String, List<Instant>> after = arrivals(rows);
    for (String u : List.of("s0", "s1")) {
      assertThat(after.get(u + "~1"))
          .isEqualTo(before.get(u).stream().map(t -> t.plus(shift)).collect(Collectors.toList()));
    }
  }

  @Test
  void derivedNamesNeverCollideWithRecordedOnes() throws Exception {
    Path tricky = tmp.resolve("tricky.csv");
    try (CanonicalTraceWriter w = new CanonicalTraceWriter(tricky)) {
      w.write(row("a", 0, List.of("u")));
      w.write(row("a~1", 1, List.of("u~1")));
      w.commit();
    }
    Path out = tmp.resolve("out.csv");

    TraceScaling.scaleLoad(tricky, 2, 1, out);

    List<Submission> rows = read(out);
    assertThat(rows.stream().map(Submission::id).distinct()).hasSize(4);
    assertThat(arrivals(rows)).hasSize(4);
  }

  @Test
  void scalingToAStudentCountReachesIt() throws Exception {
    for (int n : List.of(10, 40, 100, 130)) {
      Path out = tmp.resolve(n + ".csv");

      TraceScaling.Result r = TraceScaling.scaleStudents(trace, n, 9, out);

      // Sessions are whole: the one two-student session may overshoot by one.
      assertThat(r.students()).isBetween(n, n + 1);
      assertThat(arrivals(read(out))).hasSize(r.students());
    }
  }

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws Exception {
    Path a = tmp.resolve("a.csv");
    Path b = tmp.resolve("b.csv");
    Path c = tmp.resolve("c.csv");

    TraceScaling.scaleLoad(trace, 2.5, 42, a);
    TraceScaling.scaleLoad(trace, 2.5, 42, b);
    TraceScaling.scaleLoad(trace, 2.5, 43, c);

    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
  }

  @Test
  void recordsItsProvenanceBesideTheTraceAndLeavesTheInputAlone() throws Exception {
    byte[] before = Files.readAllBytes(trace);
    var modified = Files.getLastModifiedTime(trace);
    Path out = tmp.resolve("out.csv.gz");

    TraceScaling.scaleLoad(trace, 4, 8, out);

    assertThat(Files.readAllBytes(trace)).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(trace)).isEqualTo(modified);
    JsonNode p = new ObjectMapper().readTree(tmp.resolve("out.csv.gz.provenance.json").toFile());
    assertThat(p.get("source_sha256").asText()).isEqualTo(Sha256.ofFile(trace));
    assertThat(p.get("load_factor").asDouble()).isEqualTo(4.0);
    assertThat(p.get("seed").asLong()).isEqualTo(8);
    assertThat(p.get("submissions").asLong()).isEqualTo(4L * read(trace).size());
    assertThat(read(out)).hasSize(4 * read(trace).size());
  }

  @Test
  void refusesToWriteOverItsInput() {
    assertThatThrownBy(() -> TraceScaling.scaleLoad(trace, 2, 1, trace))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("IN");
    assertThatThrownBy(() -> ScaleTarget.Load.parse("0x")).hasMessageStartingWith("--load:");
    assertThatThrownBy(() -> ScaleTarget.Load.parse("x")).hasMessageStartingWith("--load:");
  }
}
