package io.gradesim.traces.format.inginious;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.traces.Submission;
import io.gradesim.traces.TraceFormatException;
import io.gradesim.traces.format.ImportOptions;
import io.gradesim.traces.format.TraceFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The INGInious reader never fails with anything but a located rejection. */
class InginiousReaderPropertiesTest {
  private static final String DOC =
      "{\"_id\":{\"$oid\":\"65a4ed58eee7615ef3e79e4c\"},"
          + "\"courseid\":\"c\",\"taskid\":\"t\",\"username\":[\"a\",\"b\"],\"submitted_on\":"
          + "{\"$date\":{\"$numberLong\":\"1705311080523\"}},\"status\":\"done\",\"archive\":"
          + "{\"$oid\":\"65a4ed85eee7615ef3e79e4b\"},\"result\":\"failed\",\"grade\":45.5}";

  @Provide
  Arbitrary<String> exports() {
    Arbitrary<String> lines =
        Arbitraries.of(
            DOC + "\n",
            "[" + DOC + ",\n" + DOC + "]\n",
            DOC.replace("\"t\"", "7") + "\n",
            DOC.replace("{\"$numberLong\":", "[") + "\n",
            "  " + DOC + "\n",
            "null\n",
            "\n");
    return lines.list().ofMaxSize(5).map(l -> String.join("", l));
  }

  @Property(tries = 400)
  void randomOrTruncatedExportsOnlyEverGiveLocatedRejections(
      @ForAll("exports") String text,
      @ForAll @IntRange(min = 0, max = 2000) int cut,
      @ForAll("noise") String noise,
      @ForAll boolean forceZone)
      throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    String mangled =
        new String(bytes, 0, Math.min(cut, bytes.length), StandardCharsets.UTF_8) + noise;
    Path file = Files.createTempFile("export", ".json");
    try {
      Files.writeString(file, mangled);
      List<TraceFormatException> rejected = new ArrayList<>();
      ImportOptions options =
          new ImportOptions(null, forceZone ? ZoneOffset.UTC : null, null, false, null, Map.of());
      try (Stream<Submission> rows =
          TraceFormat.INGINIOUS.importer().read(file, options, rejected::add)) {
        rows.forEach(s -> assertThat(s.task()).isIn("t", "7"));
      }
      assertThat(rejected)
          .allSatisfy(
              e -> {
                assertThat(e.line()).isPositive();
                assertThat(e.getMessage()).startsWith(file + ":");
              });
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.strings().withChars("{}[]\",:\n $abc0123").ofMaxLength(30);
  }
}
