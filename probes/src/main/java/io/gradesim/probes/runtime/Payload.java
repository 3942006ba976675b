package io.gradesim.probes.runtime;

import java.util.List;

/**
 * The programs a probe runs inside a started container, as argument lists for the busybox root file
 * system. The shell snippets are constants (no data is ever spliced into them).
 */
public enum Payload {
  /** Does nothing: measures the runtime alone. */
  TRUE("true", List.of("/bin/true")),
  /** A CPU-bound job of fixed work, like a grader compiling and testing: md5 of 64 MiB. */
  CPU("cpu", List.of("/bin/sh", "-c", "dd if=/dev/zero bs=65536 count=1024 2>/dev/null | md5sum")),
  /** Writes and syncs an 8 MiB file, like a grader writing its build output. */
  WRITE(
      "write",
      List.of(
          "/bin/sh",
          "-c",
          "dd if=/dev/zero of=/tmp/gradesim-write.$$ bs=65536 count=128 conv=fsync 2>/dev/null"
              + " && rm /tmp/gradesim-write.$$"));

  private final String label;
  private final List<String> argv;

  Payload(String label, List<String> argv) {
    this.label = label;
    this.argv = argv;
  }

  /** The name used on the command line, in JFR events and in CSV. */
  public String label() {
    return label;
  }

  /** The command run inside the container. */
  public List<String> argv() {
    return argv;
  }

  /** The payload named {@code label}, or an IllegalArgumentException listing the known ones. */
  public static Payload of(String label) {
    for (Payload p : values()) {
      if (p.label.equals(label)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown payload '" + label + "' (known: true, cpu, write)");
  }
}
