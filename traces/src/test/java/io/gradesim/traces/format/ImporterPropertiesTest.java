package io.gradesim.traces.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.TraceFormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Feeds every reader random, truncated, mutated and shuffled input: nothing escapes but located
 * rejections ({@link TraceFormatException}) and whole-file {@link IllegalArgumentException}s naming
 * the file, and {@code --strict} fails exactly when the lenient import rejected something.
 */
class ImporterPropertiesTest {
  private static final ImportOptions UTC =
      new ImportOptions(null, ZoneOffset.UTC, "seed", false, null, Map.of());
  private static Path dir;

  @BeforeContainer
  static void createFolder() throws IOException {
    dir = Files.createTempDirectory("importer-properties");
  }

  @AfterContainer
  static void deleteFolder() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Property(tries = 100, seed = "11")
  void randomTextIsRejectedClearly(
      @ForAll("formats") TraceFormat format, @ForAll("noise") String text) throws IOException {
    importsCleanly(format, write(format, text.getBytes(StandardCharsets.UTF_8)), UTC);
  }

  @Property(tries = 100, seed = "12")
  void truncatedInputIsRejectedClearly(
      @ForAll("formats") TraceFormat format,
      @ForAll @IntRange(max = 1000) int permille,
      @ForAll boolean gzip)
      throws IOException {
    byte[] whole = gzip ? gzip(Samples.of(format)) : Samples.of(format);
    byte[] cut = Arrays.copyOf(whole, whole.length * permille / 1000);
    importsCleanly(format, write(format, cut), UTC);
  }

  @Property(tries = 150, seed = "13")
  void mutatedInputIsRejectedClearly(
      @ForAll("formats") TraceFormat format,
      @ForAll @Size(max = 8) List<@IntRange(max = 100_000) Integer> positions,
      @ForAll("structural") String replacement)
      throws IOException {
    byte[] bytes = Samples.of(format);
    byte[] with = replacement.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < positions.size() && with.length > 0; i++) {
      bytes[positions.get(i) % bytes.length] = with[i % with.length];
    }
    importsCleanly(format, write(format, bytes), UTC);
  }

  @Property(tries = 100, seed = "14")
  void shuffledLinesAreRejectedClearly(
      @ForAll("formats") TraceFormat format,
      @ForAll @Size(max = 30) List<@IntRange(max = 1000) Integer> picks,
      @ForAll boolean zone)
      throws IOException {
    String[] lines = new String(Samples.of(format), StandardCharsets.UTF_8).split("\n");
    StringBuilder sb = new StringBuilder();
    for (int pick : picks) {
      sb.append(lines[pick % lines.length]).append('\n');
    }
    importsCleanly(
        format,
        write(format, sb.toString().getBytes(StandardCharsets.UTF_8)),
        zone ? UTC : ImportOptions.defaults());
  }

  @Property(tries = 100, seed = "15")
  void aBrokenEjudgeContestFileFailsClearly(@ForAll("structural") String json) throws IOException {
    Path runs = write(TraceFormat.EJUDGE, Samples.of(TraceFormat.EJUDGE));
    Files.writeString(dir.resolve("contest.json"), json);
    importsCleanly(TraceFormat.EJUDGE, runs, ImportOptions.defaults());
  }

  @Example
  void everySampleImportsWithoutRejection() throws IOException {
    Map<TraceFormat, Integer> expected =
        Map.of(
            TraceFormat.CLICS,
            2,
            TraceFormat.EJUDGE,
            3,
            TraceFormat.PROGSNAP2,
            2,
            TraceFormat.CSV,
            3);
    for (TraceFormat format : formats().allValues().orElseThrow().toList()) {
      List<Submission> rows;
      try (Stream<Submission> s =
          format.importer().read(write(format, Samples.of(format)), UTC, RejectSink.STRICT)) {
        rows = s.toList();
      }
      assertThat(rows).as(format.key()).hasSize(expected.get(format));
    }
  }

  @Provide
  Arbitrary<TraceFormat> formats() {
    return Arbitraries.of(
        TraceFormat.CLICS, TraceFormat.EJUDGE, TraceFormat.PROGSNAP2, TraceFormat.CSV);
  }

  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(400), structural());
  }

  @Provide
  Arbitrary<String> structural() {
    return Arbitraries.strings().withChars("{}[]\":,;\n\r \\-+.:TZ019eEnul_aA").ofMaxLength(300);
  }

  /** Imports leniently and strictly; fails on anything but the clear errors allowed. */
  private static void importsCleanly(TraceFormat format, Path input, ImportOptions options)
      throws IOException {
    List<TraceFormatException> rejects = new ArrayList<>();
    IllegalArgumentException wholeFile = null;
    TraceImporter importer = format.importer();
    try (Stream<Submission> rows = importer.read(input, options, rejects::add)) {
      rows.forEach(s -> assertThat(s.submittedAt()).isNotNull());
    } catch (IllegalArgumentException e) {
      wholeFile = e;
    }
    assertThat(importer.notes()).doesNotContainNull();
    for (TraceFormatException r : rejects) {
      assertThat(r.file().getParent()).isEqualTo(dir);
      assertThat(r.line()).isPositive();
      assertThat(r.reason()).isNotBlank();
    }
    if (wholeFile != null) {
      assertThat(wholeFile.getMessage()).contains(dir.toString());
    }
    try (Stream<Submission> rows = format.importer().read(input, options, RejectSink.STRICT)) {
      rows.forEach(s -> {});
      assertThat(rejects).as("strict import passed although rows were rejected").isEmpty();
      assertThat(wholeFile).isNull();
    } catch (IllegalArgumentException e) {
      String expected = rejects.isEmpty() ? wholeFile.getMessage() : rejects.get(0).getMessage();
      assertThat(e.getMessage()).isEqualTo(expected);
    }
  }

  private static Path write(TraceFormat format, byte[] bytes) throws IOException {
    if (format == TraceFormat.EJUDGE) {
      Files.writeString(dir.resolve("contest.json"), Samples.EJUDGE_CONTEST);
    }
    return Files.write(dir.resolve(Samples.fileName(format)), bytes);
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
