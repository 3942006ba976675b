package io.gradesim.traces.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalTraceReader;
import io.gradesim.traces.testing.SharedData;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issue's "done when" for INGInious, on the bundled sample export. */
class InginiousSampleImportTest {
  @TempDir Path tmp;

  @Test
  void importsTheSampleExportAsTheIssueRequires() throws Exception {
    Path json = SharedData.require("samples/inginious-export/submissions.json");
    Path tasks = SharedData.require("samples/inginious-export/tasks");
    Path out = tmp.resolve("x.csv");

    TraceCli.Result r =
        TraceCli.trace(
            "import",
            "--format",
            "inginious",
            json.toString(),
            "--tasks",
            tasks.toString(),
            "-o",
            out.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("imported 1414, rejected 2");
    assertThat(r.err()).contains("submitted_on offset +01:00");
    List<String> rejects = Files.readAllLines(tmp.resolve("x.csv.rejects.csv"));
    assertThat(rejects).hasSize(3);
    assertThat(rejects.get(1)).startsWith("submissions.json,98,,").contains("malformed JSON");
    assertThat(rejects.get(2)).startsWith("submissions.json,607,submitted_on,").contains("missing");

    Map<String, JsonNode> source = wellFormedDocuments(json);
    assertThat(source).hasSize(1414);
    String csv = Files.readString(out);
    assertThat(csv).doesNotContain("student");
    try (Stream<Submission> rows = CanonicalTraceReader.read(out, RejectSink.STRICT)) {
      List<Submission> all = rows.toList();
      assertThat(all).hasSize(1414);
      for (Submission s : all) {
        JsonNode d = source.get(s.id());
        Instant local = Instant.parse(d.get("submitted_on").get("$date").asText());
        assertThat(s.submittedAt()).isEqualTo(local.minusSeconds(3600));
        JsonNode archive = d.get("archive");
        if (archive.isNull() || d.has("last_replay")) {
          assertThat(s.completedAt()).as(s.id()).isNull();
        } else {
          long second = Long.parseLong(archive.get("$oid").asText().substring(0, 8), 16);
          assertThat(s.completedAt()).as(s.id()).isEqualTo(Instant.ofEpochSecond(second));
        }
        assertThat(s.users())
            .hasSize(d.get("username").size())
            .allSatisfy(u -> assertThat(u).matches("u[0-9a-f]{24}"));
        assertThat(settings(s)).isEqualTo(expectedSettings(s.task()));
      }
      assertThat(all.stream().filter(s -> s.completedAt() != null).count())
          .isEqualTo(
              source.values().stream()
                  .filter(d -> !d.get("archive").isNull() && !d.has("last_replay"))
                  .count());
      assertThat(all.stream().filter(s -> "crash".equals(s.result())).count()).isEqualTo(25);
    }

    TraceCli.Result inspect = TraceCli.trace("inspect", out.toString());
    assertThat(inspect.exit()).as(inspect.err()).isZero();
    assertThat(inspect.out())
        .contains("submissions    1414")
        .contains("2024-01-15T08:31:20.523Z .. 2024-01-15T09:30:12.433Z")
        .contains("mcq/mcq")
        .contains("crash")
        .contains("grading-time estimate")
        .contains("LEPL1401-exam/sorting");
    String estimate = inspect.out().substring(inspect.out().indexOf("grading-time estimate"));
    assertThat(estimate.lines().filter(l -> l.startsWith("  LEPL1401-exam/"))).hasSize(5);
    assertThat(estimate).doesNotContain("quiz");
  }

  private static String settings(Submission s) {
    return s.environment() + " " + s.cpuLimitS() + " " + s.hardLimitS() + " " + s.memoryMb();
  }

  private static String expectedSettings(String task) {
    return switch (task) {
      case "hello" -> "docker/default 10.0 30.0 256";
      case "loops", "recursion" -> "docker/default 20.0 60.0 1024";
      case "sorting" -> "docker/cpp 30.0 90.0 512";
      case "bigdata" -> "docker/java 60.0 180.0 2048";
      case "quiz" -> "mcq/mcq null null null";
      default -> throw new AssertionError(task);
    };
  }

  private static Map<String, JsonNode> wellFormedDocuments(Path json) throws Exception {
    ObjectMapper m = new ObjectMapper();
    Map<String, JsonNode> docs = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        try {
          JsonNode d = m.readTree(line);
          if (d.has("submitted_on")) {
            docs.put(d.get("_id").get("$oid").asText(), d);
          }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          // the truncated document on line 98
        }
      }
    }
    return docs;
  }
}
