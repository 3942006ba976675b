package io.gradesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradesim.simulator.costs.TestProfiles;
import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalTraceWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled scenario says what it answers, parses, and runs on a small synthetic trace. */
class BundledScenariosTest {
  @TempDir static Path dir;
  static Path trace;
  static Path profile;

  static Path folder() {
    return Path.of("").toAbsolutePath().getParent().resolve("simulator/scenarios");
  }

  static Stream<Path> scenarios() throws IOException {
    try (Stream<Path> s = Files.list(folder())) {
      return s.filter(p -> p.toString().endsWith(".conf")).sorted().toList().stream();
    }
  }

  @BeforeAll
  static void inputs() throws IOException {
    trace = dir.resolve("trace.csv");
    SplittableRandom rng = new SplittableRandom(11);
    String[] envs = {"docker/default", "docker/cpp", "docker/java", "mcq/mcq"};
    double t = 0;
    try (CanonicalTraceWriter w = new CanonicalTraceWriter(trace)) {
      for (int i = 0; i < 300; i++) {
        t += -2.0 * Math.log(1 - rng.nextDouble());
        w.write(
            new Submission(
                "s" + i,
                Instant.ofEpochSecond(1_700_000_000L).plusMillis((long) (t * 1000)),
                "c",
                "t" + (i % 5),
                List.of("u" + i),
                envs[i % 4],
                0,
                1000L + rng.nextInt(8000),
                null,
                null,
                null,
                null,
                null));
      }
      w.commit();
    }
    profile = TestProfiles.allRuntimes(dir.resolve("profile.json"));
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void aBundledScenarioRunsOnASyntheticTrace(Path scenario) throws IOException {
    assertThat(Files.readString(scenario))
        .as("first line of %s", scenario)
        .startsWith("# Question:");
    Path out = dir.resolve(scenario.getFileName().toString());
    SimulateCommandTest.Result r =
        SimulateCommandTest.run(
            "simulate",
            "--trace",
            trace.toString(),
            "--scenario",
            scenario.toString(),
            "--calibration",
            profile.toString(),
            "--out",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("submissions").asLong()).isEqualTo(300);
    assertThat(summary.get("delivered").asLong()).isEqualTo(300);
    assertThat(summary.get("calibration_hash").asText()).hasSize(64);
    if (!scenario.getFileName().toString().equals("mmc.conf")) {
      assertThat(summary.get("cost").asDouble()).as("cost").isPositive();
    }
  }
}
