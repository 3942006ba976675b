package io.gradesim.app.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradesim.app.system.GradesimSystem;
import io.gradesim.live.GradingPayload;
import io.gradesim.live.LivePool;
import io.gradesim.probes.image.ImageStore;
import io.gradesim.probes.runtime.Label;
import io.gradesim.probes.runtime.Runtime;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.pekko.actor.typed.ActorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short live validation on crun, end to end: 80 submissions over a few seconds on one agent of
 * two cores and two slots. Checks the pipeline and the refusal of a disturbed run, not accuracy
 * (the machine running the suite may be busy).
 */
class LiveValidationTest {
  private static final int SUBMISSIONS = 80;
  private static GradesimSystem actors;
  private static ActorSystem<Void> system;

  @BeforeAll
  static void startSystem() {
    // As the application does: one system, with every module's settings.
    actors = new GradesimSystem();
    system = actors.get();
  }

  @AfterAll
  static void stopSystem() {
    actors.close();
  }

  @Test
  void scoresALiveRunInTheSimulatorsFormat(@TempDir Path dir) throws Exception {
    requireCrun();
    Validation.Outcome o = validate(dir, 1.0, (d, total, queued) -> {});

    assertThat(o.disturbed()).isFalse();
    JsonNode v = new ObjectMapper().readTree(dir.resolve("out/validation.json").toFile());
    assertThat(v.get("status").asText()).isEqualTo("scored");
    assertThat(v.get("metrics")).hasSize(8);
    JsonNode p95 = v.get("metrics").get(4);
    assertThat(p95.get("metric").asText()).isEqualTo("feedback_p95_s");
    assertThat(p95.get("measured").asDouble()).isPositive();
    assertThat(p95.get("measured_low").asDouble())
        .isLessThanOrEqualTo(p95.get("measured_high").asDouble());
    assertThat(p95.get("relative_error").isNumber()).isTrue();
    JsonNode live = new ObjectMapper().readTree(dir.resolve("out/live/summary.json").toFile());
    assertThat(live.get("mode").asText()).isEqualTo("live");
    assertThat(live.get("submissions").asLong()).isEqualTo(SUBMISSIONS);
    List<String> rows = Files.readAllLines(dir.resolve("out/live/submissions.csv"));
    List<String> predicted =
        Files.readAllLines(dir.resolve("out/predicted/seed-1/submissions.csv"));
    assertThat(rows).hasSize(SUBMISSIONS + 1);
    assertThat(rows.get(0)).isEqualTo(predicted.get(0));
    assertThat(Files.readAllLines(dir.resolve("out/live/timeseries.csv")).get(0))
        .isEqualTo(Files.readAllLines(dir.resolve("out/predicted/seed-1/timeseries.csv")).get(0));
    assertThat(dir.resolve("out/validation.html")).content().contains("<svg", "feedback_p95_s");
    assertNothingLeft();

    // Scored again from its files, against a new prediction with the same inputs: the same scores.
    Validation.Inputs again =
        new Validation.Inputs(
            dir.resolve("trace.csv"),
            dir.resolve("pool.conf"),
            Runtime.CRUN,
            null,
            3,
            1.0,
            dir.resolve("again"));
    Validation.Outcome r =
        Validation.rescore(
            system, again, dir.resolve("out"), new PrintStream(OutputStream.nullOutputStream()));
    assertThat(r.disturbed()).isFalse();
    assertThat(r.metrics()).hasSameSizeAs(o.metrics());
    for (int i = 0; i < o.metrics().size(); i++) {
      MetricScore a = o.metrics().get(i);
      MetricScore b = r.metrics().get(i);
      assertThat(b.name()).isEqualTo(a.name());
      assertThat(b.predicted()).isEqualTo(a.predicted());
      if (!Double.isNaN(a.measured())) {
        assertThat(b.measured()).isCloseTo(a.measured(), within(1e-6));
      }
    }
    assertThat(dir.resolve("again/validation.json")).exists();
    Path other = dir.resolve("other.csv");
    Files.writeString(other, Files.readString(dir.resolve("trace.csv")).replace(",c,t,", ",c,u,"));
    Validation.Inputs wrong =
        new Validation.Inputs(
            other, dir.resolve("pool.conf"), Runtime.CRUN, null, 3, 1.0, dir.resolve("wrong"));
    assertThatThrownBy(
            () ->
                Validation.rescore(
                    system,
                    wrong,
                    dir.resolve("out"),
                    new PrintStream(OutputStream.nullOutputStream())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not the trace the live run");
  }

  @Test
  void refusesARunDisturbedByOtherLoad(@TempDir Path dir) throws Exception {
    requireCrun();
    Path burn = GradingPayload.in(ImageStore.standard()).binary();
    List<Long> burners = new ArrayList<>();
    try {
      Validation.Outcome o =
          validate(
              dir,
              0.3,
              (d, total, queued) -> {
                if (d == 10) {
                  // Two CPU burners outside this JVM's process tree: other work, not the run's.
                  for (int i = 0; i < 2; i++) {
                    burners.add(startBurner(burn));
                  }
                }
              });
      assertThat(burners).hasSize(2);
      assertThat(o.disturbed()).isTrue();
      assertThat(o.otherLoad()).isGreaterThan(0.3);
      assertThat(o.metrics()).isEmpty();
      JsonNode v = new ObjectMapper().readTree(dir.resolve("out/validation.json").toFile());
      assertThat(v.get("status").asText()).isEqualTo("disturbed");
      assertThat(v.get("other_load").get("mean").asDouble()).isGreaterThan(0.3);
      assertThat(v.get("metrics")).isEmpty();
    } finally {
      for (long pid : burners) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
    assertNothingLeft();
  }

  private static Validation.Outcome validate(Path dir, double maxOtherLoad, LivePool.Listener l)
      throws Exception {
    Path trace = dir.resolve("trace.csv");
    StringBuilder csv = new StringBuilder("id,submitted_at,course,task,grading_ms\n");
    SplittableRandom rng = new SplittableRandom(12);
    Instant t = Instant.parse("2024-03-08T09:00:00Z");
    for (int i = 0; i < SUBMISSIONS; i++) {
      t = t.plusMillis(20 + rng.nextInt(60));
      csv.append("s").append(i).append(',').append(t).append(",c,t,");
      csv.append(30 + rng.nextInt(40)).append('\n');
    }
    Files.writeString(trace, csv);
    Path scenario = dir.resolve("pool.conf");
    Files.writeString(scenario, "agents = 1\ncores = 2\nslots = 2\ncosts = none\n");
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    Validation.Outcome o =
        Validation.run(
            system,
            new Validation.Inputs(
                trace, scenario, Runtime.CRUN, null, 3, maxOtherLoad, dir.resolve("out")),
            new PrintStream(progress, true, StandardCharsets.UTF_8),
            l);
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .contains("live: " + SUBMISSIONS + " of " + SUBMISSIONS + " submissions dispatched");
    return o;
  }

  /** Starts {@code burn} reparented to init (the shell exits at once) and returns its pid. */
  private static long startBurner(Path burn) {
    try {
      Process sh =
          new ProcessBuilder(
                  "sh", "-c", "\"$0\" \"$1\" >/dev/null 2>&1 & echo $!", burn.toString(), "60000")
              .redirectErrorStream(true)
              .start();
      String pid = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      sh.waitFor();
      return Long.parseLong(pid);
    } catch (Exception e) {
      throw new IllegalStateException("could not start a CPU burner", e);
    }
  }

  private static void requireCrun() {
    String why = LivePool.unavailable(Runtime.CRUN);
    if (why != null) {
      why += " (run probes/host-setup.sh runtimes as root)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
  }

  private static void assertNothingLeft() throws Exception {
    String own = Label.own();
    Process list = new ProcessBuilder("crun", "list", "-q").start();
    String names = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    list.waitFor();
    assertThat(names).doesNotContain(own);
    try (var cg = Files.list(Path.of("/sys/fs/cgroup/cpuset"))) {
      assertThat(cg.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(own));
    }
    try (var tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(tmp.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(own));
    }
    assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(own);
  }
}
