package io.gradesim.probes.isolation;

import io.gradesim.probes.runtime.Capability;
import io.gradesim.probes.runtime.ExecResult;
import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.Limits;
import io.gradesim.probes.runtime.RuntimeDriver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** The isolation checks; each makes real attempts inside containers (see {@link Check}). */
final class Checks {
  private static final Duration SHORT = Duration.ofSeconds(60);

  /** Allocates and touches a 100 MiB buffer (dd's block), past the 64 MiB limit. */
  private static final List<String> HOG =
      List.of("/bin/dd", "if=/dev/zero", "of=/dev/null", "bs=100M", "count=1");

  private static final int MEMORY_MB = 64;

  private Checks() {}

  /** A 100 MiB allocation under a 64 MiB limit must be killed; without the limit it must not. */
  static Verdict memory(RuntimeDriver d, Trial t) throws IOException {
    if (!d.capabilities().contains(Capability.MEMORY_LIMIT)) {
      return Verdict.unsupported("no memory limit option");
    }
    Trial.Outcome o = t.attempt(new Limits(MEMORY_MB, 0, false), HOG, SHORT);
    ExecResult limited = o.result();
    // gVisor's sandbox dies as a whole, so the kill shows only in the cgroup's OOM count.
    if (limited.exitCode() == 137 || (!limited.ok() && o.oomKills() > 0)) {
      ExecResult free = t.attempt(Limits.NONE, HOG, SHORT).result();
      return free.ok()
          ? Verdict.pass(
              "killed ("
                  + limited.describe()
                  + ", cgroup oom_kill "
                  + o.oomKills()
                  + ") under "
                  + MEMORY_MB
                  + " MiB; same allocation exits 0 without the limit")
          : Verdict.fail("the allocation fails even without a limit: " + free.describe());
    }
    return Verdict.fail("100 MiB under a " + MEMORY_MB + " MiB limit: " + limited.describe());
  }

  /** A busy loop under a 1 s RLIMIT_CPU must be killed by SIGXCPU or SIGKILL. */
  static Verdict cpuTime(RuntimeDriver d, Trial t) throws IOException {
    if (!d.capabilities().contains(Capability.CPU_TIME_LIMIT)) {
      return Verdict.unsupported("no CPU-time limit option");
    }
    List<String> spin = List.of("/bin/sh", "-c", "while :; do :; done");
    ExecResult r = t.attempt(new Limits(0, 1, false), spin, Duration.ofSeconds(45)).result();
    if (r.timedOut()) {
      return Verdict.fail("a busy loop under a 1 s CPU limit still ran after 45 s");
    }
    return r.exitCode() == 128 + 24 || r.exitCode() == 137
        ? Verdict.pass("busy loop killed (exit " + r.exitCode() + ") under a 1 s CPU limit")
        : Verdict.fail("busy loop under a 1 s CPU limit: " + r.describe());
  }

  /** A payload overrunning a 2 s wall limit is ended by stopping its container. */
  static Verdict wallTime(RuntimeDriver d, Trial t) throws IOException {
    String marker = Integer.toString(700_000 + ThreadLocalRandom.current().nextInt(99_999));
    long t0 = System.nanoTime();
    Trial.Outcome o = t.attempt(Limits.NONE, List.of("/bin/sleep", marker), Duration.ofSeconds(2));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    boolean left = ProcessHandle.allProcesses().anyMatch(h -> isSleep(h, marker));
    if (!o.result().timedOut()) {
      return Verdict.fail("sleep " + marker + " ended before the limit: " + o.result().describe());
    }
    if (!o.stopped() || left) {
      return Verdict.fail(
          "after the 2 s limit the payload "
              + (left ? "is still running" : "")
              + " "
              + o.stopError());
    }
    return Verdict.pass("overrun ended by stop; no payload process left (" + ms + " ms total)");
  }

  /** A connection to a listener on the host's 127.0.0.1 must not reach it. */
  static Verdict network(RuntimeDriver d, Trial t) throws IOException {
    try (ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
      AtomicInteger accepted = new AtomicInteger();
      Thread acceptor =
          new Thread(
              () -> {
                while (!server.isClosed()) {
                  try (Socket s = server.accept()) {
                    accepted.incrementAndGet();
                  } catch (IOException closed) {
                    return;
                  }
                }
              },
              "gradesim-probe-listener");
      acceptor.setDaemon(true);
      acceptor.start();
      ExecResult r =
          t.attempt(
                  Limits.NONE,
                  List.of(
                      "/bin/busybox",
                      "nc",
                      "-w",
                      "3",
                      "127.0.0.1",
                      Integer.toString(server.getLocalPort())),
                  SHORT)
              .result();
      return accepted.get() == 0
          ? Verdict.pass(
              "127.0.0.1:" + server.getLocalPort() + " not reached (nc " + r.describe() + ")")
          : Verdict.fail("reached the host listener on 127.0.0.1:" + server.getLocalPort());
    }
  }

  /** A host process with a unique command line must not be visible in /proc. */
  static Verdict pid(RuntimeDriver d, Trial t) throws IOException {
    String marker = Integer.toString(8_000_000 + ThreadLocalRandom.current().nextInt(999_999));
    Process host = HostCommand.spawn(List.of("sleep", marker));
    try {
      // The marker is passed in two halves, so the searching shell never shows it whole.
      String script =
          "p=$0; q=$1; for f in /proc/[0-9]*/cmdline; do tr '\\0' ' ' <\"$f\"; echo;"
              + " done | grep -q \"^sleep $p$q *$\"";
      ExecResult r =
          t.attempt(
                  Limits.NONE,
                  List.of("/bin/sh", "-c", script, marker.substring(0, 4), marker.substring(4)),
                  SHORT)
              .result();
      if (r.exitCode() == 0) {
        return Verdict.fail("host process 'sleep " + marker + "' is visible inside");
      }
      return r.exitCode() == 1
          ? Verdict.pass("host process 'sleep " + marker + "' not visible")
          : Verdict.fail("could not search /proc: " + r.describe());
    } finally {
      HostCommand.kill(host);
    }
  }

  /** Writing to / must fail with a read-only root and succeed without. */
  static Verdict readOnlyRoot(RuntimeDriver d, Trial t) throws IOException {
    if (!d.capabilities().contains(Capability.READ_ONLY_ROOT)) {
      return Verdict.unsupported("no read-only root option");
    }
    List<String> write =
        List.of("/bin/sh", "-c", "touch /gradesim-ro-check && rm /gradesim-ro-check");
    ExecResult ro = t.attempt(new Limits(0, 0, true), write, SHORT).result();
    if (ro.ok()) {
      return Verdict.fail("wrote to / although the root was asked read-only");
    }
    ExecResult rw = t.attempt(Limits.NONE, write, SHORT).result();
    return rw.ok()
        ? Verdict.pass("write to / refused read-only (" + ro.describe() + "), allowed otherwise")
        : Verdict.fail("/ is not writable even without read-only: " + rw.describe());
  }

  private static boolean isSleep(ProcessHandle h, String marker) {
    try {
      String cl = Files.readString(Path.of("/proc", Long.toString(h.pid()), "cmdline"));
      return cl.endsWith("sleep\0" + marker + "\0");
    } catch (IOException | RuntimeException gone) {
      return false;
    }
  }
}
