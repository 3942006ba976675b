package io.gradesim.probes.runtime.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradesim.probes.image.ImageStore;
import io.gradesim.probes.runtime.ContainerSpec;
import io.gradesim.probes.runtime.Limits;
import io.gradesim.probes.runtime.Placement;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciBundlePlacementTest {
  @Test
  void writesTheCpusetAndAReadOnlyBind(@TempDir Path dir) throws Exception {
    ImageStore images = new ImageStore(dir.resolve("images"));
    Placement p = new Placement("2-3", List.of(new Placement.Bind(dir.resolve("pay"), "/mnt")));
    ContainerSpec spec = new ContainerSpec("c1", dir, images, Limits.NONE, p);
    OciBundle.write(spec, List.of("/mnt/burn", "5"));
    JsonNode c = new ObjectMapper().readTree(dir.resolve("config.json").toFile());
    assertThat(c.at("/linux/resources/cpu/cpus").asText()).isEqualTo("2-3");
    JsonNode bind = c.get("mounts").get(c.get("mounts").size() - 1);
    assertThat(bind.get("destination").asText()).isEqualTo("/mnt");
    assertThat(bind.get("source").asText()).isEqualTo(dir.resolve("pay").toString());
    assertThat(bind.get("options").toString()).contains("\"ro\"", "\"rbind\"");
  }

  @Test
  void writesNoCpuSectionWithoutPlacement(@TempDir Path dir) throws Exception {
    ContainerSpec spec =
        new ContainerSpec("c2", dir, new ImageStore(dir.resolve("images")), Limits.NONE);
    OciBundle.write(spec, List.of("/bin/true"));
    JsonNode c = new ObjectMapper().readTree(dir.resolve("config.json").toFile());
    assertThat(c.at("/linux/resources").has("cpu")).isFalse();
  }

  @Test
  void refusesACpusetListWithOtherCharacters() {
    assertThatThrownBy(() -> new Placement("0; rm", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cpuset");
  }
}
