package io.gradesim.probes.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.probes.cleanup.HostSweep;
import io.gradesim.probes.image.ImageStore;
import io.gradesim.probes.image.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every driver runs a real container through all stages and leaves nothing labelled behind. */
class DriverLifecycleTest {
  @ParameterizedTest
  @EnumSource(Runtime.class)
  void runsEveryStageForRealAndLeavesNothingBehind(Runtime runtime) throws Exception {
    RuntimeDriver d = RequireRuntime.driver(runtime);
    ImageStore store = TestImages.shared();
    d.prepare(store);
    String name = Label.next("t");
    // A labelled scratch folder, as the probe's own; never followed across mounts when deleted.
    Path scratch = Files.createTempDirectory(name);
    ContainerSpec spec = new ContainerSpec(name, scratch, store, Limits.NONE);
    try {
      Container c = d.create(spec);
      d.start(c);
      ExecResult ok = d.exec(c, Payload.WRITE.argv(), Duration.ofSeconds(120));
      ExecResult no = d.exec(c, List.of("/bin/sh", "-c", "exit 3"), Duration.ofSeconds(120));
      d.stop(c);
      d.remove(c);
      assertThat(ok.ok()).as(ok.describe()).isTrue();
      assertThat(no.exitCode()).isEqualTo(3);
      assertThat(HostSweep.cgroups(n -> n.contains(name))).isEmpty();
      assertThat(HostSweep.mounts(n -> n.contains(name))).isEmpty();
    } finally {
      d.cleanup(Label::isOwn);
      HostCommand.quietly(List.of("rm", "-rf", "--one-file-system", scratch.toString()));
    }
    assertThat(listed(runtime)).doesNotContain(name);
  }

  /** What the runtime's own listing shows (empty for runtimes without one). */
  static String listed(Runtime r) throws Exception {
    List<String> cmd =
        switch (r) {
          case RUNC -> List.of("runc", "list");
          case CRUN -> List.of("crun", "list");
          case RUNSC -> List.of("runsc", "list");
          case PODMAN_CRUN, PODMAN_RUNC -> List.of("podman", "ps", "-a");
          case DOCKER_RUNC, DOCKER_CRUN, DOCKER_RUNSC -> List.of("/usr/bin/docker", "ps", "-a");
          case LXC -> List.of("lxc-ls", "-1");
          default -> List.of("true");
        };
    return HostCommand.run(cmd).stdout();
  }
}
