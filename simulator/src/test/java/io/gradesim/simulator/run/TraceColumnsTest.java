package io.gradesim.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.simulator.engine.SubmissionSource;
import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalTraceWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory trace gives back, run after run, exactly the rows it was given. */
class TraceColumnsTest {

  @Test
  void everyFieldPresentOrAbsentComesBackEqualInOrderForEachReader() {
    List<Submission> rows = rows(20_000, 5);
    TraceColumns columns = new TraceColumns();
    rows.forEach(columns::add);
    assertThat(columns.rows()).isEqualTo(rows.size());
    for (int reader = 0; reader < 2; reader++) {
      SubmissionSource source = columns.source();
      List<Submission> back = new ArrayList<>();
      for (Submission s = source.next(); s != null; s = source.next()) {
        back.add(s);
      }
      assertThat(back).isEqualTo(rows);
    }
  }

  @Test
  void aTraceKeptInMemoryOnlyWithinTheBudget(@TempDir Path tmp) throws Exception {
    Path trace = tmp.resolve("trace.csv");
    List<Submission> rows = rows(70_000, 9);
    try (CanonicalTraceWriter w = new CanonicalTraceWriter(trace)) {
      for (Submission s : rows) {
        w.write(s);
      }
      w.commit();
    }
    TraceScan kept = TraceScan.of(trace, 1L << 30);
    TraceScan dropped = TraceScan.of(trace, 100_000);
    assertThat(kept.inMemory()).isTrue();
    assertThat(dropped.inMemory()).isFalse();
    assertThat(kept.hash()).isEqualTo(dropped.hash());
    assertThat(kept.submissions()).isEqualTo(rows.size());
    assertThat(dropped.submissions()).isEqualTo(rows.size());
  }

  /** Seeded rows in arrival order; every optional field is sometimes absent. */
  private static List<Submission> rows(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Submission> rows = new ArrayList<>();
    long t = 1_700_000_000_000_000L; // microseconds, as the canonical CSV keeps them
    for (int i = 0; i < n; i++) {
      t += r.nextInt(5_000_000);
      Instant at = Instant.ofEpochSecond(t / 1_000_000, t % 1_000_000 * 1000);
      List<String> users =
          switch (r.nextInt(3)) {
            case 0 -> List.of();
            case 1 -> List.of("u" + r.nextInt(300));
            default -> List.of("u" + r.nextInt(300), "v" + r.nextInt(300));
          };
      boolean done = r.nextBoolean();
      rows.add(
          new Submission(
              "s-" + i + (r.nextInt(7) == 0 ? "-é" : ""),
              at,
              "course",
              "task" + r.nextInt(6),
              users,
              r.nextInt(4) == 0 ? "mcq/x" : "docker/default",
              r.nextInt(3) == 0 ? 1 : 0,
              r.nextBoolean() ? (long) r.nextInt(60_000) : null,
              done ? at.plusMillis(r.nextInt(90_000)) : null,
              done ? (r.nextBoolean() ? "success" : "failed") : null,
              r.nextInt(3) == 0 ? 30.0 : null,
              r.nextInt(3) == 0 ? 90.5 : null,
              r.nextInt(3) == 0 ? (long) 512 : null));
    }
    return rows;
  }
}
