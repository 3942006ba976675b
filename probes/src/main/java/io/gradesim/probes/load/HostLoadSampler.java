package io.gradesim.probes.load;

import io.gradesim.probes.runtime.Label;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Measures how much of the machine the probe's own work uses, from {@code /proc} deltas between two
 * samples (proc(5)).
 *
 * <p>Counted as the probe's own work: the probe JVM and every descendant of it; every process whose
 * command name is one of {@link #DAEMONS} (dockerd, containerd, its shims, podman's conmon,
 * gVisor's runsc processes, LXC's monitors, QEMU) and their descendants, which is where Docker,
 * Podman and LXC containers live; orphans whose cgroup or command line holds the probe's label
 * ({@link Label#own()}) and their descendants, which is where a runc or crun container's init and
 * runsc's sandbox and gofer go once the {@code create} command that started them has exited. A
 * process's CPU time is utime + stime + cutime + cstime, so children reaped by a counted process
 * are not lost; the ticks a counted child had shown before it was reaped are subtracted again so
 * that they count once (also when its parent was reaped in the same window and passed them on to a
 * grandparent).
 *
 * <p>What can still escape: the last window of a counted process that is reaped by a process not
 * counted (an orphan reaped by init, e.g. a runc container's init after {@code kill}: its time goes
 * to init's cutime); processes started and finished entirely between two samples outside a counted
 * parent; a container whose runtime does not put it under one of these roots. Where a process was
 * orphaned and reaped by init within one window, its earlier ticks are taken off although its
 * reaper is not counted (a small undercount). And what is counted too generously: the daemons serve
 * everyone, so another user's Docker containers on the same host count as the probe's. Per-process
 * times and {@code /proc/stat} are read a few milliseconds apart, so the two loads of one window
 * differ by a few per cent even when the probe is all the machine does.
 */
public final class HostLoadSampler {

  /** Command names of runtime daemons and their helpers; a trailing {@code *} is a prefix. */
  public static final List<String> DAEMONS =
      List.of(
          "dockerd",
          "containerd",
          "containerd-shim*",
          "docker-proxy",
          "conmon",
          "podman",
          "fuse-overlayfs",
          "runsc*",
          "lxc-*",
          "qemu-system-*");

  private final Path proc;
  private final long selfPid;
  private final String cgroupMarker;
  private final List<String> daemons;
  private ProcSnapshot previous;
  private Set<Long> previousCounted = Set.of();

  /**
   * A sampler.
   *
   * @param proc the proc file system, normally {@code /proc}
   * @param selfPid the probe JVM's pid, root of the counted tree
   * @param cgroupMarker text in the cgroup path of the probe's containers (empty: none)
   * @param daemons command names counted with their descendants (trailing {@code *}: prefix)
   */
  public HostLoadSampler(Path proc, long selfPid, String cgroupMarker, List<String> daemons) {
    this.proc = proc;
    this.selfPid = selfPid;
    this.cgroupMarker = cgroupMarker;
    this.daemons = List.copyOf(daemons);
  }

  /** The sampler of this JVM's probe: {@code /proc}, this pid, its label, {@link #DAEMONS}. */
  public static HostLoadSampler ofThisProbe() {
    return new HostLoadSampler(
        Path.of("/proc"), ProcessHandle.current().pid(), Label.own(), DAEMONS);
  }

  /**
   * Reads {@code /proc} and returns the load since the previous call; the first call only sets the
   * baseline and returns empty.
   */
  public synchronized Optional<HostLoad> sample() throws IOException {
    long t0 = System.nanoTime();
    ProcSnapshot now = ProcSnapshot.read(proc, cgroupMarker);
    Set<Long> counted = countedPids(now);
    ProcSnapshot before = previous;
    Set<Long> countedBefore = previousCounted;
    previous = now;
    previousCounted = counted;
    long scan = System.nanoTime() - t0;
    if (before == null) {
      return Optional.empty();
    }
    long total = now.totalTicks() - before.totalTicks();
    if (total <= 0) {
      return Optional.of(new HostLoad(0, 0, now.nanoTime() - before.nanoTime(), counted, scan));
    }
    double machine = clamp((now.busyTicks() - before.busyTicks()) / (double) total);
    double probe = clamp(probeTicks(before, countedBefore, now, counted) / (double) total);
    return Optional.of(
        new HostLoad(machine, probe, now.nanoTime() - before.nanoTime(), counted, scan));
  }

  /** The pids counted as the probe's own work in a snapshot. */
  public Set<Long> countedPids(ProcSnapshot s) {
    Map<Long, List<Long>> children = new HashMap<>();
    ArrayDeque<Long> todo = new ArrayDeque<>();
    for (ProcessSample p : s.processes().values()) {
      children.computeIfAbsent(p.ppid(), k -> new ArrayList<>()).add(p.pid());
      if (p.pid() == selfPid || p.labelled() || isDaemon(p.comm())) {
        todo.add(p.pid());
      }
    }
    Set<Long> out = new HashSet<>();
    while (!todo.isEmpty()) {
      long pid = todo.poll();
      if (out.add(pid)) {
        todo.addAll(children.getOrDefault(pid, List.of()));
      }
    }
    return Set.copyOf(out);
  }

  /** Whether a command name is one of the daemons. */
  boolean isDaemon(String comm) {
    for (String d : daemons) {
      boolean match =
          d.endsWith("*") ? comm.startsWith(d.substring(0, d.length() - 1)) : comm.equals(d);
      if (match) {
        return true;
      }
    }
    return false;
  }

  /**
   * CPU ticks of the counted processes between two snapshots: a process seen before adds its
   * growth, a new one all it has. A counted process gone since, whose nearest living ancestor is
   * counted, was reaped within the counted tree: that ancestor's cutime/cstime now holds all of its
   * time, of which the part seen before was already counted, so that part is taken off again.
   */
  static long probeTicks(
      ProcSnapshot before, Set<Long> countedBefore, ProcSnapshot now, Set<Long> counted) {
    long sum = 0;
    for (long pid : counted) {
      ProcessSample p = now.processes().get(pid);
      ProcessSample q = before.processes().get(pid);
      sum += p.sameProcess(q) ? p.ticks() - q.ticks() : p.ticks();
    }
    for (long pid : countedBefore) {
      ProcessSample q = before.processes().get(pid);
      ProcessSample p = now.processes().get(pid);
      if (q.sameProcess(p)) {
        continue;
      }
      long reaper = reaper(before, now, q);
      if (reaper > 0 && counted.contains(reaper)) {
        sum -= q.ticks();
      }
    }
    return Math.max(0, sum);
  }

  /**
   * The process whose cutime/cstime now holds a vanished process's time: its nearest ancestor (as
   * last seen) still alive, since a parent reaped in the same window passed its children's time on
   * to its own reaper. 0 when the chain leaves what the earlier snapshot knew.
   */
  private static long reaper(ProcSnapshot before, ProcSnapshot now, ProcessSample gone) {
    long a = gone.ppid();
    for (int depth = 0; depth < 64 && a > 0; depth++) {
      ProcessSample was = before.processes().get(a);
      if (was == null) {
        return 0;
      }
      if (was.sameProcess(now.processes().get(a))) {
        return a;
      }
      a = was.ppid();
    }
    return 0;
  }

  private static double clamp(double x) {
    return Math.max(0, Math.min(1, x));
  }
}
