package io.gradesim.probes.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelTest {

  @Test
  void labelsCarryThisJvmsPid() {
    String label = Label.next("c");
    assertThat(label).startsWith("gradesim-probe-" + ProcessHandle.current().pid() + "-c");
    assertThat(Label.isOwn("/tmp/x/" + label + "/rootfs")).isTrue();
    assertThat(Label.isOrphan(label)).isFalse();
  }

  @Test
  void labelsOfADeadProcessAreOrphans() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    String label = "gradesim-probe-" + p.pid() + "-c1";
    assertThat(Label.owner("lxc.payload." + label)).hasValue(p.pid());
    assertThat(Label.isOrphan(label)).isTrue();
    assertThat(Label.isOwn(label)).isFalse();
  }

  @Test
  void labelsOfALiveOtherProcessAreLeftAlone() throws Exception {
    Process p = new ProcessBuilder("sleep", "30").start();
    try {
      assertThat(Label.isOwnOrOrphan("gradesim-probe-" + p.pid() + "-c1")).isFalse();
    } finally {
      p.destroyForcibly().waitFor();
    }
  }
}
