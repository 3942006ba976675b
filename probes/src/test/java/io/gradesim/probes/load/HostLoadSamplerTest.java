package io.gradesim.probes.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gradesim.probes.jfr.HostLoadEvent;
import io.gradesim.probes.runtime.Label;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sampler on this machine's real /proc, with processes the test starts and kills. */
class HostLoadSamplerTest {

  private static final long SELF = ProcessHandle.current().pid();

  private static HostLoadSampler sampler() {
    return new HostLoadSampler(Path.of("/proc"), SELF, Label.own(), HostLoadSampler.DAEMONS);
  }

  private static Process burner() throws IOException {
    return new ProcessBuilder("sh", "-c", "while :; do :; done")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static void kill(Process p) throws InterruptedException {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    p.waitFor(5, TimeUnit.SECONDS);
  }

  /**
   * Starts {@code program 300} detached from this JVM: setsid forks, its child writes its pid and
   * execs the program, and setsid exits at once, so the program is reparented away from us.
   */
  private static long detached(Path dir, String program) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")), "needs setsid");
    Path pidFile = dir.resolve("pid");
    Process setsid =
        new ProcessBuilder(
                "setsid",
                "-f",
                "sh",
                "-c",
                "echo $$ > \"$1.tmp\" && mv \"$1.tmp\" \"$1\" && exec \"$2\" 300",
                "sh",
                pidFile.toString(),
                program)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(setsid.waitFor(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 500 && !Files.exists(pidFile); i++) {
      LockSupport.parkNanos(10_000_000L);
    }
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    // Wait until the exec has happened (the command name changes from sh).
    String name = Path.of(program).getFileName().toString();
    for (int i = 0; i < 500 && !comm(pid).equals(name); i++) {
      LockSupport.parkNanos(10_000_000L);
    }
    return pid;
  }

  private static String comm(long pid) throws IOException {
    return Files.readString(Path.of("/proc/" + pid + "/comm")).strip();
  }

  private static void killPid(long pid) {
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
  }

  @Test
  void countsABusyChildOfThisJvm() throws Exception {
    Process p = burner();
    try {
      ProcSnapshot s = ProcSnapshot.read(Path.of("/proc"), Label.own());
      assertThat(sampler().countedPids(s)).contains(SELF, p.pid());
    } finally {
      kill(p);
    }
  }

  @Test
  void doesNotCountAProcessReparentedAwayFromThisJvm(@TempDir Path dir) throws Exception {
    long pid = detached(dir, "sleep");
    try {
      ProcSnapshot s = ProcSnapshot.read(Path.of("/proc"), Label.own());
      ProcessSample p = s.processes().get(pid);
      assertThat(p).isNotNull();
      assertThat(p.comm()).isEqualTo("sleep");
      assertThat(ProcessHandle.current().descendants().map(ProcessHandle::pid)).doesNotContain(pid);
      assertThat(sampler().countedPids(s)).contains(SELF).doesNotContain(pid);
    } finally {
      killPid(pid);
    }
  }

  @Test
  void countsAProcessReparentedAwayWhenItsNameIsADaemons(@TempDir Path dir) throws Exception {
    Path conmon = dir.resolve("conmon");
    Files.copy(Path.of("/bin/sleep"), conmon, StandardCopyOption.COPY_ATTRIBUTES);
    long pid = detached(dir, conmon.toString());
    try {
      ProcSnapshot s = ProcSnapshot.read(Path.of("/proc"), Label.own());
      assertThat(s.processes().get(pid).comm()).isEqualTo("conmon");
      assertThat(ProcessHandle.current().descendants().map(ProcessHandle::pid)).doesNotContain(pid);
      assertThat(sampler().countedPids(s)).contains(pid);
    } finally {
      killPid(pid);
    }
  }

  @Test
  void loadsAreFractionsAndTheProbesShareFitsInTheMachines() throws Exception {
    List<Process> burners = List.of(burner(), burner());
    try {
      HostLoadSampler s = sampler();
      assertThat(s.sample()).isEmpty();
      LockSupport.parkNanos(300_000_000L);
      HostLoad h = s.sample().orElseThrow();
      assertThat(h.machineLoad()).isBetween(0.0, 1.0);
      assertThat(h.probeLoad()).isBetween(0.0, 1.0).isPositive();
      // Per-process times and /proc/stat are read a few ms apart and tick differently.
      assertThat(h.probeLoad()).isLessThanOrEqualTo(h.machineLoad() + 0.1);
      assertThat(h.counted()).contains(burners.get(0).pid(), burners.get(1).pid());
      assertThat(h.windowNanos()).isPositive();
    } finally {
      for (Process p : burners) {
        kill(p);
      }
    }
  }

  @Test
  void theEventIsRecordedWithItsWindow(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("r.jfr");
    try (var r = new io.gradesim.probes.jfr.ProbeRecording()) {
      LockSupport.parkNanos(1_500_000_000L);
      r.dump(file);
    }
    List<jdk.jfr.consumer.RecordedEvent> events =
        jdk.jfr.consumer.RecordingFile.readAllEvents(file).stream()
            .filter(e -> e.getEventType().getName().equals(HostLoadEvent.NAME))
            .toList();
    assertThat(events)
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e.getDouble("machineLoad")).isBetween(0.0, 1.0);
              assertThat(e.getDouble("probeLoad")).isBetween(0.0, 1.0);
              assertThat(e.getLong("windowNanos")).isPositive();
              assertThat(e.getInt("processes")).isPositive();
            });
  }
}
