package io.gradesim.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradesim.probes.jfr.Stage;
import io.gradesim.simulator.model.AdmissionPolicy;
import io.gradesim.traces.synth.DurationDistribution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
  @TempDir Path dir;

  @Test
  void theSmallestScenarioMeansExactlyItsKeys() {
    ScenarioSettings s =
        ScenarioLoader.parse(
            "agents = 1\nslots = 8\ncores = 8\n"
                + "memory-mb = 16384\ncosts = none\nadmission = off\n",
            "small.conf",
            List.of());
    assertThat(s.agents()).isEqualTo(1);
    assertThat(s.slots()).isEqualTo(8);
    assertThat(s.memoryMb()).isEqualTo(16384);
    assertThat(s.costs().kind()).isEqualTo(ScenarioSettings.CostKind.NONE);
    assertThat(s.admission()).isEqualTo(AdmissionPolicy.OFF);
  }

  @Test
  void slotsDefaultToOnePerCoreAndCostsTakeDurationsOrDistributions() {
    ScenarioSettings s =
        ScenarioLoader.parse(
            "cores = 6\ncosts { create = 20ms," + " start = \"lognormal:median=150ms,sigma=0.3\" }",
            "x.conf",
            List.of());
    assertThat(s.slots()).isEqualTo(6);
    assertThat(s.costs().stages())
        .containsEntry(Stage.CREATE, new DurationDistribution.Constant(20_000));
    assertThat(s.costs().stages().get(Stage.START))
        .isInstanceOf(DurationDistribution.LogNormal.class);
  }

  @Test
  void overridesWinAndAcceptDistributionsUnquoted() {
    ScenarioSettings s =
        ScenarioLoader.parse(
            "agents = 1",
            "x.conf",
            List.of("agents=3", "grading.default=exp:mean=4s", "failures.repair=2min"));
    assertThat(s.agents()).isEqualTo(3);
    assertThat(s.grading().fallback()).isEqualTo(new DurationDistribution.Exponential(4e6));
    assertThat(s.failures().repair()).isEqualTo(new DurationDistribution.Constant(120_000_000));
  }

  @Test
  void limitDefaultsFillOnlyTheLimitsLeftAtNone() {
    ScenarioSettings.Limits agent =
        ScenarioLoader.parse("limits.defaults = inginious-agent", "x.conf", List.of()).limits();
    assertThat(agent).isEqualTo(new ScenarioSettings.Limits(30_000_000, 0, 3, 200));
    ScenarioSettings.Limits editor =
        ScenarioLoader.parse(
                "limits { defaults = inginious-editor, cpu = 5s }", "x.conf", List.of())
            .limits();
    assertThat(editor).isEqualTo(new ScenarioSettings.Limits(5_000_000, 0, 3, 1024));
    assertThat(ScenarioLoader.parse("agents = 1", "x.conf", List.of()).limits())
        .isEqualTo(new ScenarioSettings.Limits(0, 0, 3, 0));
    assertThatThrownBy(() -> ScenarioLoader.parse("limits.defaults = docker", "x.conf", List.of()))
        .hasMessage(
            "x.conf:1: limits.defaults: expected none, inginious-agent, inginious-editor,"
                + " found 'docker'");
  }

  @Test
  void recordedRuntimeIsInTheScenarioJsonOnlyWhenSet() {
    ScenarioSettings plain = ScenarioLoader.parse("agents = 1", "x.conf", List.of());
    ScenarioSettings recorded =
        ScenarioLoader.parse("grading.recorded-runtime = docker-runc", "x.conf", List.of());
    assertThat(plain.grading().recordedRuntime()).isNull();
    assertThat(recorded.grading().recordedRuntime()).isEqualTo("docker-runc");
    assertThat(ScenarioJson.render(plain, java.util.Map.of())).doesNotContain("recorded-runtime");
    assertThat(ScenarioJson.render(recorded, java.util.Map.of()))
        .contains("\"recorded-runtime\":\"docker-runc\"");
  }

  @Test
  void anUnknownKeyNamesTheFileLineAndKey() throws Exception {
    Path f = dir.resolve("typo.conf");
    Files.writeString(f, "agents = 2\nnetwork {\n  frontend-to-bakend = 1ms\n}\n");
    assertThatThrownBy(() -> ScenarioLoader.load(f, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(f + ":3: unknown key 'network.frontend-to-bakend'");
    assertThatThrownBy(() -> ScenarioLoader.load(f, List.of("bogus=1")))
        .hasMessageContaining("--set bogus=1")
        .hasMessageContaining("'bogus'");
  }

  @Test
  void aBadValueNamesTheFileLineAndKey() throws Exception {
    Path f = dir.resolve("bad.conf");
    Files.writeString(f, "agents = 2\nadmission = sometimes\n");
    assertThatThrownBy(() -> ScenarioLoader.load(f, List.of()))
        .hasMessage(
            f + ":2: admission: expected off, reject, defer or closed-loop, found 'sometimes'");
    Files.writeString(f, "cores = 0\n");
    assertThatThrownBy(() -> ScenarioLoader.load(f, List.of()))
        .hasMessageContaining(f + ":1: cores: must be a whole number from 1 to 4096, found 0");
  }

  @Test
  void theBundledScenariosLoadAndHashStably() throws Exception {
    Path scenarios = Path.of("scenarios");
    for (String name : List.of("mmc.conf", "inginious-today.conf", "runtime-crun.conf")) {
      ScenarioSettings s = ScenarioLoader.load(scenarios.resolve(name), List.of());
      assertThat(ScenarioJson.hash(s))
          .isEqualTo(ScenarioJson.hash(ScenarioLoader.load(scenarios.resolve(name), List.of())));
      assertThat(ScenarioJson.hash(s.withSeed(99))).isEqualTo(ScenarioJson.hash(s));
      assertThat(ScenarioJson.render(s, Map.of("t", "trace")))
          .contains("\"cost\":{\"agent-hour\"")
          .contains("\"output\":{\"bucket-s\":60}")
          .contains("\"grading-sources\":{\"t\":\"trace\"}");
    }
    ScenarioSettings crun = ScenarioLoader.load(scenarios.resolve("runtime-crun.conf"), List.of());
    assertThat(crun.runtime()).isEqualTo("docker-crun");
    assertThat(crun.agents()).isEqualTo(2);
  }
}
