package io.gradesim.probes.thesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThesisComparisonTest {
  static final String HEADER =
      "runtime,stage,payload,concurrency,iteration,ok,duration_ns,slot,start_epoch_ns,load1,error";

  /** Ten docker-runc lifecycles of create 100 ms, start 200 ms, exec (i + 1) x 10 ms. */
  static Path probeCsv(Path dir) throws IOException {
    List<String> lines = new ArrayList<>(List.of(HEADER));
    for (int i = 0; i < 10; i++) {
      lines.add("docker-runc,create,true,1," + i + ",true,100000000,0,0,2.00,");
      lines.add("docker-runc,start,true,1," + i + ",true,200000000,0,0,2.00,");
      lines.add("docker-runc,exec,true,1," + i + ",true," + (i + 1) * 10_000_000 + ",0,0,4.00,");
      lines.add("docker-runc,stop,true,1," + i + ",true,5,0,0,2.00,");
    }
    // A failed exec leaves its lifecycle out; another payload is not Hello World.
    lines.add("docker-runc,create,true,1,10,true,1,0,0,2.00,");
    lines.add("docker-runc,start,true,1,10,true,1,0,0,2.00,");
    lines.add("docker-runc,exec,true,1,10,false,1,0,0,2.00,boom");
    lines.add("docker-runc,exec,cpu,1,0,true,999000000000,0,0,2.00,");
    Files.write(dir.resolve("probe.csv"), lines);
    return dir;
  }

  @Test
  void putsTheHostsCumulativeMediansBesideTheThesis(@TempDir Path dir) throws IOException {
    HostResults results = HostResults.read(probeCsv(dir));
    assertThat(results.byRuntime().get("docker-runc").get("Exec")).hasSize(10);
    ThesisComparison c =
        ThesisComparison.of(
            ThesisDataTest.byName().values().stream()
                .sorted((a, b) -> a.configuration().name().compareTo(b.configuration().name()))
                .toList(),
            results,
            HostMappingTest.thisKernel(HostMappingTest.BINARIES));
    assertThat(c.rows()).hasSize(73 * 3);
    ThesisComparison.Row exec = c.row("docker-centos-runc-overlay", "Exec");
    // Sums 0.31 .. 0.40 s: nearest-rank median 0.35 s, interval [x(2), x(9)] for n = 10.
    assertThat(exec.host().median()).isCloseTo(0.35, within(1e-9));
    assertThat(exec.host().low()).isCloseTo(0.32, within(1e-9));
    assertThat(exec.host().high()).isCloseTo(0.39, within(1e-9));
    assertThat(exec.ratio()).isCloseTo(0.35 / exec.thesis().median(), within(1e-9));
    assertThat(exec.load1()).isCloseTo((10 * 2.0 * 2 + 10 * 4.0 + 3 * 2.0) / 33, within(1e-9));
    assertThat(c.row("docker-centos-runc-overlay", "Start").host().median())
        .isCloseTo(0.3, within(1e-9));
    assertThat(exec.note()).contains("image: busybox");
    assertThat(c.row("docker-centos-crun-overlay", "Exec").note())
        .contains("probe --runtime docker-crun");
    assertThat(c.row("docker-alpine-crun-zfs", "Exec").note())
        .startsWith("cannot run on this host");
    assertThat(c.measured()).isEqualTo(2);
    String md = ThesisCommand.document(c);
    for (ThesisRun r : ThesisDataTest.byName().values()) {
      assertThat(md).contains("| " + r.configuration().name() + " |");
    }
    assertThat(
            ThesisFindings.verdict(c, "docker-centos-crun-overlay", "docker-centos-runc-overlay"))
        .isEqualTo("not measured here");
  }

  @Test
  void readsEveryConfigurationFolderOfAMatrixOutput(@TempDir Path dir) throws IOException {
    Path one = Files.createDirectories(dir.resolve("docker-busybox-runc-overlay"));
    probeCsv(one);
    Path two = Files.createDirectories(dir.resolve("podman-busybox-crun-vfs"));
    Files.writeString(
        two.resolve("probe.csv"),
        HEADER
            + "\npodman-busybox-crun-vfs,create,true,1,0,true,1000000000,0,0,1.00,"
            + "\npodman-busybox-crun-vfs,start,true,1,0,true,1000000000,0,0,1.00,"
            + "\npodman-busybox-crun-vfs,exec,true,1,0,true,1000000000,0,0,1.00,\n");
    // A half-written configuration has no probe.csv yet and is not read.
    Files.createDirectories(dir.resolve(".partial-lxc"));
    HostResults results = HostResults.read(dir);
    assertThat(results.byRuntime()).containsOnlyKeys("docker-runc", "podman-busybox-crun-vfs");
    assertThat(results.byRuntime().get("podman-busybox-crun-vfs").get("Exec")).containsExactly(3.0);
  }

  @Test
  void badResultsNameFileLineAndColumn(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> HostResults.read(dir)).hasMessageContaining("no probe results");
    Files.writeString(
        dir.resolve("probe.csv"), HEADER + "\ndocker-runc,create,true,1,0,true,soon,0,0,2.00,\n");
    assertThatThrownBy(() -> HostResults.read(dir))
        .hasMessageContaining("probe.csv: line 2: column duration_ns: 'soon'");
  }
}
