package io.gradesim.traces.sort;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalTraceReader;
import io.gradesim.traces.canonical.CanonicalTraceWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalSorterTest {
  @TempDir Path tmp;

  @Test
  void mergedRunsAreSortedStableAndCleanedUp() throws Exception {
    SplittableRandom rng = new SplittableRandom(3);
    Path out = tmp.resolve("out.csv");
    try (ExternalSorter sorter = new ExternalSorter(tmp, 13);
        CanonicalTraceWriter w = new CanonicalTraceWriter(out)) {
      for (int i = 0; i < 500; i++) {
        // Few distinct instants, so many ties whose input order must survive.
        sorter.add(
            Submission.of(Integer.toString(i), Instant.ofEpochSecond(rng.nextInt(20)), "c", "t"));
      }
      sorter.writeTo(w);
      w.commit();
      assertThat(sorter.runs()).isEqualTo(39);
    }

    try (Stream<Submission> rows = CanonicalTraceReader.read(out, RejectSink.STRICT)) {
      List<Submission> all = rows.toList();
      assertThat(all).hasSize(500);
      for (int i = 1; i < all.size(); i++) {
        Submission a = all.get(i - 1);
        Submission b = all.get(i);
        assertThat(a.submittedAt()).isBeforeOrEqualTo(b.submittedAt());
        if (a.submittedAt().equals(b.submittedAt())) {
          assertThat(Integer.parseInt(a.id())).isLessThan(Integer.parseInt(b.id()));
        }
      }
    }
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).containsExactly(out);
    }
  }
}
