package io.gradesim.traces.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCommandTest {
  @TempDir Path tmp;

  private static String doc(int n, String local) {
    return String.format(
        "{\"_id\":{\"$oid\":\"%08x%016x\"},\"courseid\":\"c\",\"taskid\":\"t\","
            + "\"username\":[\"u%d\"],\"submitted_on\":{\"$date\":\"%s\"},\"status\":\"done\","
            + "\"result\":\"success\"}",
        1_705_307_480L + n, n, n, local);
  }

  private Path export(String... lines) throws Exception {
    Path file = tmp.resolve("submissions.json");
    Files.write(file, List.of(lines));
    return file;
  }

  @Test
  void sameSeedGivesAByteIdenticalFile() throws Exception {
    for (String kind : List.of("poisson", "exam")) {
      String[] extra =
          kind.equals("poisson")
              ? new String[] {"--rate", "3", "--count", "2000"}
              : new String[] {"--students", "30", "--duration", "1h", "--tasks", "4"};
      for (String name : List.of("a.csv", "b.csv")) {
        String[] args =
            Stream.concat(
                    Stream.of(
                        "synth",
                        kind,
                        "--grading",
                        "lognormal:median=3s,sigma=0.5",
                        "--seed",
                        "11",
                        "-o",
                        tmp.resolve(kind + name).toString()),
                    Stream.of(extra))
                .toArray(String[]::new);
        assertThat(TraceCli.trace(args).exit()).isZero();
      }
      assertThat(Files.readAllBytes(tmp.resolve(kind + "a.csv")))
          .isEqualTo(Files.readAllBytes(tmp.resolve(kind + "b.csv")));
    }
  }

  @Test
  void strictImportFailsWithExitTwoAndLeavesNoOutput() throws Exception {
    Path in = export(doc(0, "2024-01-15T09:31:20Z"), "{\"_id\":", doc(2, "2024-01-15T09:31:22Z"));
    Path out = tmp.resolve("out.csv");

    TraceCli.Result r =
        TraceCli.trace(
            "import", "--format", "inginious", in.toString(), "--strict", "-o", out.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("submissions.json:2:");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("submissions.json");
    }
  }

  @Test
  void importSortsUnsortedInputThroughSpilledRuns() throws Exception {
    String[] lines = new String[50];
    for (int i = 0; i < 50; i++) {
      int k = (i * 37) % 50; // a permutation of 0..49
      lines[i] = doc(k, String.format("2024-01-15T09:31:%02dZ", k));
    }
    Path out = tmp.resolve("sorted.csv");

    TraceCli.Result r =
        TraceCli.trace(
            "import",
            "--format",
            "inginious",
            export(lines).toString(),
            "--tz",
            "+01:00",
            "--sort-chunk",
            "7",
            "-o",
            out.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("imported 50, rejected 0");
    List<String> rows = Files.readAllLines(out);
    assertThat(rows).hasSize(51);
    assertThat(rows.subList(1, 51)).extracting(l -> l.split(",")[1]).isSorted();
    assertThat(rows.get(1)).contains("2024-01-15T08:31:00Z");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("submissions.json", "sorted.csv");
    }
  }

  @Test
  void inspectJsonIsDeterministicAndCountsArrivals() throws Exception {
    Path trace = tmp.resolve("p.csv");
    TraceCli.trace(
        "synth",
        "poisson",
        "--rate",
        "2",
        "--count",
        "600",
        "--tasks",
        "3",
        "--grading",
        "exp:mean=4s",
        "--seed",
        "5",
        "-o",
        trace.toString());

    TraceCli.Result a = TraceCli.trace("inspect", trace.toString(), "--json");
    TraceCli.Result b = TraceCli.trace("inspect", trace.toString(), "--json");

    assertThat(a.exit()).isZero();
    assertThat(a.out()).isEqualTo(b.out());
    var json = new ObjectMapper().readTree(a.out());
    assertThat(json.get("submissions").asLong()).isEqualTo(600);
    assertThat(json.get("tasks").size()).isEqualTo(3);
    assertThat(json.get("grading_ms").get("count").asLong()).isEqualTo(600);
    assertThat(json.get("arrivals_per_minute").get("mean").asDouble()).isBetween(100.0, 140.0);
    assertThat(json.fieldNames()).toIterable().startsWith("submissions", "rejected", "first");

    // Without calibration (this module alone), a recorded runtime cannot be resolved.
    TraceCli.Result r =
        TraceCli.trace("inspect", trace.toString(), "--recorded-runtime", "docker-runc");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--recorded-runtime needs calibration profiles");
  }

  @Test
  void unknownFormatIsAUsageError() {
    TraceCli.Result r = TraceCli.trace("import", "--format", "nope", "x.json", "-o", "y.csv");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unknown trace format 'nope'").contains("inginious");
  }
}
