package io.gradesim.traces.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.traces.Submission;
import io.gradesim.traces.TraceFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The canonical reader never fails with anything but a located rejection. */
class CanonicalReaderPropertiesTest {

  @Provide
  Arbitrary<Submission> submissions() {
    Arbitrary<String> text =
        Arbitraries.strings().withChars("ab,\"\n\r é;").ofMinLength(1).ofMaxLength(8);
    Arbitrary<Instant> instants =
        Arbitraries.longs().between(0, 4_000_000_000_000L).map(Instant::ofEpochMilli);
    return Combinators.combine(
            text,
            instants,
            text,
            text,
            Arbitraries.longs().between(0, 100_000).injectNull(0.3),
            Arbitraries.of("success", "failed").injectNull(0.3),
            Arbitraries.doubles().between(0, 1000).ofScale(3).injectNull(0.3))
        .as(
            (id, at, course, task, grading, result, limit) ->
                new Submission(
                    id, at, course, task, List.of(), null, 0, grading, null, result, limit, null,
                    null));
  }

  @Provide
  Arbitrary<List<Submission>> traces() {
    return submissions().list().ofMaxSize(20);
  }

  @Property(tries = 100)
  void writtenRowsReadBackEqual(@ForAll("traces") List<Submission> rows) throws Exception {
    List<Submission> sorted =
        rows.stream().sorted((a, b) -> a.submittedAt().compareTo(b.submittedAt())).toList();
    Path file = Files.createTempFile("prop", ".csv");
    try {
      try (CanonicalTraceWriter w = new CanonicalTraceWriter(file)) {
        for (Submission s : sorted) {
          w.write(s);
        }
        w.commit();
      }
      try (Stream<Submission> back =
          CanonicalTraceReader.read(
              file,
              e -> {
                throw new AssertionError(e);
              })) {
        assertThat(back.toList()).isEqualTo(sorted);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Property(tries = 300)
  void randomOrTruncatedInputOnlyEverGivesLocatedRejections(
      @ForAll("traces") List<Submission> rows,
      @ForAll @IntRange(min = 0, max = 2000) int cut,
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 255) Integer> noise)
      throws Exception {
    Path file = Files.createTempFile("prop", ".csv");
    try {
      try (CanonicalTraceWriter w = new CanonicalTraceWriter(file)) {
        for (Submission s : rows) {
          w.write(s);
        }
        w.commit();
      }
      byte[] bytes = Files.readAllBytes(file);
      int keep = Math.min(bytes.length, cut);
      byte[] mangled = new byte[keep + noise.size()];
      System.arraycopy(bytes, 0, mangled, 0, keep);
      for (int i = 0; i < noise.size(); i++) {
        mangled[keep + i] = (byte) (int) noise.get(i);
      }
      Files.write(file, mangled);
      List<TraceFormatException> rejected = new ArrayList<>();
      try (Stream<Submission> back = CanonicalTraceReader.read(file, rejected::add)) {
        back.forEach(s -> assertThat(s.id()).isNotEmpty());
      } catch (TraceFormatException e) {
        // a header that is missing or broken fails at once, located at line 1
        assertThat(e.line()).isEqualTo(1);
      }
      assertThat(rejected)
          .allSatisfy(
              e -> {
                assertThat(e.line()).isPositive();
                assertThat(e.getMessage()).startsWith(file.toString() + ":");
              });
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
