package io.gradesim.probes.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One pass over {@code /proc} (proc(5)): the aggregate {@code cpu} line of {@code /proc/stat} and
 * {@code /proc/<pid>/stat} of every process, read as plain files.
 *
 * <p>{@code /proc/<pid>/cgroup} and {@code /proc/<pid>/cmdline} are read only for orphans (parent
 * pid 1): runc, crun and runsc leave a container's init there when their {@code create} command
 * exits, and its cgroup, named after the probe's label, is what still ties it to the probe; runsc's
 * sandbox and gofer (command name {@code exe}: runsc re-executes itself) stay in the caller's
 * cgroup but carry the labelled container id and bundle path in their arguments. A process that
 * vanishes while the pass runs is skipped.
 *
 * @param busyTicks machine CPU time not idle and not waiting for I/O, summed over CPUs, in ticks
 * @param totalTicks all machine CPU time (user, nice, system, idle, iowait, irq, softirq, steal)
 * @param nanoTime {@link System#nanoTime()} when {@code /proc/stat} was read
 * @param processes every process, by pid
 */
public record ProcSnapshot(
    long busyTicks, long totalTicks, long nanoTime, Map<Long, ProcessSample> processes) {

  /** Reads {@code proc} (normally {@code /proc}); {@code cgroupMarker} is the probe's label. */
  public static ProcSnapshot read(Path proc, String cgroupMarker) throws IOException {
    long now = System.nanoTime();
    long[] cpu = cpuLine(Files.readString(proc.resolve("stat"), StandardCharsets.ISO_8859_1));
    Map<Long, ProcessSample> out = new HashMap<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, ProcSnapshot::isPid)) {
      for (Path dir : dirs) {
        ProcessSample p = process(dir, cgroupMarker);
        if (p != null) {
          out.put(p.pid(), p);
        }
      }
    }
    return new ProcSnapshot(cpu[0], cpu[1], now, Map.copyOf(out));
  }

  private static boolean isPid(Path p) {
    String n = p.getFileName().toString();
    return !n.isEmpty() && n.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** {busy, total} from the first ({@code cpu }) line of {@code /proc/stat}. */
  static long[] cpuLine(String stat) {
    String line =
        stat.lines()
            .filter(l -> l.startsWith("cpu "))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("/proc/stat has no aggregate cpu line"));
    String[] f = line.trim().split("\\s+");
    long total = 0;
    // user nice system idle iowait irq softirq steal; guest and guest_nice are already in user.
    for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
      total += Long.parseLong(f[i]);
    }
    long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
    return new long[] {total - idle, total};
  }

  private static ProcessSample process(Path dir, String marker) {
    try {
      String stat = Files.readString(dir.resolve("stat"), StandardCharsets.ISO_8859_1);
      ProcessSample p = parseStat(stat);
      if (p.ppid() == 1
          && !marker.isEmpty()
          && (holds(dir, "cgroup", marker) || holds(dir, "cmdline", marker))) {
        return new ProcessSample(p.pid(), p.comm(), 1, p.ticks(), p.startTicks(), true);
      }
      return p;
    } catch (IOException | RuntimeException e) {
      return null; // exited while we read it, or not readable: not ours to count
    }
  }

  private static boolean holds(Path dir, String file, String marker) {
    try {
      return Files.readString(dir.resolve(file), StandardCharsets.ISO_8859_1).contains(marker);
    } catch (IOException e) {
      return false; // e.g. gone, or another user's process: not labelled as far as we can tell
    }
  }

  /** Parses one {@code /proc/<pid>/stat} line; the command name may hold spaces and parens. */
  static ProcessSample parseStat(String stat) {
    int open = stat.indexOf('(');
    int close = stat.lastIndexOf(')');
    long pid = Long.parseLong(stat.substring(0, open).trim());
    String comm = stat.substring(open + 1, close);
    // After the name: state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17) ...
    // starttime(22); index 0 below is field 3.
    String[] f = stat.substring(close + 2).trim().split(" ");
    long ticks =
        Long.parseLong(f[11])
            + Long.parseLong(f[12])
            + Long.parseLong(f[13])
            + Long.parseLong(f[14]);
    return new ProcessSample(pid, comm, Long.parseLong(f[1]), ticks, Long.parseLong(f[19]), false);
  }
}
