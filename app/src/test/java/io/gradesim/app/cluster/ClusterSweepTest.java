package io.gradesim.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradesim.simulator.scenario.ScenarioJson;
import io.gradesim.simulator.scenario.ScenarioLoader;
import io.gradesim.simulator.scenario.ScenarioSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSweepTest {
  @Test
  void aFlattenedScenarioNeedsNoIncludeAndResolvesToTheSameHash(@TempDir Path tmp)
      throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(src.resolve("base.conf"), "agents = 3\ncores = 4\nslots = 2\n");
    Path s = src.resolve("bigger.conf");
    Files.writeString(s, "include \"base.conf\"\ncores = 8\nseed = 5\n");
    Path flat = ClusterSweep.flatten(s, Files.createDirectories(tmp.resolve("elsewhere")));
    assertThat(flat.getFileName().toString()).isEqualTo("bigger.conf");
    assertThat(Files.readString(flat)).doesNotContain("include");
    List<String> set = List.of("slots=3");
    ScenarioSettings original = ScenarioLoader.load(s, set);
    ScenarioSettings copy = ScenarioLoader.load(flat, set);
    assertThat(copy.name()).isEqualTo(original.name());
    assertThat(copy.agents()).isEqualTo(3);
    assertThat(ScenarioJson.hash(copy)).isEqualTo(ScenarioJson.hash(original));
  }

  @Test
  void aJoinAddressMustBeHostAndPort() {
    assertThatThrownBy(() -> new ClusterSettings("127.0.0.1", 2551, List.of("localhost")))
        .hasMessageContaining("expected HOST:PORT");
    assertThat(
            new ClusterSettings("127.0.0.1", 2552, List.of("127.0.0.1:2551"))
                .config(ClusterSecret.of("a-secret-of-this-cluster", "test"))
                .getStringList("pekko.cluster.seed-nodes"))
        .containsExactly("pekko://gradesim@127.0.0.1:2551");
    assertThat(
            new ClusterSettings("127.0.0.1", 0, List.of())
                .config(ClusterSecret.of("a-secret-of-this-cluster", "test"))
                .getStringList("pekko.cluster.seed-nodes"))
        .isEmpty();
  }
}
