package io.gradesim.probes.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sampler's selection and arithmetic on a hand-written /proc, where every tick is known. */
class FakeProcTest {

  private static final String MARK = "gradesim-probe-100-";

  @TempDir Path proc;

  private void cpu(long busy, long idle) throws IOException {
    // user nice system idle iowait irq softirq steal guest guest_nice
    Files.writeString(
        proc.resolve("stat"),
        "cpu  " + busy + " 0 0 " + idle + " 0 0 0 0 7 7\ncpu0 1 0 0 1 0 0 0 0 0 0\n");
  }

  /** Writes /proc/PID/stat with the given own and children ticks, and a cgroup file. */
  private void process(
      long pid, String comm, long ppid, long own, long children, long start, String cgroup)
      throws IOException {
    Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
    String stat =
        pid
            + " ("
            + comm
            + ") S "
            + ppid
            + " 1 1 0 -1 0 0 0 0 0 "
            + own
            + " 0 "
            + children
            + " 0 20 0 1 0 "
            + start
            + " 1000 10 0\n";
    Files.writeString(dir.resolve("stat"), stat);
    Files.writeString(dir.resolve("cgroup"), "4:memory:" + cgroup + "\n0::/\n");
    Files.writeString(dir.resolve("cmdline"), comm + "\0");
  }

  private void gone(long pid) throws IOException {
    Files.delete(proc.resolve(pid + "/stat"));
    Files.delete(proc.resolve(pid + "/cgroup"));
    Files.delete(proc.resolve(pid + "/cmdline"));
    Files.delete(proc.resolve(Long.toString(pid)));
  }

  private HostLoadSampler sampler() {
    return new HostLoadSampler(proc, 100, MARK, HostLoadSampler.DAEMONS);
  }

  private void firstState() throws IOException {
    cpu(1000, 1000);
    process(100, "java", 50, 10, 0, 5, "/");
    process(101, "sh", 100, 20, 0, 6, "/");
    process(103, "runc", 100, 1, 0, 13, "/");
    process(104, "exe", 103, 9, 0, 14, "/");
    process(200, "containerd-shim", 1, 5, 0, 7, "/");
    process(201, "sleep", 200, 3, 0, 8, "/docker/abc");
    process(300, "other user", 1, 40, 0, 9, "/");
    process(400, "sleep", 1, 4, 0, 10, "/" + MARK + "c1");
    process(401, "md5sum", 400, 6, 0, 11, "/" + MARK + "c1");
    process(500, "sleep", 1, 8, 0, 12, "/someone-else");
    // runsc's sandbox: an orphan in the caller's cgroup, the labelled container id in its args.
    process(600, "exe", 1, 2, 0, 13, "/");
    Files.writeString(proc.resolve("600/cmdline"), "runsc\0boot\0" + MARK + "c3\0");
  }

  @Test
  void countsTheJvmTreeDaemonTreesAndOrphansInLabelledCgroups() throws IOException {
    firstState();
    ProcSnapshot s = ProcSnapshot.read(proc, MARK);
    assertThat(sampler().countedPids(s))
        .containsExactlyInAnyOrder(100L, 101L, 103L, 104L, 200L, 201L, 400L, 401L, 600L);
    assertThat(s.busyTicks()).isEqualTo(1000);
    assertThat(s.totalTicks()).isEqualTo(2000);
  }

  @Test
  void countsReapedChildrenOnceAndNewProcessesInFull() throws IOException {
    firstState();
    HostLoadSampler sampler = sampler();
    assertThat(sampler.sample()).isEmpty();
    // 100 ticks of machine time pass, 60 of them busy.
    cpu(1060, 1040);
    // 101 had 20 ticks, ran 5 more and was reaped by 100: 100's children ticks hold all 25.
    // 104 (9 ticks, then 1 more) was reaped by 103 (1 tick, then 2 more), itself reaped by 100:
    // 100's children ticks hold 3 + 10 more.
    gone(101);
    gone(103);
    gone(104);
    process(100, "java", 50, 12, 25 + 13, 5, "/");
    // A new child with 4 ticks; 401 ran 6 more; 300 (not ours) ran 30 more.
    process(102, "runc", 100, 4, 0, 20, "/");
    process(401, "md5sum", 400, 12, 0, 11, "/" + MARK + "c1");
    process(300, "other user", 1, 70, 0, 9, "/");
    // A reused pid: 500 is now a different process (later start), not ours anyway.
    process(500, "conmon", 1, 2, 0, 30, "/");
    HostLoad h = sampler.sample().orElseThrow();
    // Ours: 100 +2 own +38 children - 20 seen of 101 - 1 seen of 103 - 9 seen of 104 = 10;
    // 102: 4; 401: 6; 500: 2.
    assertThat(h.probeLoad()).isCloseTo(22 / 100.0, within(1e-12));
    assertThat(h.machineLoad()).isCloseTo(60 / 100.0, within(1e-12));
    assertThat(h.otherLoad()).isCloseTo(38 / 100.0, within(1e-12));
    assertThat(h.counted())
        .containsExactlyInAnyOrder(100L, 102L, 200L, 201L, 400L, 401L, 500L, 600L);
  }

  @Test
  void matchesDaemonNamesExactlyOrByPrefix() {
    HostLoadSampler s = sampler();
    for (String comm :
        List.of(
            "dockerd",
            "containerd",
            "containerd-shim",
            "conmon",
            "podman",
            "runsc-gofer",
            "runsc",
            "lxc-start",
            "qemu-system-x86")) {
      assertThat(s.isDaemon(comm)).as(comm).isTrue();
    }
    for (String comm : List.of("docker", "containerd2", "sleep", "lxc", "qemu-img", "sh")) {
      assertThat(s.isDaemon(comm)).as(comm).isFalse();
    }
  }

  @Test
  void parsesCommandNamesWithSpacesAndParentheses() {
    ProcessSample p =
        ProcSnapshot.parseStat(
            "42 (a (b) c) S 7 1 1 0 -1 0 0 0 0 0 3 4 5 6 20 0 1 0 99 1000 10 0\n");
    assertThat(p).isEqualTo(new ProcessSample(42, "a (b) c", 7, 18, 99, false));
  }
}
