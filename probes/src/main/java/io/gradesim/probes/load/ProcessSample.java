package io.gradesim.probes.load;

/**
 * One process as {@code /proc/<pid>/stat} showed it (proc(5)).
 *
 * @param pid the process id
 * @param comm the command name, at most 15 characters (the kernel truncates it)
 * @param ppid the parent's pid
 * @param ticks utime + stime + cutime + cstime, in clock ticks: its own CPU time and that of the
 *     children it has reaped
 * @param startTicks start time after boot, in clock ticks: tells a reused pid from the old process
 * @param labelled whether the process is an orphan (parent pid 1) whose cgroup path or command line
 *     holds the probe's label; only orphans are looked at, see {@link ProcSnapshot}
 */
public record ProcessSample(
    long pid, String comm, long ppid, long ticks, long startTicks, boolean labelled) {

  /** Whether {@code other} is the same process (same pid and start time). */
  public boolean sameProcess(ProcessSample other) {
    return other != null && other.pid == pid && other.startTicks == startTicks;
  }
}
