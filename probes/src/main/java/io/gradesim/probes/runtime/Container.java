package io.gradesim.probes.runtime;

import java.util.List;

/**
 * A container a driver created, with whatever host-side handle the driver keeps for it (a host
 * process such as a namespace's init, or the container init's host pid).
 */
public final class Container {
  /** The long-running init of a started container: the payload is exec'd beside it. */
  public static final List<String> INIT = List.of("/bin/sleep", "100000");

  private final ContainerSpec spec;
  private volatile Process process;
  private volatile long pid;

  /** A container made from {@code spec}, not yet started. */
  public Container(ContainerSpec spec) {
    this.spec = spec;
  }

  /** The spec it was created from. */
  public ContainerSpec spec() {
    return spec;
  }

  /** Its label. */
  public String name() {
    return spec.name();
  }

  /** The host process the driver keeps for it, or null. */
  public Process process() {
    return process;
  }

  /** Records the host process the driver keeps for it. */
  public void process(Process p) {
    this.process = p;
  }

  /** The host pid of its init, or 0 when unknown. */
  public long pid() {
    return pid;
  }

  /** Records the host pid of its init. */
  public void pid(long p) {
    this.pid = p;
  }

  /**
   * Waits until its init (pid {@link #pid()}) has exited: a zombie or gone from /proc, at most 30 s
   * after it was killed.
   */
  public void awaitInitExit() throws java.io.IOException {
    java.nio.file.Path stat = java.nio.file.Path.of("/proc", Long.toString(pid), "stat");
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        String s = java.nio.file.Files.readString(stat);
        if (s.charAt(s.lastIndexOf(')') + 2) == 'Z') {
          return;
        }
      } catch (java.io.IOException gone) {
        return;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(100_000);
    }
    throw new java.io.IOException(name() + ": init pid " + pid + " still alive 30 s after KILL");
  }
}
