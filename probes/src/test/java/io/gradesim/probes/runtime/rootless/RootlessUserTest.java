package io.gradesim.probes.runtime.rootless;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RootlessUserTest {
  private static final RootlessUser USER = new RootlessUser("gradesim-rootless", 990, 985);

  @Test
  void commandsRunAsTheUserThroughAnArgumentListWithoutAShell() {
    assertThat(USER.as(List.of("podman", "ps", "--all", "a b; rm -rf /")))
        .containsExactly(
            "setpriv",
            "--reuid",
            "990",
            "--regid",
            "985",
            "--clear-groups",
            "--",
            "podman",
            "ps",
            "--all",
            "a b; rm -rf /");
  }

  @Test
  void itsEnvironmentKeepsEveryFolderInsideTheProbesOwn() {
    Path home = Path.of("/t/gradesim-probe-1-x/home");
    Map<String, String> env =
        USER.environment(home, Path.of("/t/gradesim-probe-1-pr2/run"), Path.of("/t/p/tmp"));
    assertThat(env)
        .containsEntry("HOME", home.toString())
        .containsEntry("XDG_CONFIG_HOME", home + "/.config")
        .containsEntry("XDG_DATA_HOME", home + "/.local/share")
        .containsEntry("XDG_CACHE_HOME", home + "/.cache")
        .containsEntry("XDG_RUNTIME_DIR", "/t/gradesim-probe-1-pr2/run")
        .containsEntry("TMPDIR", "/t/p/tmp")
        .containsEntry("USER", "gradesim-rootless")
        .containsKey("PATH")
        .hasSize(9);
  }

  @Test
  void aProcessWithoutTheLabelIsNeverOneOfItsOwn() {
    // This JVM runs as root, not as the user: whatever the label, none of it is found.
    assertThat(USER.processes(s -> true)).noneMatch(p -> p.pid() == ProcessHandle.current().pid());
  }
}
