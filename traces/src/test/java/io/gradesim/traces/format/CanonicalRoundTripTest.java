package io.gradesim.traces.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalTraceReader;
import io.gradesim.traces.canonical.CanonicalTraceWriter;
import io.gradesim.traces.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every real trace imports into a canonical CSV that the canonical reader reads back unchanged. */
class CanonicalRoundTripTest {

  @ParameterizedTest
  @CsvSource({
    "CLICS, swerc2022-domjudge/event-feed-filtered.ndjson, , 1322",
    "EJUDGE, openolymp2023-ejudge/day1_runs.csv, Europe/Moscow, 12120",
    "PROGSNAP2, csedm2019-itap/MainTable.csv, UTC, 2801"
  })
  void importedRowsSurviveTheCanonicalFile(TraceFormat format, String file, String zone, int rows)
      throws IOException {
    Path input = SharedData.require("traces-real/" + file);
    ImportOptions options =
        new ImportOptions(null, zone == null ? null : ZoneId.of(zone), null, false, null, Map.of());
    List<Submission> imported =
        ImportRun.of(format.importer(), input, options).rows().stream()
            .sorted(Comparator.comparing(Submission::submittedAt))
            .toList();
    Path out = Files.createTempFile("roundtrip", ".csv.gz");
    try {
      try (CanonicalTraceWriter writer = new CanonicalTraceWriter(out)) {
        for (Submission s : imported) {
          writer.write(s);
        }
        writer.commit();
      }
      List<Submission> back;
      try (Stream<Submission> s = CanonicalTraceReader.read(out, RejectSink.STRICT)) {
        back = s.toList();
      }
      assertThat(back).hasSize(rows).isEqualTo(imported);
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
